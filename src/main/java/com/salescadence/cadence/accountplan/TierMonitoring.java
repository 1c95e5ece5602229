package com.salescadence.cadence.accountplan;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

import com.salescadence.pipeline.AccountTier;

/**
 * How an account's plan is monitored once approved (seed 002, phase 4): the most important accounts
 * are reviewed every quarter and get a progress report every six months; second-tier accounts are
 * reviewed once a year, one by one; all other accounts together in one collective annual review.
 * Plain Java: the BPMN model asks it which monitoring path an account takes.
 */
public record TierMonitoring(Frequency frequency, boolean individual, Period reviewEvery, Period progressReportEvery) {

    public enum Frequency { QUARTERLY, YEARLY }

    public static TierMonitoring of(AccountTier tier) {
        return switch (tier) {
            case KEY -> new TierMonitoring(Frequency.QUARTERLY, true, Period.ofMonths(3), Period.ofMonths(6));
            case SECOND -> new TierMonitoring(Frequency.YEARLY, true, Period.ofYears(1), null);
            case OTHER -> new TierMonitoring(Frequency.YEARLY, false, Period.ofYears(1), null);
        };
    }

    public boolean hasProgressReports() {
        return progressReportEvery != null;
    }

    /** The review dates after {@code start}, up to and including {@code until}. */
    public List<LocalDate> reviewDates(LocalDate start, LocalDate until) {
        return dates(start, until, reviewEvery);
    }

    /** The progress report dates after {@code start}, up to and including {@code until}; none below the key tier. */
    public List<LocalDate> progressReportDates(LocalDate start, LocalDate until) {
        return hasProgressReports() ? dates(start, until, progressReportEvery) : List.of();
    }

    private static List<LocalDate> dates(LocalDate start, LocalDate until, Period every) {
        List<LocalDate> dates = new ArrayList<>();
        for (int i = 1; !start.plus(every.multipliedBy(i)).isAfter(until); i++) {
            dates.add(start.plus(every.multipliedBy(i)));
        }
        return dates;
    }
}
