package com.salescadence.cadence;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.salescadence.cadence.RepReliabilityRules.Reliability;
import com.salescadence.cadence.RepReliabilityRules.Week;

class RepReliabilityRulesTest {

    private static Week week(String commit, String actual) {
        return new Week(commit == null ? null : new BigDecimal(commit), new BigDecimal(actual));
    }

    @Test
    void reliability_is_the_median_of_actual_over_commit_and_suggests_this_weeks_commit_times_it() {
        // ratios: 80/100 = 0.80, 45/50 = 0.90, 70/100 = 0.70, 120/100 = 1.20, 66/80 = 0.825
        // sorted 0.70, 0.80, 0.825, 0.90, 1.20: the median (the third of five) is 0.825
        List<Week> weeks = List.of(week("100", "80"), week("50", "45"), week("100", "70"), week("100", "120"), week("80", "66"));
        Reliability r = RepReliabilityRules.of(weeks, 4, new BigDecimal("45000"));
        assertThat(r.enough()).isTrue();
        assertThat(r.weeks()).isEqualTo(5);
        assertThat(r.ratio()).isEqualByComparingTo("0.825");
        // 45,000 x 0.825 = 37,125 -> three significant figures: 37,100
        assertThat(r.suggested()).isEqualByComparingTo("37100");
        assertThat(RepReliabilityRules.percent(r.ratio())).isEqualTo("83%");   // 82.5% rounded half up
    }

    @Test
    void of_an_even_number_of_weeks_the_median_is_the_mean_of_the_two_middle_ratios() {
        // 0.60, 0.90, 1.00, 1.10: (0.90 + 1.00) / 2 = 0.95; 20,000 x 0.95 = 19,000
        List<Week> weeks = List.of(week("10000", "11000"), week("10000", "6000"), week("10000", "9000"), week("10000", "10000"));
        Reliability r = RepReliabilityRules.of(weeks, 4, new BigDecimal("20000"));
        assertThat(r.ratio()).isEqualByComparingTo("0.95");
        assertThat(r.suggested()).isEqualByComparingTo("19000");
        assertThat(RepReliabilityRules.percent(r.ratio())).isEqualTo("95%");
    }

    @Test
    void weeks_without_a_commit_or_with_a_commit_of_zero_do_not_count() {
        // usable: 50/100 = 0.5, 100/100 = 1.0, 150/100 = 1.5, 200/100 = 2.0 -> median (1.0 + 1.5) / 2 = 1.25;
        // the week without a commit and the week committing 0 (with 500 booked) are left out
        List<Week> weeks = new ArrayList<>(List.of(week("100", "50"), week(null, "300"), week("100", "100"), week("0", "500"),
                week("100", "150"), week("100", "200")));
        Reliability r = RepReliabilityRules.of(weeks, 4, new BigDecimal("8000"));
        assertThat(r.weeks()).isEqualTo(4);
        assertThat(r.ratio()).isEqualByComparingTo("1.25");
        assertThat(r.suggested()).isEqualByComparingTo("10000");   // 8,000 x 1.25
    }

    @Test
    void with_fewer_usable_weeks_than_the_minimum_there_is_not_enough_history_and_no_suggestion() {
        List<Week> weeks = List.of(week("100", "90"), week("100", "80"), week("100", "100"), week(null, "50"), week("0", "0"));
        Reliability r = RepReliabilityRules.of(weeks, 4, new BigDecimal("45000"));
        assertThat(r.enough()).isFalse();
        assertThat(r.weeks()).isEqualTo(3);
        assertThat(r.ratio()).isNull();
        assertThat(r.suggested()).isNull();
        assertThat(RepReliabilityRules.percent(r.ratio())).isNull();
        assertThat(RepReliabilityRules.of(List.of(), 1, BigDecimal.TEN).enough()).isFalse();
    }

    @Test
    void a_week_with_nothing_booked_counts_as_zero_and_without_a_commit_this_week_there_is_a_ratio_but_no_suggestion() {
        // 0/100 = 0, 0/100 = 0, 100/100 = 1, 100/100 = 1, 300/100 = 3: median 1
        List<Week> weeks = List.of(week("100", "0"), week("100", "0"), week("100", "100"), week("100", "100"), week("100", "300"));
        Reliability r = RepReliabilityRules.of(weeks, 4, null);
        assertThat(r.ratio()).isEqualByComparingTo("1");
        assertThat(r.suggested()).isNull();
        assertThat(RepReliabilityRules.of(weeks, 4, BigDecimal.ZERO).suggested()).isEqualByComparingTo("0");
    }

    @Test
    void the_suggestion_is_rounded_to_three_significant_figures_and_whole_units() {
        assertThat(RepReliabilityRules.suggest(new BigDecimal("45012.34"), new BigDecimal("0.82"))).isEqualByComparingTo("36900");  // 36,910.12
        assertThat(RepReliabilityRules.suggest(new BigDecimal("1234567"), new BigDecimal("1"))).isEqualByComparingTo("1230000");
        assertThat(RepReliabilityRules.suggest(new BigDecimal("503"), new BigDecimal("0.82"))).isEqualByComparingTo("412");        // 412.46
        assertThat(RepReliabilityRules.suggest(new BigDecimal("15"), new BigDecimal("0.82"))).isEqualByComparingTo("12");          // 12.3
    }
}
