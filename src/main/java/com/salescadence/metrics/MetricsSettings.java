package com.salescadence.metrics;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The metrics' own settings (DOMAIN.md section 3); the commit call's bands (accuracy, linearity,
 * unfulfilled orders) are {@code cadence.thresholds.*} (forecast.ForecastThresholds).
 *
 * @param stuckDays   a deal whose stage has not changed for this many days is stuck (30)
 * @param coverageMin open pipeline / remaining target below this is flagged (1.50)
 * @param growthMin   month-over-month growth below this is flagged LOW (0.05)
 * @param growthGood  ... from this on it is GOOD (0.10)
 * @param weeksInQuarter weekly progress target is 1 / this (13)
 */
@ConfigurationProperties("cadence.metrics")
public record MetricsSettings(
        @DefaultValue("30") int stuckDays,
        @DefaultValue("1.50") BigDecimal coverageMin,
        @DefaultValue("0.05") BigDecimal growthMin,
        @DefaultValue("0.10") BigDecimal growthGood,
        @DefaultValue("13") int weeksInQuarter) {
}
