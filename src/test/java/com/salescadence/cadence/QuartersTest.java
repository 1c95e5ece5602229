package com.salescadence.cadence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class QuartersTest {

    @Test
    void a_review_looks_back_on_the_quarter_before_the_one_it_is_held_in() {
        assertThat(Quarters.reviewedOn(LocalDate.of(2026, 10, 12))).isEqualTo("2026-Q3");
        assertThat(Quarters.reviewedOn(LocalDate.of(2027, 1, 11))).isEqualTo("2026-Q4");
    }

    @Test
    void quarters_have_a_start_an_end_a_previous_and_a_next() {
        assertThat(Quarters.start("2026-Q4")).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(Quarters.endExclusive("2026-Q4")).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(Quarters.previous("2026-Q1")).isEqualTo("2025-Q4");
        assertThat(Quarters.next("2026-Q4")).isEqualTo("2027-Q1");
        assertThat(Quarters.next("2026-Q2")).isEqualTo("2026-Q3");
    }
}
