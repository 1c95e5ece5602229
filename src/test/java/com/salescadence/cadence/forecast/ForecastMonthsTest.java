package com.salescadence.cadence.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.salescadence.common.ValidationException;

class ForecastMonthsTest {

    private static final YearMonth DECEMBER = YearMonth.of(2026, 12);

    @Test
    void the_window_is_the_cycle_month_and_the_eleven_after_it() {
        assertThat(ForecastMonths.window(DECEMBER)).hasSize(12).startsWith(DECEMBER).endsWith(YearMonth.of(2027, 11));
        assertThat(ForecastMonths.inWindow(YearMonth.of(2027, 11), DECEMBER)).isTrue();
        assertThat(ForecastMonths.inWindow(YearMonth.of(2027, 12), DECEMBER)).isFalse();
        assertThat(ForecastMonths.inWindow(YearMonth.of(2026, 11), DECEMBER)).isFalse();
    }

    @Test
    void the_form_fields_amount1_to_12_are_the_twelve_months_in_order_and_read_like_the_api_rows() {
        assertThat(ForecastMonths.label(1, DECEMBER)).isEqualTo("Month 1: 2026-12");
        List<Object> fields = new ArrayList<>(java.util.Collections.nCopies(12, (Object) 100.0));
        fields.set(11, 0.5);
        fields.set(1, "1.0E7");
        List<Map<String, Object>> rows = ForecastMonths.rows(fields, DECEMBER);
        assertThat(rows).hasSize(12);
        assertThat(rows.get(0)).containsEntry("month", "2026-12").containsEntry("amount", 100.0);
        assertThat(rows.get(11)).containsEntry("month", "2027-11").containsEntry("amount", 0.5);
        Map<YearMonth, BigDecimal> amounts = ForecastMonths.parse(rows, DECEMBER);
        assertThat(amounts.get(YearMonth.of(2027, 1))).isEqualByComparingTo("10000000");
        assertThat(amounts.get(YearMonth.of(2027, 11))).isEqualByComparingTo("0.50");
        fields.set(4, null);
        assertThatThrownBy(() -> ForecastMonths.parse(ForecastMonths.rows(fields, DECEMBER), DECEMBER))
                .hasMessageContaining("Amount of 2027-04 is required");
    }

    @Test
    void twelve_months_with_amounts_are_read_in_month_order() {
        List<Map<String, Object>> rows = new ArrayList<>(rows("100"));
        java.util.Collections.reverse(rows);
        rows.set(0, row("2027-11", 0));
        Map<YearMonth, BigDecimal> amounts = ForecastMonths.parse(rows, DECEMBER);
        assertThat(amounts.keySet()).containsExactlyElementsOf(ForecastMonths.window(DECEMBER));
        assertThat(amounts.get(DECEMBER)).isEqualByComparingTo("100");
        assertThat(amounts.get(YearMonth.of(2027, 11))).isEqualByComparingTo("0");
    }

    @Test
    void a_negative_amount_a_month_outside_the_twelve_and_a_month_twice_are_refused_together() {
        List<Map<String, Object>> rows = new ArrayList<>(rows("100"));
        rows.set(1, row("2027-01", "-5"));
        rows.add(row("2027-12", "10"));
        rows.add(row("2026-12", "10"));
        assertThatThrownBy(() -> ForecastMonths.parse(rows, DECEMBER))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("Amount of 2027-01 must not be negative")
                .hasMessageContaining("Month 2027-12 is outside the forecast's 12 months (2026-12 to 2027-11)")
                .hasMessageContaining("Month 2026-12 is given twice");
    }

    @Test
    void a_missing_month_or_amount_and_nonsense_are_refused() {
        List<Map<String, Object>> rows = new ArrayList<>(rows("100"));
        rows.remove(3);
        assertThatThrownBy(() -> ForecastMonths.parse(rows, DECEMBER)).hasMessageContaining("Month 2027-03 is missing");
        List<Map<String, Object>> empty = new ArrayList<>(rows("100"));
        empty.set(2, row("2027-02", ""));
        assertThatThrownBy(() -> ForecastMonths.parse(empty, DECEMBER)).hasMessageContaining("Amount of 2027-02 is required");
        List<Map<String, Object>> words = new ArrayList<>(rows("100"));
        words.set(2, row("Feb", "1"));
        words.set(4, row("2027-04", "lots"));
        assertThatThrownBy(() -> ForecastMonths.parse(words, DECEMBER))
                .hasMessageContaining("Row 3: month must look like 2026-12, not 'Feb'")
                .hasMessageContaining("must be a number");
        List<Map<String, Object>> cents = new ArrayList<>(rows("100"));
        cents.set(0, row("2026-12", "1.001"));
        assertThatThrownBy(() -> ForecastMonths.parse(cents, DECEMBER)).hasMessageContaining("at most two decimals");
        List<Map<String, Object>> huge = new ArrayList<>(rows("100"));
        huge.set(0, row("2026-12", "1000000000000"));
        assertThatThrownBy(() -> ForecastMonths.parse(huge, DECEMBER)).hasMessageContaining("unrealistically large");
    }

    static List<Map<String, Object>> rows(String amount) {
        List<Map<String, Object>> rows = new ArrayList<>();
        ForecastMonths.window(DECEMBER).forEach(m -> rows.add(row(m.toString(), amount)));
        return rows;
    }

    static Map<String, Object> row(String month, Object amount) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("month", month);
        row.put("amount", amount);
        return row;
    }
}
