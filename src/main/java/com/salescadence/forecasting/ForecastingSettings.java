package com.salescadence.forecasting;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The learned win rates' settings (issue 16).
 *
 * @param priorStrength the weight, in deals, of the Beta prior centred on the stage model's configured rate (20)
 */
@ConfigurationProperties("cadence.forecasting")
public record ForecastingSettings(@DefaultValue("20") double priorStrength) {
}
