package com.salescadence.cadence;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A rep's reliability in the Monday call (issue 16, item 4), plain Java: the median of actual / commit over the rep's
 * past weeks, each week's commit the rep's own reported commit and its actual what was booked in that week (the call's
 * "last week actual / commit"). Weeks without a commit, or with a commit of 0, do not count; with fewer usable weeks
 * than the minimum there is "not enough history" and no suggestion. The suggested commit is this week's commit x the
 * reliability, rounded to three significant figures (a suggestion, not an amount to book): it is shown, never applied.
 */
public final class RepReliabilityRules {

    private RepReliabilityRules() {
    }

    /** One past week of a rep: the commit reported for it (null when none) and what was booked in it. */
    public record Week(BigDecimal commit, BigDecimal actual) {
    }

    /**
     * @param weeks     the usable weeks (a commit above 0)
     * @param ratio     the median actual / commit, six decimals; null when there is not enough history
     * @param suggested this week's commit x the ratio, three significant figures; null without a ratio or a commit
     */
    public record Reliability(int weeks, BigDecimal ratio, BigDecimal suggested) {
        public boolean enough() {
            return ratio != null;
        }
    }

    public static Reliability of(Collection<Week> weeks, int minWeeks, BigDecimal thisWeekCommit) {
        List<BigDecimal> ratios = new ArrayList<>();
        for (Week week : weeks) {
            if (week.commit() != null && week.commit().signum() > 0) {
                BigDecimal actual = week.actual() == null ? BigDecimal.ZERO : week.actual();
                ratios.add(actual.divide(week.commit(), 6, RoundingMode.HALF_UP));
            }
        }
        if (ratios.size() < minWeeks || ratios.isEmpty()) {
            return new Reliability(ratios.size(), null, null);
        }
        BigDecimal median = median(ratios);
        return new Reliability(ratios.size(), median, suggest(thisWeekCommit, median));
    }

    /** The middle value; of an even number, the mean of the two middle ones. */
    static BigDecimal median(List<BigDecimal> values) {
        List<BigDecimal> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        if (n % 2 == 1) {
            return sorted.get(n / 2);
        }
        return sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.valueOf(2), 6, RoundingMode.HALF_UP);
    }

    /** commit x ratio to three significant figures, whole units at least (36,912.34 -> 36,900; 412.6 -> 413). */
    static BigDecimal suggest(BigDecimal commit, BigDecimal ratio) {
        if (commit == null) {
            return null;
        }
        BigDecimal exact = commit.multiply(ratio);
        if (exact.signum() == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal rounded = exact.round(new MathContext(3, RoundingMode.HALF_UP));
        return rounded.setScale(0, RoundingMode.HALF_UP);
    }

    /** "82%" (whole percent) or null. */
    public static String percent(BigDecimal ratio) {
        return ratio == null ? null : ratio.movePointRight(2).setScale(0, RoundingMode.HALF_UP).toPlainString() + "%";
    }
}
