package com.salescadence.pipeline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A period of days [from, to) read from the kept figures ({@link KeptFigures}): its whole months from the month
 * buckets, the days at its edges (before its first whole month, after its last) from the day buckets. Every day of the
 * period is counted exactly once, whatever its bounds; a period without a whole month is read as days only.
 */
record KeptPeriod(PipelineFigures.Period period, PipelineFigures.Period months) {

    static KeptPeriod of(PipelineFigures.Period period) {
        LocalDate from = period.from();
        LocalDate firstWhole = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
        LocalDate endWhole = period.to().withDayOfMonth(1);
        return new KeptPeriod(period, firstWhole.isBefore(endWhole) ? new PipelineFigures.Period(firstWhole, endWhole) : null);
    }

    /** The ranges to read: the whole months (month buckets, this record's {@link #months}) and the edges (day buckets). */
    List<PipelineFigures.Period> ranges() {
        List<PipelineFigures.Period> ranges = new ArrayList<>();
        if (months == null) {
            ranges.add(period);
            return ranges;
        }
        ranges.add(months);
        if (period.from().isBefore(months.from())) {
            ranges.add(new PipelineFigures.Period(period.from(), months.from()));
        }
        if (months.to().isBefore(period.to())) {
            ranges.add(new PipelineFigures.Period(months.to(), period.to()));
        }
        return ranges;
    }

    /** Whether a bucket of that grain ('D' a day, 'M' the first day of a month) counts in this period. */
    boolean counts(char grain, LocalDate bucket) {
        boolean inMonths = months != null && !bucket.isBefore(months.from()) && bucket.isBefore(months.to());
        if (grain == 'M') {
            return inMonths;
        }
        return !inMonths && !bucket.isBefore(period.from()) && bucket.isBefore(period.to());
    }
}
