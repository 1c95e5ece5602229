package com.salescadence.cadence;

import java.math.BigDecimal;

/**
 * A rep's reliability beside their commit in the Monday call ({@link RepReliabilityRules}): over the {@code window}
 * completed weeks before the call's week, {@code weeks} had a commit above 0; {@code ratio} is the median actual /
 * commit of those weeks (null, and {@code enough} false, with fewer than the minimum), {@code percent} the same as
 * "82%"; {@code suggestedCommit} is the rep's commit of this week x the ratio: a suggestion shown beside the commit,
 * never applied to any figure.
 */
public record RepReliability(String personId, int window, int weeks, int minWeeks, boolean enough, BigDecimal ratio,
                             String percent, BigDecimal commit, BigDecimal suggestedCommit) {
}
