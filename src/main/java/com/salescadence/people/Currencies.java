package com.salescadence.people;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import com.salescadence.common.CurrencyRates;
import com.salescadence.pipeline.PipelineProperties;

/** The currencies amounts may be in: the base currency, the pipeline's, and every one with a rate. */
@Component
class Currencies {

    private final CurrencyRates rates;
    private final PipelineProperties pipeline;

    Currencies(CurrencyRates rates, PipelineProperties pipeline) {
        this.rates = rates;
        this.pipeline = pipeline;
    }

    String base() {
        return rates.base().trim().toUpperCase(Locale.ROOT);
    }

    List<String> all() {
        List<String> all = new ArrayList<>(List.of(base()));
        String pipelineCurrency = pipeline.currency().trim().toUpperCase(Locale.ROOT);
        if (!all.contains(pipelineCurrency)) {
            all.add(pipelineCurrency);
        }
        rates.rates().keySet().stream().map(c -> c.trim().toUpperCase(Locale.ROOT)).filter(c -> !all.contains(c)).forEach(all::add);
        return all;
    }

    boolean known(String currency) {
        return all().contains(currency);
    }
}
