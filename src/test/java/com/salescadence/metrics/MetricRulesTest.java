package com.salescadence.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.salescadence.common.CurrencyRates;
import com.salescadence.common.ValidationException;

/** The formulas against values computed by hand. */
class MetricRulesTest {

    private static BigDecimal n(String value) {
        return new BigDecimal(value);
    }

    @Test
    void forecast_below_the_remaining_quota_needs_more_pipeline() {
        // quota 1,000,000, booked 330,000: 670,000 to go; weighted 159,000 leaves a gap of 511,000
        Figure f = MetricRules.forecast(n("159000"), n("1000000"), n("330000"));
        assertThat(f.value()).isEqualByComparingTo("159000");
        assertThat(f.flag()).isEqualTo(Flag.LOW);
        assertThat(f.inputs().get("remainingQuota")).isEqualByComparingTo("670000");
        assertThat(f.inputs().get("gap")).isEqualByComparingTo("511000");
        assertThat(MetricRules.forecast(n("700000"), n("1000000"), n("330000")).flag()).isEqualTo(Flag.OK);
        // quota over-achieved: nothing remains, any pipeline is enough
        assertThat(MetricRules.forecast(BigDecimal.ZERO, n("100"), n("150")).flag()).isEqualTo(Flag.OK);
    }

    @Test
    void a_quarter_without_quota_has_no_flag_and_no_progress_or_coverage() {
        Figure forecast = MetricRules.forecast(n("5000"), null, BigDecimal.ZERO);
        assertThat(forecast.flag()).isEqualTo(Flag.NONE);
        assertThat(forecast.inputs()).containsEntry("remainingQuota", null);
        Figure progress = MetricRules.weeklyProgress(n("1"), n("1"), n("0"), n("0"), null, 13);
        assertThat(progress.value()).isNull();
        assertThat(progress.flag()).isEqualTo(Flag.NONE);
        assertThat(progress.inputs()).containsEntry("quarterQuota", null);
        assertThat(MetricRules.coverage(n("100"), null, BigDecimal.ZERO, n("1.5")).flag()).isEqualTo(Flag.NONE);
    }

    @Test
    void weekly_progress_is_judged_against_a_thirteenth_of_the_quarter() {
        // (159,000 + 330,000 - 108,000 - 300,000) / 1,000,000 = 0.081 >= 1/13 = 0.076923
        Figure ok = MetricRules.weeklyProgress(n("159000"), n("330000"), n("108000"), n("300000"), n("1000000"), 13);
        assertThat(ok.value()).isEqualByComparingTo("0.0810");
        assertThat(ok.flag()).isEqualTo(Flag.OK);
        assertThat(ok.inputs().get("target")).isEqualByComparingTo("0.0769");
        // 76,000 / 1,000,000 = 0.076 < 0.076923
        assertThat(MetricRules.weeklyProgress(n("176000"), n("0"), n("100000"), n("0"), n("1000000"), 13).flag()).isEqualTo(Flag.LOW);
        // no snapshot last week: NONE
        assertThat(MetricRules.weeklyProgress(n("1"), n("1"), null, null, n("1000000"), 13).flag()).isEqualTo(Flag.NONE);
    }

    @Test
    void commit_accuracy_is_flagged_outside_95_to_110_percent() {
        BigDecimal low = n("0.95");
        BigDecimal high = n("1.10");
        assertThat(MetricRules.commitAccuracy(n("280000"), n("300000"), low, high).value()).isEqualByComparingTo("1.0714");
        assertThat(MetricRules.commitAccuracy(n("100"), n("95"), low, high).flag()).isEqualTo(Flag.OK);
        assertThat(MetricRules.commitAccuracy(n("100"), n("94.99"), low, high).flag()).isEqualTo(Flag.LOW);
        assertThat(MetricRules.commitAccuracy(n("100"), n("110"), low, high).flag()).isEqualTo(Flag.OK);
        assertThat(MetricRules.commitAccuracy(n("100"), n("110.01"), low, high).flag()).isEqualTo(Flag.HIGH);
        assertThat(MetricRules.commitAccuracy(n("0"), n("50"), low, high).flag()).isEqualTo(Flag.NONE);
        assertThat(MetricRules.commitAccuracy(null, n("50"), low, high).threshold()).isEqualTo("95%-110%");
    }

