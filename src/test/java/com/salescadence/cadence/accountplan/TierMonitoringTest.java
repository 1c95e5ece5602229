package com.salescadence.cadence.accountplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;

import org.junit.jupiter.api.Test;

import com.salescadence.pipeline.AccountTier;

class TierMonitoringTest {

    @Test
    void key_accounts_are_reviewed_every_quarter_with_a_progress_report_every_six_months() {
        TierMonitoring key = TierMonitoring.of(AccountTier.KEY);

        assertThat(key.frequency()).isEqualTo(TierMonitoring.Frequency.QUARTERLY);
        assertThat(key.individual()).isTrue();
        assertThat(key.reviewEvery()).isEqualTo(Period.ofMonths(3));
        assertThat(key.hasProgressReports()).isTrue();
        LocalDate approved = LocalDate.of(2026, 3, 31);
        assertThat(key.reviewDates(approved, approved.plusYears(1))).containsExactly(LocalDate.of(2026, 6, 30),
                LocalDate.of(2026, 9, 30), LocalDate.of(2026, 12, 31), LocalDate.of(2027, 3, 31));
        assertThat(key.progressReportDates(approved, approved.plusYears(1))).containsExactly(LocalDate.of(2026, 9, 30),
                LocalDate.of(2027, 3, 31));
    }

    @Test
    void second_tier_accounts_are_reviewed_once_a_year_one_by_one() {
        TierMonitoring second = TierMonitoring.of(AccountTier.SECOND);

        assertThat(second.frequency()).isEqualTo(TierMonitoring.Frequency.YEARLY);
        assertThat(second.individual()).isTrue();
        assertThat(second.hasProgressReports()).isFalse();
        LocalDate start = LocalDate.of(2026, 1, 5);
        assertThat(second.reviewDates(start, start.plusYears(1))).containsExactly(LocalDate.of(2027, 1, 5));
        assertThat(second.progressReportDates(start, start.plusYears(1))).isEmpty();
    }

    @Test
    void other_accounts_share_one_collective_annual_review() {
        TierMonitoring other = TierMonitoring.of(AccountTier.OTHER);

        assertThat(other.frequency()).isEqualTo(TierMonitoring.Frequency.YEARLY);
        assertThat(other.individual()).isFalse();
        assertThat(other.hasProgressReports()).isFalse();
    }

    @Test
    void no_review_falls_inside_a_period_shorter_than_the_interval() {
        LocalDate start = LocalDate.of(2026, 1, 1);

        assertThat(TierMonitoring.of(AccountTier.KEY).reviewDates(start, start.plusMonths(3).minusDays(1))).isEmpty();
    }
}
