package com.salescadence.forecasting;

import java.util.List;

import com.salescadence.forecasting.WinRateRules.Estimate;
import com.salescadence.forecasting.WinRateRules.Tally;

/**
 * Which learned rate weighs a deal (issue 16, item 2): its owner's own, or when the owner has fewer than
 * {@code minDeals} verdicts at the stage, the branch of their manager, and so on up the hierarchy; the company's last,
 * whatever its count (shrunk towards the configured rate like every level).
 */
public final class LearnedRateChooser {

    private LearnedRateChooser() {
    }

    /** @param chain the tallies of the owner, then of each manager's branch above (nearest first), the company's last */
    public static Estimate choose(List<Tally> chain, double configured, double strength, int minDeals) {
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("at least the company's tally is needed");
        }
        for (int i = 0; i < chain.size() - 1; i++) {
            if (chain.get(i).decided() >= minDeals) {
                return WinRateRules.estimate(chain.get(i), configured, strength);
            }
        }
        return WinRateRules.estimate(chain.get(chain.size() - 1), configured, strength);
    }
}
