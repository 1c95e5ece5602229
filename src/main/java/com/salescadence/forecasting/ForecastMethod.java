package com.salescadence.forecasting;

/** The three ways of weighing the open pipeline (issue 16). */
public enum ForecastMethod {
    /** amount x the stage model's win rate */
    CONFIGURED,
    /** amount x the learned win rate of the stage (the owner's, falling back up the hierarchy when thin) */
    LEARNED,
    /** amount x the probability the rep claimed */
    CLAIMED
}
