package com.salescadence.cadence.quarterly;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class QuarterlyRulesTest {

    private static final BigDecimal EXPECTED = new BigDecimal("15");

    private static QuarterResults results(String booked, String quota, String stretch, String previousBooked) {
        return new QuarterResults("2026-Q3", new BigDecimal(booked), quota == null ? null : new BigDecimal(quota),
                stretch == null ? null : new BigDecimal(stretch), "2026-Q2", new BigDecimal(previousBooked));
    }

    @Test
    void attainment_is_booked_over_quota_in_percent_with_one_decimal() {
        QuarterResults r = results("460000", "400000", "500000", "400000");
        assertThat(QuarterlyRules.attainment(r)).contains(new BigDecimal("115.0"));
        assertThat(QuarterlyRules.stretchAttainment(r)).contains(new BigDecimal("92.0"));
        assertThat(QuarterlyRules.belowQuota(r)).isFalse();
        assertThat(QuarterlyRules.resultsText(r)).isEqualTo("Booked 460000.00 of quota 400000.00 (115.0%), stretch 500000.00 (92.0%)");
    }

    @Test
    void missing_the_quota_is_flagged_and_without_a_quota_nothing_is_compared() {
        QuarterResults below = results("300000", "400000", "500000", "200000");
        assertThat(QuarterlyRules.attainment(below)).contains(new BigDecimal("75.0"));
        assertThat(QuarterlyRules.belowQuota(below)).isTrue();
        assertThat(QuarterlyRules.flags(below, EXPECTED)).containsExactly("below quota");

        QuarterResults noQuota = results("300000", null, null, "200000");
        assertThat(QuarterlyRules.attainment(noQuota)).isEmpty();
        assertThat(QuarterlyRules.belowQuota(noQuota)).isFalse();
        assertThat(QuarterlyRules.resultsText(noQuota)).isEqualTo("Booked 300000.00, no quota set for 2026-Q3");
    }

    @Test
    void growth_is_quarter_over_quarter_and_flagged_below_the_expected_15_percent() {
        QuarterResults grew = results("460000", "400000", "500000", "400000");
        assertThat(QuarterlyRules.growth(grew)).contains(new BigDecimal("15.0"));
        assertThat(QuarterlyRules.growthBelowExpected(grew, EXPECTED)).as("exactly 15% meets the expectation").isFalse();
        assertThat(QuarterlyRules.growthText(grew, EXPECTED)).isEqualTo("+15.0% vs 2026-Q2 (400000.00), expected 15%");

        QuarterResults slow = results("440000", "400000", "500000", "400000");
        assertThat(QuarterlyRules.growth(slow)).contains(new BigDecimal("10.0"));
        assertThat(QuarterlyRules.growthBelowExpected(slow, EXPECTED)).isTrue();
        assertThat(QuarterlyRules.flags(slow, EXPECTED)).containsExactly("growth below 15%");

        QuarterResults shrank = results("300000", "400000", "500000", "400000");
        assertThat(QuarterlyRules.growth(shrank)).contains(new BigDecimal("-25.0"));
        assertThat(QuarterlyRules.growthText(shrank, EXPECTED)).isEqualTo("-25.0% vs 2026-Q2 (400000.00): below the expected 15%");
        assertThat(QuarterlyRules.flags(shrank, EXPECTED)).containsExactly("below quota", "growth below 15%");
        assertThat(QuarterlyRules.flagCodes(shrank, EXPECTED)).containsExactly("BELOW_QUOTA", "GROWTH_BELOW_EXPECTED");
        assertThat(QuarterlyRules.flagCodes(slow, EXPECTED)).containsExactly("GROWTH_BELOW_EXPECTED");
    }

    @Test
    void growth_from_nothing_has_no_figure_and_no_flag() {
        QuarterResults fresh = results("100000", "80000", "90000", "0");
        assertThat(QuarterlyRules.growth(fresh)).isEmpty();
        assertThat(QuarterlyRules.growthBelowExpected(fresh, EXPECTED)).isFalse();
        assertThat(QuarterlyRules.growthText(fresh, EXPECTED)).isEqualTo("no growth figure: nothing booked in 2026-Q2");
    }

    @Test
    void the_expected_growth_is_a_setting() {
        QuarterResults r = results("460000", "400000", "500000", "400000");
        assertThat(QuarterlyRules.growthBelowExpected(r, new BigDecimal("20"))).isTrue();
        assertThat(QuarterlyRules.growthBelowExpected(r, new BigDecimal("10"))).isFalse();
    }

    @Test
    void a_new_quota_keeps_the_stretch_ratio_of_the_quota_it_replaces() {
        assertThat(QuarterlyRules.stretchFor(new BigDecimal("500000"), new BigDecimal("400000"), new BigDecimal("500000")))
                .isEqualByComparingTo("625000");
        assertThat(QuarterlyRules.stretchFor(new BigDecimal("333333"), new BigDecimal("300000"), new BigDecimal("400000")))
                .isEqualByComparingTo("444444.00");
        assertThat(QuarterlyRules.stretchFor(new BigDecimal("500000"), null, null)).isEqualByComparingTo("500000");
    }
}
