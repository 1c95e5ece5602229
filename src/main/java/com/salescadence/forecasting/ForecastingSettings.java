package com.salescadence.forecasting;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import com.salescadence.workflow.admin.CadenceSettings;

/**
 * The learned win rates' and the forecasts' settings (issue 16).
 *
 * @param priorStrength the weight, in deals, of the Beta prior centred on the stage model's configured rate (20)
 * @param minDeals      fewer verdicts than this at a stage and a person's (or a branch's) learned rate is thin: the
 *                      branch above is used (20)
 * @param method        which of the three forecasts is "the forecast" of /api/metrics and the roll-up (CONFIGURED, as
 *                      before; LEARNED; CLAIMED), through {@link ForecastWeighing}
 */
@ConfigurationProperties("cadence.forecasting")
public record ForecastingSettings(@DefaultValue("20") double priorStrength, @DefaultValue("20") int minDeals,
                                  @DefaultValue("CONFIGURED") ForecastMethod method) implements CadenceSettings {

    @Override
    public Map<String, Object> cadenceSettings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("cadence.forecasting.method", method.name().toLowerCase());
        settings.put("cadence.forecasting.prior-strength", priorStrength);
        settings.put("cadence.forecasting.min-deals", minDeals);
        return settings;
    }
}
