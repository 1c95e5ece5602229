package com.salescadence.cadence.forecast;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.salescadence.common.Inputs;
import com.salescadence.common.ValidationException;

/**
 * The twelve months a monthly forecast covers (the cycle's month and the eleven after it), and the
 * reading of a submitted forecast: one amount per month, each month once, none outside the twelve, no
 * negative amount. Plain Java, unit tested.
 */
public final class ForecastMonths {

    public static final int MONTHS = 12;

    private static final BigDecimal TOO_LARGE = new BigDecimal("1000000000000");

    private ForecastMonths() {
    }

    public static List<YearMonth> window(YearMonth first) {
        List<YearMonth> months = new ArrayList<>(MONTHS);
        for (int i = 0; i < MONTHS; i++) {
            months.add(first.plusMonths(i));
        }
        return months;
    }

    /** How the form names the month: "Month 1: 2026-12" (the cycle's month is month 1). */
    public static String label(int number, YearMonth month) {
        return "Month " + number + ": " + month;
    }

    /** The label of a month's amount field in the form, in Chinese and English: "第 1 个月：2026-12 / Month 1: 2026-12". */
    public static String bilingualLabel(int number, YearMonth month) {
        return "第 " + number + " 个月：" + month + " / " + label(number, month);
    }

    /**
     * The rows {@link #parse} reads, from the form's numbered fields: the i-th amount (amount1..12 in the
     * Tasklist form) is the forecast of the i-th month of the window; an amount not given stays empty.
     */
    public static List<Map<String, Object>> rows(List<?> amounts, YearMonth first) {
        List<Map<String, Object>> rows = new ArrayList<>(MONTHS);
        for (int i = 0; i < MONTHS; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("month", first.plusMonths(i).toString());
            row.put("amount", i < amounts.size() ? amounts.get(i) : null);
            rows.add(row);
        }
        return rows;
    }

    public static boolean inWindow(YearMonth month, YearMonth first) {
        return !month.isBefore(first) && month.isBefore(first.plusMonths(MONTHS));
    }

    /**
     * The submitted rows ({@code month} like 2026-12, {@code amount}) as an amount per month, in month
     * order. Refuses, listing every problem at once: a month that is not a month, outside the twelve,
     * given twice, or missing; an amount that is missing, negative, or has more than two decimals.
     */
    public static Map<YearMonth, BigDecimal> parse(List<Map<String, Object>> rows, YearMonth first) {
        List<String> problems = new ArrayList<>();
        Map<YearMonth, BigDecimal> amounts = new LinkedHashMap<>();
        int line = 0;
        for (Map<String, Object> row : rows) {
            line++;
            String text = Inputs.text(row.get("month"));
            YearMonth month;
            try {
                month = text == null ? null : YearMonth.parse(text.length() > 7 ? text.substring(0, 7) : text);
            } catch (DateTimeParseException e) {
                problems.add("Row " + line + ": month must look like " + first + ", not '" + text + "'.");
                continue;
            }
            if (month == null) {
                problems.add("Row " + line + ": month is required.");
                continue;
            }
            if (!inWindow(month, first)) {
                problems.add("Month " + month + " is outside the forecast's 12 months (" + first + " to "
                        + first.plusMonths(MONTHS - 1) + ").");
                continue;
            }
            if (amounts.containsKey(month)) {
                problems.add("Month " + month + " is given twice.");
                continue;
            }
            BigDecimal amount;
            try {
                amount = Inputs.amount(row.get("amount"), "Amount of " + month);
            } catch (ValidationException e) {
                problems.addAll(e.problems());
                amounts.put(month, BigDecimal.ZERO);
                continue;
            }
            if (amount == null) {
                problems.add("Amount of " + month + " is required (0 if you expect nothing).");
            } else if (amount.signum() < 0) {
                problems.add("Amount of " + month + " must not be negative, got " + amount.toPlainString() + ".");
            } else if (amount.stripTrailingZeros().scale() > 2) {
                problems.add("Amount of " + month + " may have at most two decimals.");
            } else if (amount.compareTo(TOO_LARGE) >= 0) {
                problems.add("Amount of " + month + " is unrealistically large.");
            }
            amounts.put(month, amount == null ? BigDecimal.ZERO : amount);
        }
        for (YearMonth month : window(first)) {
            if (!amounts.containsKey(month) && problems.stream().noneMatch(p -> p.startsWith("Row "))) {
                problems.add("Month " + month + " is missing: forecast every one of the 12 months (0 if you expect nothing).");
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        Map<YearMonth, BigDecimal> ordered = new LinkedHashMap<>();
        window(first).forEach(month -> ordered.put(month, amounts.get(month).setScale(2)));
        return ordered;
    }
}
