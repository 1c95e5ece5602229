package com.salescadence.cadence.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.salescadence.cadence.forecast.ForecastChecks.Figures;
import com.salescadence.cadence.forecast.ForecastChecks.Growth;

class ForecastChecksTest {

    private final MonthlyForecastSettings settings = MonthlyForecastSettings.defaults();

    @Test
    void the_stretch_of_the_twelve_months_is_a_third_of_each_quarter_per_month() {
        Map<String, BigDecimal> stretch = Map.of("2023-Q1", new BigDecimal("300000"), "2023-Q2", new BigDecimal("600000"),
                "2023-Q3", new BigDecimal("600000"), "2023-Q4", new BigDecimal("900000"));
        ForecastChecks.Stretch twelve = ForecastChecks.stretch12(YearMonth.of(2023, 3), q -> Optional.ofNullable(stretch.get(q)));
        // March (Q1) 100000 + Q2 600000 + Q3 600000 + Q4 900000 + Jan, Feb 2024 (no target)
        assertThat(twelve.amount()).isEqualByComparingTo("2200000");
        assertThat(twelve.quartersWithoutTarget()).containsExactly("2024-Q1");
    }

    @Test
    void growth_is_graded_low_under_five_percent_good_from_ten() {
        assertThat(ForecastChecks.growth(new BigDecimal("110"), new BigDecimal("100"))).contains(new BigDecimal("0.1000"));
        assertThat(ForecastChecks.grade(ForecastChecks.growth(new BigDecimal("110"), new BigDecimal("100")), settings)).isEqualTo(Growth.GOOD);
        assertThat(ForecastChecks.grade(ForecastChecks.growth(new BigDecimal("105"), new BigDecimal("100")), settings)).isEqualTo(Growth.OK);
        assertThat(ForecastChecks.grade(ForecastChecks.growth(new BigDecimal("104.99"), new BigDecimal("100")), settings)).isEqualTo(Growth.LOW);
        assertThat(ForecastChecks.grade(ForecastChecks.growth(new BigDecimal("90"), new BigDecimal("100")), settings)).isEqualTo(Growth.LOW);
        assertThat(ForecastChecks.grade(ForecastChecks.growth(new BigDecimal("90"), null), settings)).isEqualTo(Growth.UNKNOWN);
        assertThat(ForecastChecks.grade(ForecastChecks.growth(new BigDecimal("90"), BigDecimal.ZERO), settings)).isEqualTo(Growth.UNKNOWN);
        assertThat(ForecastChecks.growthText(ForecastChecks.growth(new BigDecimal("112"), new BigDecimal("100")), settings)).isEqualTo("12.0% (good)");
    }

    @Test
    void figures_that_pass_every_check_raise_no_flag() {
        Figures good = new Figures(bd("1200000"), bd("1200000"), bd("2000000"), bd("1000000"),
                bd("1000000"), bd("1800000"), bd("850000"));
        assertThat(good.forecastVsStretch()).contains(new BigDecimal("1.0000"));
        assertThat(good.coverage()).contains(new BigDecimal("1.6667"));
        assertThat(good.pipelineGrowth()).contains(new BigDecimal("0.1111"));
        assertThat(good.forecastGrowth()).contains(new BigDecimal("0.2000"));
        assertThat(good.quality()).contains(new BigDecimal("0.5000"));
        assertThat(good.lastQuality()).contains(new BigDecimal("0.4722"));
        assertThat(good.flags(settings)).isEmpty();
        assertThat(good.flagCodes(settings)).isEmpty();
    }

    @Test
    void short_of_stretch_thin_coverage_slow_growth_and_falling_quality_are_flagged() {
        Figures weak = new Figures(bd("900000"), bd("1200000"), bd("1500000"), bd("450000"),
                bd("880000"), bd("1450000"), bd("580000"));
        assertThat(weak.flags(settings)).containsExactly(
                "12 months at 75.0% of stretch target",
                "pipeline covers 125.0% of target (under 150.0%)",
                "pipeline growth 3.5% (under 5.0%)",
                "forecast growth 2.3% (under 5.0%)",
                "pipeline quality fell 10.0 points");
        assertThat(weak.flagCodes(settings)).as("the same flags as the review form reads them").containsExactly(
                "BELOW_STRETCH", "LOW_COVERAGE", "LOW_PIPELINE_GROWTH", "LOW_FORECAST_GROWTH", "QUALITY_FELL");
    }

    @Test
    void a_missing_report_and_a_missing_target_are_flagged_without_dividing_by_zero() {
        Figures missing = new Figures(null, BigDecimal.ZERO, bd("100"), bd("50"), null, null, null);
        assertThat(missing.flags(settings)).containsExactly("no forecast submitted", "no stretch target");
        assertThat(missing.flagCodes(settings)).containsExactly("NO_FORECAST", "NO_STRETCH_TARGET");
        assertThat(missing.coverage()).isEmpty();
        assertThat(missing.forecastGrowth()).isEmpty();
    }

    private static BigDecimal bd(String value) {
        return new BigDecimal(value);
    }
}