    @Test
    void linearity_compares_the_month_s_commits_with_their_linear_share() {
        // two weeks of a 4-week month, quota 1,200,000: share 100,000 a week; 195,000 / 200,000 = 0.975
        Figure f = MetricRules.linearity(n("195000"), 2, n("100000"), n("0.95"), n("1.00"));
        assertThat(f.value()).isEqualByComparingTo("0.9750");
        assertThat(f.flag()).isEqualTo(Flag.OK);
        assertThat(MetricRules.linearity(n("210000"), 2, n("100000"), n("0.95"), n("1.00")).flag()).isEqualTo(Flag.HIGH);
        assertThat(MetricRules.linearity(n("0"), 0, n("100000"), n("0.95"), n("1.00")).flag()).isEqualTo(Flag.NONE);
    }

    @Test
    void coverage_under_150_percent_is_low() {
        // 790,000 / (1,000,000 - 330,000) = 1.179104
        Figure f = MetricRules.coverage(n("790000"), n("1000000"), n("330000"), n("1.50"));
        assertThat(f.value()).isEqualByComparingTo("1.1791");
        assertThat(f.flag()).isEqualTo(Flag.LOW);
        assertThat(f.threshold()).isEqualTo("> 150%");
        assertThat(MetricRules.coverage(n("1005000"), n("1000000"), n("330000"), n("1.50")).flag()).isEqualTo(Flag.OK);
        // quota met: nothing left to cover
        assertThat(MetricRules.coverage(n("5"), n("100"), n("100"), n("1.50")).flag()).isEqualTo(Flag.NONE);
    }

    @Test
    void growth_under_5_percent_is_low_and_from_10_percent_good() {
        BigDecimal min = n("0.05");
        BigDecimal good = n("0.10");
        assertThat(MetricRules.growth(n("104000"), n("100000"), min, good).flag()).isEqualTo(Flag.LOW);
        assertThat(MetricRules.growth(n("105000"), n("100000"), min, good).flag()).isEqualTo(Flag.OK);
        Figure f = MetricRules.growth(n("110000"), n("100000"), min, good);
        assertThat(f.value()).isEqualByComparingTo("0.1000");
        assertThat(f.flag()).isEqualTo(Flag.GOOD);
        assertThat(MetricRules.growth(n("90000"), n("100000"), min, good).value()).isEqualByComparingTo("-0.1000");
        assertThat(MetricRules.growth(n("90000"), null, min, good).flag()).isEqualTo(Flag.NONE);
    }

    @Test
    void an_unpaid_won_deal_is_an_unfulfilled_order_flagged_from_5_percent() {
        // 30,000 never paid of 330,000 booked = 0.0909
        Figure f = MetricRules.unfulfilledShare(n("30000"), n("330000"), n("0.05"));
        assertThat(f.value()).isEqualByComparingTo("0.0909");
        assertThat(f.flag()).isEqualTo(Flag.HIGH);
        assertThat(MetricRules.unfulfilledShare(n("5"), n("100"), n("0.05")).flag()).isEqualTo(Flag.HIGH);
        assertThat(MetricRules.unfulfilledShare(n("4.99"), n("100"), n("0.05")).flag()).isEqualTo(Flag.OK);
        assertThat(MetricRules.unfulfilledShare(n("0"), n("0"), n("0.05")).flag()).isEqualTo(Flag.NONE);
    }

    @Test
    void compliance_is_on_time_over_due_and_anything_under_100_percent_is_low() {
        Figure f = MetricRules.compliance(3, 1, 0);
        assertThat(f.value()).isEqualByComparingTo("0.7500");
        assertThat(f.flag()).isEqualTo(Flag.LOW);
        assertThat(f.inputs().get("due")).isEqualByComparingTo("4");
        assertThat(MetricRules.compliance(4, 0, 0).flag()).isEqualTo(Flag.OK);
        assertThat(MetricRules.compliance(0, 0, 0).flag()).isEqualTo(Flag.NONE);
    }

    @Test
    void amounts_in_other_currencies_are_converted_and_a_currency_without_rate_is_refused() {
        CurrencyRates rates = new CurrencyRates("CNY", Map.of("usd", n("7.10")));
        // 1,000 CNY + 100 USD x 7.10 = 1,710 CNY
        assertThat(rates.total(Map.of("CNY", n("1000"), "USD", n("100")))).isEqualByComparingTo("1710");
        assertThatThrownBy(() -> rates.total(Map.of("CNY", n("1000"), "EUR", n("100"))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("EUR").hasMessageContaining("cadence.currency.rates.EUR");
        assertThat(new CurrencyRates("CNY", null).toBase("CNY", n("5"))).isEqualByComparingTo("5");
    }
}
