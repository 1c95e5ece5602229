package com.salescadence.pipeline.deal;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What a rep changes of a deal: a null field stays as it is; an empty next step clears it.
 * Probability in percent, at most the cap of the deal's stage.
 */
public record DealEdit(BigDecimal amount, LocalDate closeDate, Integer probability, String nextStep) {

    public static DealEdit closeDate(LocalDate closeDate) {
        return new DealEdit(null, closeDate, null, null);
    }

    public static DealEdit amount(BigDecimal amount) {
        return new DealEdit(amount, null, null, null);
    }
}
