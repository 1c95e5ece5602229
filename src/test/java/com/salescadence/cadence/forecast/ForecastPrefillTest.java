package com.salescadence.cadence.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.salescadence.cadence.forecast.ForecastPrefill.MonthFigures;
import com.salescadence.cadence.forecast.ForecastPrefill.PipelineDeal;

class ForecastPrefillTest {

    private static final YearMonth MARCH = YearMonth.of(2023, 3);

    @Test
    void each_deal_counts_in_the_month_of_its_expected_close_raw_and_weighted_by_win_rate() {
        List<MonthFigures> months = ForecastPrefill.byMonth(List.of(
                deal("100000", "2023-03-20", 50),
                deal("40000", "2023-03-31", 25),
                deal("200000", "2023-06-01", 75),
                deal("33333", "2024-02-29", 10)), MARCH);
        assertThat(months).hasSize(12);
        assertThat(months.get(0).month()).isEqualTo(MARCH);
        assertThat(months.get(0).pipeline()).isEqualByComparingTo("140000");
        assertThat(months.get(0).weighted()).isEqualByComparingTo("60000");
        assertThat(months.get(3).pipeline()).isEqualByComparingTo("200000");
        assertThat(months.get(3).weighted()).isEqualByComparingTo("150000");
        assertThat(months.get(11).month()).isEqualTo(YearMonth.of(2024, 2));
        assertThat(months.get(11).weighted()).isEqualByComparingTo("3333.30");
        assertThat(months.get(1).pipeline()).isEqualByComparingTo("0");
        assertThat(ForecastPrefill.totalPipeline(months)).isEqualByComparingTo("373333");
        assertThat(ForecastPrefill.totalWeighted(months)).isEqualByComparingTo("213333.30");
    }

    @Test
    void an_overdue_open_deal_counts_in_the_first_month_and_deals_beyond_the_twelve_are_left_out() {
        List<MonthFigures> months = ForecastPrefill.byMonth(List.of(
                deal("10000", "2023-01-15", 50),
                deal("99999", "2024-03-01", 75)), MARCH);
        assertThat(months.get(0).pipeline()).isEqualByComparingTo("10000");
        assertThat(ForecastPrefill.totalPipeline(months)).isEqualByComparingTo("10000");
    }

    private static PipelineDeal deal(String amount, String closes, int winRate) {
        return new PipelineDeal(new BigDecimal(amount), LocalDate.parse(closes), winRate);
    }
}
