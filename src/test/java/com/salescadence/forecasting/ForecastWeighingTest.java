package com.salescadence.forecasting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import com.salescadence.pipeline.StageRates.Weighing;

/** The setting cadence.forecasting.method chooses the weight (the learned one: LearnedForecastSettingIntegrationTest). */
class ForecastWeighingTest {

    private static Weighing weighing(ForecastMethod method) {
        return new ForecastWeighing(new ForecastingSettings(20, 20, method), null, null).asOf(LocalDate.of(2031, 5, 14));
    }

    @Test
    void configured_keeps_the_weight_the_caller_gave_and_claimed_takes_the_reps_probabilities() {
        // 100,000 in DEVELOP: configured 50% = 50,000 (or what a snapshot stored), claimed 60% = 60,000
        BigDecimal amount = new BigDecimal("100000");
        assertThat(weighing(ForecastMethod.CONFIGURED).weigh("rep", "ibm", "DEVELOP", amount, new BigDecimal("50000"), new BigDecimal("60000")))
                .isEqualByComparingTo("50000");
        assertThat(weighing(ForecastMethod.CLAIMED).weigh("rep", "ibm", "DEVELOP", amount, new BigDecimal("50000"), new BigDecimal("60000")))
                .isEqualByComparingTo("60000");
    }
}
