package com.salescadence.pipeline.stage;

import com.salescadence.common.ValidationException;

/**
 * Win rate is bound to the stage: a rep may claim at most the stage's probability cap (e.g. never
 * above 50% while in Identify). A deal without a claim gets the stage's default win rate.
 */
public final class ProbabilityRule {

    private ProbabilityRule() {
    }

    public static int claimable(Stage stage, Integer claimed) {
        if (claimed == null) {
            return stage.winRate();
        }
        if (claimed < 0) {
            throw new ValidationException("Probability cannot be negative.");
        }
        if (claimed > stage.probabilityCap()) {
            throw new ValidationException("A deal in " + stage.name() + " may claim at most " + stage.probabilityCap()
                    + "% probability; you claimed " + claimed + "%.");
        }
        return claimed;
    }
}
