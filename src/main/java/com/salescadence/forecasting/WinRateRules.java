package com.salescadence.forecasting;

import org.apache.commons.math3.distribution.BetaDistribution;

/**
 * A learned stage win rate (issue 16): the share of deals that entered a stage and were later won, among those that
 * reached a verdict, shrunk towards the stage model's configured rate by a Beta prior centred on it. The prior has the
 * weight of {@code strength} deals: Beta(strength x configured, strength x (1 - configured)); after {@code won} wins out
 * of {@code decided} verdicts the rate is Beta(won + strength x configured, decided - won + strength x (1 - configured)),
 * its mean the estimate, its 5% and 95% quantiles (exact, not a normal approximation) the 90% interval.
 */
public final class WinRateRules {

    /** The 90% interval's tails. */
    public static final double LOWER = 0.05;
    public static final double UPPER = 0.95;

    private WinRateRules() {
    }

    /** Verdicts (won or lost) of the deals that entered one stage, and how many of them were won. */
    public record Tally(int decided, int won) {
        public static final Tally NONE = new Tally(0, 0);

        public Tally {
            if (decided < 0 || won < 0 || won > decided) {
                throw new IllegalArgumentException("won " + won + " of " + decided + " verdicts");
            }
        }

        public Tally plus(Tally other) {
            return new Tally(decided + other.decided, won + other.won);
        }

        /** The raw share won (null without a verdict). */
        public Double observed() {
            return decided == 0 ? null : (double) won / decided;
        }
    }

    /** The learned rate of a stage: the estimate and its 90% interval (shares 0-1), with what it rests on. */
    public record Estimate(int decided, int won, double configured, double strength, double rate, double low, double high) {
    }

    /**
     * @param configured the stage model's win rate as a share (0-1)
     * @param strength   the prior's weight in deals (0: no shrinkage; then at least one verdict is needed for a rate)
     */
    public static Estimate estimate(Tally tally, double configured, double strength) {
        if (configured < 0 || configured > 1 || strength < 0) {
            throw new IllegalArgumentException("configured rate " + configured + " must be 0-1 and strength " + strength + " at least 0");
        }
        double alpha = tally.won() + strength * configured;
        double beta = tally.decided() - tally.won() + strength * (1 - configured);
        if (alpha + beta == 0) {
            // neither a prior nor a verdict: the configured rate, with nothing learned
            return new Estimate(0, 0, configured, strength, configured, 0, 1);
        }
        double rate = alpha / (alpha + beta);
        if (alpha == 0 || beta == 0) {
            // a degenerate Beta (a 0% or 100% stage with only verdicts agreeing with it): all its mass at the one point
            return new Estimate(tally.decided(), tally.won(), configured, strength, rate, rate, rate);
        }
        BetaDistribution posterior = new BetaDistribution(null, alpha, beta, 1e-12);
        return new Estimate(tally.decided(), tally.won(), configured, strength, rate,
                posterior.inverseCumulativeProbability(LOWER), posterior.inverseCumulativeProbability(UPPER));
    }
}
