package com.salescadence.cadence.forecast;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The monthly forecast's settings (docs/domain.md section 2.3), with the seeds' defaults.
 *
 * @param coverageMin   pipeline / 12-month stretch target below this is flagged (150%)
 * @param growthMin     month-over-month growth of pipeline or forecast below this is flagged (5%)
 * @param growthGood    growth at or above this is marked good (10%)
 * @param stretchMin    the 12 months' forecast below this share of the stretch target is flagged (100%: they must add up to it)
 * @param batchSize     reps (or managers) started per transaction by the fan-out
 */
@ConfigurationProperties("cadence.monthly-forecast")
public record MonthlyForecastSettings(
        @DefaultValue("1.50") BigDecimal coverageMin,
        @DefaultValue("0.05") BigDecimal growthMin,
        @DefaultValue("0.10") BigDecimal growthGood,
        @DefaultValue("1.00") BigDecimal stretchMin,
        @DefaultValue("200") int batchSize) {

    public static MonthlyForecastSettings defaults() {
        return new MonthlyForecastSettings(new BigDecimal("1.50"), new BigDecimal("0.05"), new BigDecimal("0.10"),
                new BigDecimal("1.00"), 200);
    }
}
