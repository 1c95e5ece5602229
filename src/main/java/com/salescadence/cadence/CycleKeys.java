package com.salescadence.cadence;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/** Names of cycles: the ISO week a weekly commit is for, e.g. 2026-W48. */
public final class CycleKeys {

    private CycleKeys() {
    }

    /** The week a cycle started on {@code day} commits for: the week of the next Monday (or that day if Monday). */
    public static LocalDate weekCommittedFrom(LocalDate day) {
        return day.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
    }

    public static String weekKey(LocalDate monday) {
        return monday.get(IsoFields.WEEK_BASED_YEAR) + "-W" + String.format("%02d", monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }
}
