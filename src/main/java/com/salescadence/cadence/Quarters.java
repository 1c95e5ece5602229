package com.salescadence.cadence;

import java.time.LocalDate;

import com.salescadence.organization.QuotaService;

/** Calendar quarters by key, e.g. 2026-Q4 (October to December 2026). */
public final class Quarters {

    private Quarters() {
    }

    public static String keyOf(LocalDate day) {
        return QuotaService.quarterOf(day);
    }

    public static LocalDate start(String key) {
        int year = Integer.parseInt(key.substring(0, 4));
        int quarter = Integer.parseInt(key.substring(6));
        return LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
    }

    /** The first day after the quarter. */
    public static LocalDate endExclusive(String key) {
        return start(key).plusMonths(3);
    }

    public static String previous(String key) {
        return keyOf(start(key).minusDays(1));
    }

    public static String next(String key) {
        return keyOf(endExclusive(key));
    }

    /** The quarter a review held on {@code day} looks back on: the quarter before the one the day is in. */
    public static String reviewedOn(LocalDate day) {
        return previous(keyOf(day));
    }
}
