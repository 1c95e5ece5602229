package com.salescadence.pipeline;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The rate lookup that makes "the forecast" follow the setting {@code cadence.forecasting.method} (issue 16, item 2):
 * how an owner's open funnel deals at one stage are weighed, as of a day. The pipeline's figures (the roll-up's
 * forecasts) and the metrics ask it for every weighted amount, so the weighting stays at one place of the read path;
 * the forecasting module implements it (the stage model's configured rates, the learned rates of the owner's branch,
 * or the reps' claimed probabilities) without the pipeline or the metrics depending on it.
 */
public interface StageRates {

    /** The weighting in force, with learned rates from the verdicts known by the end of {@code asOf} only. */
    Weighing asOf(LocalDate asOf);

    @FunctionalInterface
    interface Weighing {
        /**
         * The weighted amount (unrounded) of an owner's open funnel deals at one stage of a stage model.
         *
         * @param amount     their amount
         * @param configured their amount x the stage's configured win rate, as the caller has it (the stage model's now,
         *                   or the weight a snapshot stored)
         * @param claimed    their amount x the probabilities the reps claimed (percent / 100)
         */
        BigDecimal weigh(String owner, String stageModel, String stageCode, BigDecimal amount, BigDecimal configured, BigDecimal claimed);
    }
}
