package com.salescadence.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** A period read from the kept figures counts each of its days exactly once, from a month bucket or a day bucket. */
class KeptPeriodTest {

    @Test
    void every_day_of_any_period_is_counted_once_and_no_day_outside_it() {
        Random random = new Random(15);
        for (int n = 0; n < 2_000; n++) {
            LocalDate from = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(700));
            LocalDate to = from.plusDays(1 + random.nextInt(200));
            KeptPeriod period = KeptPeriod.of(new PipelineFigures.Period(from, to));
            for (LocalDate day = from.minusDays(40); day.isBefore(to.plusDays(40)); day = day.plusDays(1)) {
                int counted = (period.counts('D', day) ? 1 : 0) + (period.counts('M', day.withDayOfMonth(1)) ? 1 : 0);
                boolean inside = !day.isBefore(from) && day.isBefore(to);
                assertThat(counted).as("day " + day + " in [" + from + ", " + to + ")").isEqualTo(inside ? 1 : 0);
                // what is read: the bucket lies in one of the ranges of its grain
                LocalDate d = day;
                boolean read = period.ranges().stream().anyMatch(r -> !d.isBefore(r.from()) && d.isBefore(r.to()));
                assertThat(read || !inside).as("day " + day + " read for [" + from + ", " + to + ")").isTrue();
            }
        }
    }

    @Test
    void the_calls_periods_read_whole_months_from_month_buckets() {
        KeptPeriod quarter = KeptPeriod.of(new PipelineFigures.Period(LocalDate.of(2030, 1, 1), LocalDate.of(2030, 4, 1)));
        assertThat(quarter.ranges()).containsExactly(new PipelineFigures.Period(LocalDate.of(2030, 1, 1), LocalDate.of(2030, 4, 1)));
        assertThat(quarter.counts('M', LocalDate.of(2030, 2, 1))).isTrue();
        assertThat(quarter.counts('D', LocalDate.of(2030, 2, 14))).isFalse();
        KeptPeriod lastWeek = KeptPeriod.of(new PipelineFigures.Period(LocalDate.of(2029, 12, 31), LocalDate.of(2030, 1, 7)));
        assertThat(lastWeek.months()).isNull();
        assertThat(lastWeek.counts('D', LocalDate.of(2029, 12, 31))).isTrue();
        assertThat(lastWeek.counts('M', LocalDate.of(2030, 1, 1))).isFalse();
    }

    @Test
    void ranges_read_by_the_roll_up_are_joined_into_disjoint_ones() {
        LocalDate d = LocalDate.of(2030, 1, 1);
        var q = new PipelineFigures.Period(d, d.plusMonths(3));            // the quarter's months
        var m = new PipelineFigures.Period(d, d.plusMonths(1));            // this month's, inside it
        var next = new PipelineFigures.Period(d.plusMonths(3), d.plusMonths(4));   // touching its end
        var apart = new PipelineFigures.Period(d.plusMonths(6), d.plusMonths(7));
        var empty = new PipelineFigures.Period(d.plusMonths(9), d.plusMonths(9));
        assertThat(PipelineFigures.disjoint(java.util.List.of(apart, m, next, q, empty))).containsExactly(
                new PipelineFigures.Period(d, d.plusMonths(4)), apart);
    }
}
