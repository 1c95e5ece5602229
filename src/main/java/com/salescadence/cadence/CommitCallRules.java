package com.salescadence.cadence;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;

/**
 * The commit call's formulas, plain Java: commit accuracy, weekly linearity, unfulfilled share.
 * Ratios are six-decimal fractions (0.950000 = 95%), compared unrounded; empty when the denominator is zero.
 */
public final class CommitCallRules {

    private CommitCallRules() {
    }

    public static Optional<BigDecimal> ratio(BigDecimal numerator, BigDecimal denominator) {
        if (numerator == null || denominator == null || denominator.signum() == 0) {
            return Optional.empty();
        }
        return Optional.of(numerator.divide(denominator, 6, RoundingMode.HALF_UP));
    }

    /** Actual booked / committed; flagged outside the accuracy band. */
    public static Optional<BigDecimal> accuracy(BigDecimal actual, BigDecimal committed) {
        return ratio(actual, committed);
    }

    public static boolean outside(Optional<BigDecimal> value, BigDecimal low, BigDecimal high) {
        return value.isPresent() && (value.get().compareTo(low) < 0 || value.get().compareTo(high) > 0);
    }

    /** Weeks of a month, counted by their Monday (a week belongs to the month its Monday is in). */
    public static int weeksInMonth(YearMonth month) {
        LocalDate day = month.atDay(1);
        int weeks = 0;
        for (LocalDate d = day; !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1)) {
            if (d.getDayOfWeek() == DayOfWeek.MONDAY) {
                weeks++;
            }
        }
        return weeks;
    }

    /** A week's linear share of the month's part of the quarter quota: quota / 3 / weeks in the month. */
    public static BigDecimal linearShare(BigDecimal quarterQuota, YearMonth month) {
        if (quarterQuota == null) {
            return BigDecimal.ZERO;
        }
        return quarterQuota.divide(BigDecimal.valueOf(3L * weeksInMonth(month)), 2, RoundingMode.HALF_UP);
    }

    /** This week's commit / its linear share; flagged outside the linearity band. */
    public static Optional<BigDecimal> linearity(BigDecimal weekCommit, BigDecimal linearShare) {
        return ratio(weekCommit, linearShare);
    }

    /** Unfulfilled (booked, not yet paid) / all orders; flagged at the threshold or above. */
    public static Optional<BigDecimal> unfulfilledShare(BigDecimal unfulfilled, BigDecimal allOrders) {
        return ratio(unfulfilled, allOrders);
    }

    public static String percent(Optional<BigDecimal> ratio) {
        return ratio.map(r -> r.multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%").orElse("-");
    }
}
