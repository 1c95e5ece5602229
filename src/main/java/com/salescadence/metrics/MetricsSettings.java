package com.salescadence.metrics;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The metrics' own settings (docs/domain.md section 3); the commit call's bands (accuracy, linearity,
 * unfulfilled orders) are {@code cadence.thresholds.*} (forecast.ForecastThresholds), coverage and growth
 * {@code cadence.monthly-forecast.*} (the same bands the monthly review uses).
 *
 * @param stuckDays   a deal whose stage has not changed for this many days is stuck (30)
 * @param weeksInQuarter weekly progress target is 1 / this (13)
 */
@ConfigurationProperties("cadence.metrics")
public record MetricsSettings(
        @DefaultValue("30") int stuckDays,
        @DefaultValue("13") int weeksInQuarter) {
}
