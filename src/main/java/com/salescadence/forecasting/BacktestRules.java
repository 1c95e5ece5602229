package com.salescadence.forecasting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.salescadence.forecasting.StageOutcomes.DealHistory;

/**
 * The back-test of the forecast methods (issue 16, item 3), in plain Java. For a past week with a snapshot, a method's
 * forecast of the quarter is the quarter's sales booked up to the snapshot plus the snapshot's open deals closing by the
 * quarter's end weighted by that method (the learned rates learned only from verdicts up to the snapshot); it is graded
 * against what was booked by the quarter's end: absolute percentage error |forecast - actual| / actual and bias
 * (forecast - actual) / actual, averaged over the weeks graded.
 */
public final class BacktestRules {

    private BacktestRules() {
    }

    /** An open deal as a snapshot held it: owner, stage, amount (base currency), the configured and the claimed percent. */
    public record OpenLine(String owner, String stage, BigDecimal amount, int configuredPercent, int claimedPercent) {
    }

    /** A graded week: each method's forecast of the quarter, and the quarter's booked sales at its end. */
    public record Week(String weekKey, String quarter, Map<ForecastMethod, BigDecimal> forecasts, BigDecimal actual) {
    }

    /** A method's grade over the weeks: mean absolute percentage error and mean bias (shares), and how many weeks. */
    public record Grade(BigDecimal ape, BigDecimal bias, int weeks) {
    }

    /** As {@link #forecasts(Collection, BigDecimal, Collection, Collection, LocalDateTime, double, int, Map)} with no managers: the owner's own tally, else the company's. */
    public static Map<ForecastMethod, BigDecimal> forecasts(Collection<OpenLine> lines, BigDecimal bookedSoFar, Collection<DealHistory> history,
                                                            Collection<String> openStages, LocalDateTime at, double strength, int minDeals) {
        return forecasts(lines, bookedSoFar, history, openStages, at, strength, minDeals, Map.of());
    }

    /**
     * Each method's forecast of the quarter at {@code at}: {@code bookedSoFar} plus the lines weighted by the configured
     * rate, the learned rate (as the live forecast chooses it: the owner's own tally when at least {@code minDeals}
     * verdicts, else their manager's branch, and so on up {@code managerOf}, the company's last; learned from
     * {@code history} as of {@code at} only) and the claimed probability.
     */
    public static Map<ForecastMethod, BigDecimal> forecasts(Collection<OpenLine> lines, BigDecimal bookedSoFar, Collection<DealHistory> history,
                                                            Collection<String> openStages, LocalDateTime at, double strength, int minDeals,
                                                            Map<String, String> managerOf) {
        HierarchyTallies tallies = new HierarchyTallies(StageOutcomes.tally(history, openStages, at), managerOf);
        Map<ForecastMethod, BigDecimal> sums = new EnumMap<>(ForecastMethod.class);
        for (ForecastMethod method : ForecastMethod.values()) {
            sums.put(method, bookedSoFar);
        }
        for (OpenLine line : lines) {
            double learned = LearnedRateChooser.choose(tallies.chain(line.owner(), line.stage()), line.configuredPercent() / 100.0,
                    strength, minDeals).rate();
            sums.merge(ForecastMethod.CONFIGURED, percent(line.amount(), line.configuredPercent()), BigDecimal::add);
            sums.merge(ForecastMethod.CLAIMED, percent(line.amount(), line.claimedPercent()), BigDecimal::add);
            sums.merge(ForecastMethod.LEARNED, line.amount().multiply(BigDecimal.valueOf(learned)).setScale(2, RoundingMode.HALF_UP), BigDecimal::add);
        }
        return sums;
    }

    /** Each method's grade over the weeks with a known, positive actual (weeks of a quarter not yet over are not graded). */
    public static Map<ForecastMethod, Grade> grade(List<Week> weeks) {
        Map<ForecastMethod, Grade> grades = new EnumMap<>(ForecastMethod.class);
        for (ForecastMethod method : ForecastMethod.values()) {
            grades.put(method, grade(weeks.stream().map(w -> new BigDecimal[] {w.forecasts().get(method), w.actual()}).toList()));
        }
        return grades;
    }

    /** The grade of (forecast, actual) pairs; a pair without a forecast or without a positive actual is not graded. */
    public static Grade grade(Collection<BigDecimal[]> pairs) {
        BigDecimal ape = BigDecimal.ZERO;
        BigDecimal bias = BigDecimal.ZERO;
        int n = 0;
        for (BigDecimal[] pair : pairs) {
            BigDecimal forecast = pair[0];
            BigDecimal actual = pair[1];
            if (forecast == null || actual == null || actual.signum() <= 0) {
                continue;
            }
            BigDecimal error = forecast.subtract(actual).divide(actual, 10, RoundingMode.HALF_UP);
            ape = ape.add(error.abs());
            bias = bias.add(error);
            n++;
        }
        return n == 0 ? new Grade(null, null, 0)
                : new Grade(ape.divide(BigDecimal.valueOf(n), 4, RoundingMode.HALF_UP), bias.divide(BigDecimal.valueOf(n), 4, RoundingMode.HALF_UP), n);
    }

    private static BigDecimal percent(BigDecimal amount, int percent) {
        return amount.multiply(BigDecimal.valueOf(percent)).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
    }
}
