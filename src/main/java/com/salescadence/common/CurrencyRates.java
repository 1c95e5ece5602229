package com.salescadence.common;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The rate table amounts are converted by: {@code cadence.currency.base} (CNY) and
 * {@code cadence.currency.rates.<CODE>} = how many base units one unit of CODE is worth (USD: 7.10).
 * An amount in a currency without a rate is refused, never added as if it were the base currency.
 */
@ConfigurationProperties("cadence.currency")
public record CurrencyRates(@DefaultValue("CNY") String base, Map<String, BigDecimal> rates) {

    public CurrencyRates {
        Map<String, BigDecimal> table = new TreeMap<>();
        if (rates != null) {
            rates.forEach((code, rate) -> table.put(code.toUpperCase(java.util.Locale.ROOT), rate));
        }
        rates = java.util.Collections.unmodifiableMap(table);
    }

    /** The amount in the base currency, unrounded. */
    public BigDecimal toBase(String currency, BigDecimal amount) {
        if (amount == null) {
            return null;
        }
        if (currency == null || currency.equalsIgnoreCase(base)) {
            return amount;
        }
        BigDecimal rate = rates.get(currency.toUpperCase(java.util.Locale.ROOT));
        if (rate == null || rate.signum() <= 0) {
            throw new ValidationException("Amounts in " + currency + " cannot be added to " + base
                    + " amounts: no exchange rate is configured. Set cadence.currency.rates." + currency
                    + " (how many " + base + " one " + currency + " is worth); configured: "
                    + (rates.isEmpty() ? "none" : String.join(", ", rates.keySet())) + ".");
        }
        return amount.multiply(rate);
    }

    /** Sums amounts kept per currency, each converted to the base currency. */
    public BigDecimal total(Map<String, BigDecimal> byCurrency) {
        BigDecimal total = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal> entry : byCurrency.entrySet()) {
            total = total.add(toBase(entry.getKey(), entry.getValue()));
        }
        return total;
    }
}
