package com.salescadence.forecasting;

import com.salescadence.pipeline.stage.Stage;

/**
 * The learned rate that weighs an owner's deals at a stage ({@link LearnedRateChooser}: the owner's own tally, else the
 * branch of each manager above in turn when thin, the company's last), from the tallies of one moment (read once by
 * {@link WinRateService#learnedRates}), walked through the same {@link HierarchyTallies} as the back-test's.
 */
public final class LearnedRates {

    private final HierarchyTallies chains;
    private final double strength;
    private final int minDeals;

    LearnedRates(HierarchyTallies chains, double strength, int minDeals) {
        this.chains = chains;
        this.strength = strength;
        this.minDeals = minDeals;
    }

    /** The rate (share 0-1) weighing {@code owner}'s deals at an open stage of the model the tallies are of. */
    public double rate(String owner, Stage stage) {
        return LearnedRateChooser.choose(chains.chain(owner, stage.code()), stage.winRate() / 100.0, strength, minDeals).rate();
    }
}
