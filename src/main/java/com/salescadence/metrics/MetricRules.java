package com.salescadence.metrics;

import static com.salescadence.metrics.Figure.inputs;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The formulas of docs/domain.md section 3, plain Java. Ratios are compared unrounded (six decimals) and shown
 * as fractions with four decimals; amounts are shown with two. A figure whose denominator is missing or
 * zero (no quota, no commit, no orders) has the value null and the flag NONE, its inputs saying why.
 */
public final class MetricRules {

    private MetricRules() {
    }

    /** numerator / denominator with six decimals; null when either is null or the denominator is zero. */
    public static BigDecimal ratio(BigDecimal numerator, BigDecimal denominator) {
        if (numerator == null || denominator == null || denominator.signum() == 0) {
            return null;
        }
        return numerator.divide(denominator, 6, RoundingMode.HALF_UP);
    }

    public static BigDecimal amount(BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.HALF_UP);
    }

    public static BigDecimal shown(BigDecimal ratio) {
        return ratio == null ? null : ratio.setScale(4, RoundingMode.HALF_UP);
    }

    /** 0.95 as "95%", 0.075 as "7.5%". */
    public static String percent(BigDecimal fraction) {
        return fraction.multiply(BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString() + "%";
    }

    /** The quota still to book this quarter: quota - booked, never below zero; null without a quota. */
    public static BigDecimal remainingQuota(BigDecimal quota, BigDecimal booked) {
        return quota == null ? null : quota.subtract(booked).max(BigDecimal.ZERO);
    }

    /**
     * Weighted open pipeline against the quota still to book: LOW ("needs more pipeline") when it is below;
     * gap = remaining quota - weighted (positive: the shortfall). Without a quota the flag is NONE.
     */
    public static Figure forecast(BigDecimal weighted, BigDecimal quota, BigDecimal booked) {
        BigDecimal remaining = remainingQuota(quota, booked);
        BigDecimal gap = remaining == null ? null : remaining.subtract(weighted);
        Flag flag = remaining == null ? Flag.NONE : weighted.compareTo(remaining) < 0 ? Flag.LOW : Flag.OK;
        return new Figure(amount(weighted), flag, ">= remaining quota",
                inputs("weighted", amount(weighted), "quota", amount(quota), "booked", amount(booked),
                        "remainingQuota", amount(remaining), "gap", amount(gap)));
    }

    public static boolean needsMorePipeline(BigDecimal weighted, BigDecimal quota, BigDecimal booked) {
        BigDecimal remaining = remainingQuota(quota, booked);
        return remaining != null && weighted.compareTo(remaining) < 0;
    }

    /**
     * (this week's forecast + this week's cumulative sales - last week's forecast - last week's cumulative
     * sales) / quarter quota, against 1 / weeks in the quarter. NONE without a quota or without last week's
     * snapshot (lastWeekForecast null).
     */
    public static Figure weeklyProgress(BigDecimal thisWeekForecast, BigDecimal thisWeekCumulativeSales,
                                        BigDecimal lastWeekForecast, BigDecimal lastWeekCumulativeSales,
                                        BigDecimal quarterQuota, int weeksInQuarter) {
        BigDecimal target = BigDecimal.ONE.divide(BigDecimal.valueOf(weeksInQuarter), 6, RoundingMode.HALF_UP);
        var in = inputs("thisWeekForecast", amount(thisWeekForecast), "thisWeekCumulativeSales", amount(thisWeekCumulativeSales),
                "lastWeekForecast", amount(lastWeekForecast), "lastWeekCumulativeSales", amount(lastWeekCumulativeSales),
                "quarterQuota", amount(quarterQuota), "target", shown(target));
        String threshold = ">= 1/" + weeksInQuarter + " (" + percent(shown(target).setScale(3, RoundingMode.HALF_UP)) + ")";
        if (quarterQuota == null || quarterQuota.signum() == 0 || lastWeekForecast == null || lastWeekCumulativeSales == null) {
            return Figure.none(threshold, in);
        }
        BigDecimal progress = ratio(thisWeekForecast.add(thisWeekCumulativeSales).subtract(lastWeekForecast)
                .subtract(lastWeekCumulativeSales), quarterQuota);
        return new Figure(shown(progress), progress.compareTo(target) < 0 ? Flag.LOW : Flag.OK, threshold, in);
    }

    /** Actual booked / committed; LOW below the band, HIGH above it; NONE without a commit. */
    public static Figure commitAccuracy(BigDecimal commit, BigDecimal actual, BigDecimal low, BigDecimal high) {
        return band(ratio(actual, commit), low, high, inputs("commit", amount(commit), "actual", amount(actual)));
    }

    /**
     * This month's weekly commits so far / their linear share (the month's third of the quarter quota,
     * spread evenly over the month's weeks, times the weeks counted).
     */
    public static Figure linearity(BigDecimal commits, int weeks, BigDecimal weeklyShare, BigDecimal low, BigDecimal high) {
        BigDecimal expected = weeklyShare == null ? null : weeklyShare.multiply(BigDecimal.valueOf(weeks));
        return band(ratio(commits, expected), low, high, inputs("commits", amount(commits), "weeks", BigDecimal.valueOf(weeks),
                "weeklyShare", amount(weeklyShare), "linearShare", amount(expected)));
    }

    private static Figure band(BigDecimal value, BigDecimal low, BigDecimal high, java.util.Map<String, BigDecimal> in) {
        String threshold = percent(low) + "-" + percent(high);
        if (value == null) {
            return Figure.none(threshold, in);
        }
        Flag flag = value.compareTo(low) < 0 ? Flag.LOW : value.compareTo(high) > 0 ? Flag.HIGH : Flag.OK;
        return new Figure(shown(value), flag, threshold, in);
    }

    /** Open pipeline / the quota still to book this quarter; LOW under the minimum (150%). */
    public static Figure coverage(BigDecimal openPipeline, BigDecimal quota, BigDecimal booked, BigDecimal minimum) {
        BigDecimal remaining = remainingQuota(quota, booked);
        BigDecimal value = remaining == null || remaining.signum() == 0 ? null : ratio(openPipeline, remaining);
        var in = inputs("openPipeline", amount(openPipeline), "remainingTarget", amount(remaining));
        if (value == null) {
            return Figure.none("> " + percent(minimum), in);
        }
        return new Figure(shown(value), value.compareTo(minimum) < 0 ? Flag.LOW : Flag.OK, "> " + percent(minimum), in);
    }

    public static BigDecimal coverageRatio(BigDecimal openPipeline, BigDecimal quota, BigDecimal booked) {
        BigDecimal remaining = remainingQuota(quota, booked);
        return remaining == null || remaining.signum() == 0 ? null : shown(ratio(openPipeline, remaining));
    }

    /** (this month - last month) / last month; LOW under the minimum (5%), GOOD from the good mark (10%). */
    public static Figure growth(BigDecimal thisMonth, BigDecimal lastMonth, BigDecimal minimum, BigDecimal good) {
        String threshold = ">= " + percent(minimum) + ", " + percent(good) + " good";
        var in = inputs("thisMonth", amount(thisMonth), "lastMonth", amount(lastMonth));
        BigDecimal value = thisMonth == null ? null : ratio(thisMonth.subtract(lastMonth == null ? BigDecimal.ZERO : lastMonth), lastMonth);
        if (value == null) {
            return Figure.none(threshold, in);
        }
        Flag flag = value.compareTo(minimum) < 0 ? Flag.LOW : value.compareTo(good) >= 0 ? Flag.GOOD : Flag.OK;
        return new Figure(shown(value), flag, threshold, in);
    }

    /** Unfulfilled (won, not paid) / all orders; HIGH at the limit (5%) or above. */
    public static Figure unfulfilledShare(BigDecimal unfulfilled, BigDecimal orders, BigDecimal limit) {
        var in = inputs("unfulfilled", amount(unfulfilled), "orders", amount(orders));
        BigDecimal value = ratio(unfulfilled, orders);
        if (value == null) {
            return Figure.none("< " + percent(limit), in);
        }
        return new Figure(shown(value), value.compareTo(limit) >= 0 ? Flag.HIGH : Flag.OK, "< " + percent(limit), in);
    }

    /** Reports submitted on time / reports whose deadline has passed; anything below 100% is LOW. */
    public static Figure compliance(long onTime, long late, long missing) {
        long due = onTime + late + missing;
        var in = inputs("onTime", BigDecimal.valueOf(onTime), "late", BigDecimal.valueOf(late),
                "missing", BigDecimal.valueOf(missing), "due", BigDecimal.valueOf(due));
        BigDecimal value = ratio(BigDecimal.valueOf(onTime), BigDecimal.valueOf(due));
        if (value == null) {
            return Figure.none("100%", in);
        }
        return new Figure(shown(value), onTime == due ? Flag.OK : Flag.LOW, "100%", in);
    }
}
