package com.salescadence.metrics;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

import com.salescadence.cadence.CycleKeys;
import com.salescadence.organization.QuotaService;

/** The week (Monday to Sunday), month and quarter a business date falls in. */
public record Periods(LocalDate date, LocalDate weekStart, YearMonth month, LocalDate quarterStart, LocalDate quarterEnd) {

    public static Periods of(LocalDate date) {
        LocalDate quarterStart = date.with(IsoFields.DAY_OF_QUARTER, 1);
        return new Periods(date, date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), YearMonth.from(date),
                quarterStart, quarterStart.plusMonths(3));
    }

    public String weekKey() {
        return CycleKeys.weekKey(weekStart);
    }

    public String quarterKey() {
        return QuotaService.quarterOf(date);
    }

    /** The end (exclusive) of "to date": the day after the date, but not beyond the quarter. */
    public LocalDate quarterToDateEnd() {
        LocalDate next = date.plusDays(1);
        return next.isBefore(quarterEnd) ? next : quarterEnd;
    }

    public LocalDate monthStart() {
        return month.atDay(1);
    }
}
