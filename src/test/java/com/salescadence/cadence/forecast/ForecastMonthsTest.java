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

import com.salescadence.common.RowValidationException;
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
    void months_are_named_as_a_chinese_and_an_english_reader_names_them() {
        assertThat(ForecastMonths.chinese(YearMonth.of(2027, 1))).isEqualTo("2027年1月");
        assertThat(ForecastMonths.english(YearMonth.of(2027, 1))).isEqualTo("Jan 2027");
        assertThat(ForecastMonths.chinese(DECEMBER)).isEqualTo("2026年12月");
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
    void a_negative_amount_a_month_outside_the_twelve_and_a_month_twice_are_refused_together_each_at_its_month() {
        List<Map<String, Object>> rows = new ArrayList<>(rows("100"));
        rows.set(1, row("2027-01", "-5"));
        rows.set(2, row("2027-12", "10"));
        rows.set(3, row("2026-12", "10"));
        assertThatThrownBy(() -> ForecastMonths.parse(rows, DECEMBER))
                .isInstanceOf(RowValidationException.class)
                .hasMessageContaining("“2027年1月”的金额不能为负数，而不是 -5。 / The amount of Jan 2027 must not be negative, got -5.")
                .hasMessageContaining("Dec 2027 is outside the forecast's 12 months (Dec 2026 to Nov 2027)")
                .hasMessageContaining("“2026年12月”出现了两次。 / Dec 2026 is given twice.")
                .hasMessageContaining("Feb 2027 is missing")
                .satisfies(e -> assertThat(((RowValidationException) e).rows()).containsOnlyKeys("2027-01", "2026-12", "2027-02", "2027-03"));
    }

    @Test
    void more_rows_than_months_are_refused_without_reading_them() {
        List<Map<String, Object>> rows = new ArrayList<>(rows("100"));
        rows.add(row("2027-12", "10"));
        assertThatThrownBy(() -> ForecastMonths.parse(rows, DECEMBER))
                .hasMessage("预测只有 12 个月，却收到了 13 行。 / A forecast has 12 months, got 13 rows.");
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            many.add(row("2027-01", "1"));
        }
        assertThatThrownBy(() -> ForecastMonths.parse(many, DECEMBER)).hasMessageContaining("got 10000 rows");
    }

    @Test
    void a_missing_month_or_amount_and_nonsense_are_refused() {
        List<Map<String, Object>> rows = new ArrayList<>(rows("100"));
        rows.remove(3);
        assertThatThrownBy(() -> ForecastMonths.parse(rows, DECEMBER)).hasMessageContaining("缺少“2027年3月”").hasMessageContaining("Mar 2027 is missing");
        List<Map<String, Object>> empty = new ArrayList<>(rows("100"));
        empty.set(2, row("2027-02", ""));
        assertThatThrownBy(() -> ForecastMonths.parse(empty, DECEMBER)).hasMessageContaining("请填写“2027年2月”的金额（没有则填 0）。 / The amount of Feb 2027 is required");
        List<Map<String, Object>> words = new ArrayList<>(rows("100"));
        words.set(2, row("Feb", "1"));
        words.set(4, row("2027-04", "lots"));
        assertThatThrownBy(() -> ForecastMonths.parse(words, DECEMBER))
                .hasMessageContaining("Row 3: the month must look like 2026-12, not 'Feb'")
                .hasMessageContaining("“2027年4月”的金额必须是数字，而不是“lots”。 / The amount of Apr 2027 must be a number, got 'lots'.");
        for (Object nonsense : new Object[] {"NaN", Double.NaN, "abc", true, Map.of("x", 1), List.of(1)}) {
            List<Map<String, Object>> bad = new ArrayList<>(rows("100"));
            bad.set(0, row("2026-12", nonsense));
            assertThatThrownBy(() -> ForecastMonths.parse(bad, DECEMBER)).as(String.valueOf(nonsense))
                    .hasMessageContaining("The amount of Dec 2026 must be a number");
        }
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
