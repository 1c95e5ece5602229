package com.salescadence.cadence;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class CommitCallRulesTest {

    private static final BigDecimal LOW = new BigDecimal("0.95");
    private static final BigDecimal HIGH = new BigDecimal("1.10");

    @Test
    void accuracy_is_actual_over_commit_and_flagged_outside_95_to_110_percent() {
        Optional<BigDecimal> onTarget = CommitCallRules.accuracy(new BigDecimal("98000"), new BigDecimal("100000"));
        assertThat(onTarget).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0.9800"));
        assertThat(CommitCallRules.outside(onTarget, LOW, HIGH)).isFalse();
        assertThat(CommitCallRules.outside(CommitCallRules.accuracy(new BigDecimal("94999"), new BigDecimal("100000")), LOW, HIGH)).isTrue();
        assertThat(CommitCallRules.outside(CommitCallRules.accuracy(new BigDecimal("95000"), new BigDecimal("100000")), LOW, HIGH)).isFalse();
        assertThat(CommitCallRules.outside(CommitCallRules.accuracy(new BigDecimal("110000"), new BigDecimal("100000")), LOW, HIGH)).isFalse();
        assertThat(CommitCallRules.outside(CommitCallRules.accuracy(new BigDecimal("110001"), new BigDecimal("100000")), LOW, HIGH)).isTrue();
    }

    @Test
    void no_commit_means_no_accuracy_and_no_flag() {
        assertThat(CommitCallRules.accuracy(new BigDecimal("5000"), BigDecimal.ZERO)).isEmpty();
        assertThat(CommitCallRules.outside(Optional.empty(), LOW, HIGH)).isFalse();
        assertThat(CommitCallRules.percent(Optional.empty())).isEqualTo("-");
    }

    @Test
    void a_week_belongs_to_the_month_of_its_monday() {
        assertThat(CommitCallRules.weeksInMonth(YearMonth.of(2026, 11))).isEqualTo(5); // Mondays 2, 9, 16, 23, 30
        assertThat(CommitCallRules.weeksInMonth(YearMonth.of(2026, 12))).isEqualTo(4); // 7, 14, 21, 28
        assertThat(CommitCallRules.weeksInMonth(YearMonth.of(2027, 2))).isEqualTo(4);
    }

    @Test
    void linearity_compares_the_week_commit_with_its_linear_share_of_the_quarter_quota() {
        BigDecimal share = CommitCallRules.linearShare(new BigDecimal("1200000"), YearMonth.of(2026, 12));
        assertThat(share).isEqualByComparingTo("100000"); // 1,200,000 / 3 months / 4 weeks
        assertThat(CommitCallRules.linearity(new BigDecimal("97000"), share)).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0.9700"));
        assertThat(CommitCallRules.linearShare(null, YearMonth.of(2026, 12))).isEqualByComparingTo("0");
        assertThat(CommitCallRules.linearity(new BigDecimal("97000"), BigDecimal.ZERO)).isEmpty();
    }

    @Test
    void unfulfilled_share_and_percent_formatting() {
        Optional<BigDecimal> share = CommitCallRules.unfulfilledShare(new BigDecimal("5000"), new BigDecimal("100000"));
        assertThat(share).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0.0500"));
        assertThat(CommitCallRules.percent(share)).isEqualTo("5.0%");
        assertThat(CommitCallRules.percent(Optional.of(new BigDecimal("1.0375")))).isEqualTo("103.8%");
    }
}
