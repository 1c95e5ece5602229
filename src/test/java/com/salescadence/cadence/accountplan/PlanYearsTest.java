package com.salescadence.cadence.accountplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.salescadence.common.RowProblems;

class PlanYearsTest {

    @Test
    void five_years_from_the_plan_year_are_read_in_order_whatever_order_they_come_in() {
        List<Map<String, Object>> rows = new ArrayList<>(rows(2027, 100, "200.5", 300, "1,000", 0));
        java.util.Collections.reverse(rows);
        RowProblems problems = RowProblems.start();
        List<BigDecimal> amounts = PlanYears.check(rows, 2027, problems);
        assertThat(problems.ok()).isTrue();
        assertThat(amounts).usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("100"), new BigDecimal("200.5"),
                new BigDecimal("300"), new BigDecimal("1000"), BigDecimal.ZERO);
        assertThat(PlanYears.rows(List.of(1, 2), 2030)).extracting(r -> r.get("year")).containsExactly(2030, 2031);
    }

    @Test
    void each_problem_is_kept_at_its_year_in_both_languages() {
        List<Map<String, Object>> rows = rows(2027, -5, "lots", null, "1.001", 1);
        rows.set(4, row(2027, 3));
        RowProblems problems = RowProblems.start();
        PlanYears.check(rows, 2027, problems);
        assertThat(problems.rows()).containsOnlyKeys("2027", "2028", "2029", "2030", "2031");
        assertThat(problems.rows().get("2027")).containsExactly(
                "“2027 年”的预测不能为负数，而不是 -5。 / The forecast of 2027 must not be negative, got -5.",
                "“2027 年”出现了两次。 / 2027 is given twice.");
        assertThat(problems.rows().get("2028")).containsExactly("“2028 年”的预测必须是数字，而不是“lots”。 / The forecast of 2028 must be a number, got 'lots'.");
        assertThat(problems.rows().get("2029").get(0)).contains("请填写“2029 年”的预测（没有则填 0）。");
        assertThat(problems.rows().get("2030").get(0)).contains("at most two decimals");
        assertThat(problems.rows().get("2031").get(0)).contains("缺少“2031 年”").contains("2031 is missing");
        assertThat(problems.sentences()).allSatisfy(p -> assertThat(p).doesNotStartWith("null"));
    }

    @Test
    void more_rows_than_years_a_year_outside_and_no_year_are_refused() {
        RowProblems tooMany = RowProblems.start();
        PlanYears.check(rows(2027, 1, 2, 3, 4, 5, 6), 2027, tooMany);
        assertThat(tooMany.general()).containsExactly("5 年财务预测只有 5 年，却收到了 6 行。 / The 5-year financial forecast has 5 years, got 6 rows.");
        assertThat(tooMany.rows()).isEmpty();
        RowProblems outside = RowProblems.start();
        List<Map<String, Object>> rows = rows(2027, 1, 2, 3, 4, 5);
        rows.set(0, row(2040, 1));
        rows.set(1, row("MMXXVIII", 1));
        rows.set(2, row(true, 1));
        PlanYears.check(rows, 2027, outside);
        assertThat(outside.general()).anyMatch(p -> p.contains("2040 is outside the 5-year forecast (2027 to 2031)"))
                .anyMatch(p -> p.contains("Row 2: the year must be a whole year from 2027 to 2031, not 'MMXXVIII'"))
                .anyMatch(p -> p.contains("Row 3"));
        for (Object nonsense : new Object[] {"NaN", Double.NaN, Double.POSITIVE_INFINITY, "abc", true, Map.of(), List.of()}) {
            RowProblems problems = RowProblems.start();
            List<Map<String, Object>> bad = rows(2027, 1, 2, 3, 4, 5);
            bad.set(0, row(2027, nonsense));
            PlanYears.check(bad, 2027, problems);
            assertThat(problems.rows().get("2027")).as(String.valueOf(nonsense)).singleElement().asString().contains("must be a number");
        }
    }

    private static List<Map<String, Object>> rows(int first, Object... amounts) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < amounts.length; i++) {
            rows.add(row(first + i, amounts[i]));
        }
        return rows;
    }

    private static Map<String, Object> row(Object year, Object amount) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("year", year);
        row.put("amount", amount);
        return row;
    }
}
