package com.salescadence.cadence.accountplan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.salescadence.common.GridAmounts;
import com.salescadence.common.RowProblems;

/**
 * The 5-year financial forecast of a plan as the grid posts it: {@code years} [{year: 2027, amount}], one row per year
 * from the plan year on. Each year once, none outside the five, every amount given, a number, zero or more, at most two
 * decimals; more rows than years are refused unread. Every problem reads in Chinese and English and is kept at its year
 * (row id "2027"), so the grid shows it at that row. Plain Java, unit tested.
 */
public final class PlanYears {

    private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000000");

    private PlanYears() {
    }

    /** The amounts of the plan year and the four after it, in order (null where refused), adding every problem to {@code problems}. */
    public static List<BigDecimal> check(List<Map<String, Object>> rows, int planYear, RowProblems problems) {
        int years = PlanContent.FORECAST_YEARS;
        int last = planYear + years - 1;
        BigDecimal[] amounts = new BigDecimal[years];
        if (rows.size() > years) {
            problems.general("5 年财务预测只有 " + years + " 年，却收到了 " + rows.size() + " 行。",
                    "The 5-year financial forecast has " + years + " years, got " + rows.size() + " rows.");
            return Arrays.asList(amounts);
        }
        boolean[] seen = new boolean[years];
        boolean unreadable = false;
        int line = 0;
        for (Map<String, Object> row : rows) {
            line++;
            Object givenYear = row.get("year");
            Integer year = year(givenYear);
            if (year == null) {
                problems.general("第 " + line + " 行的年份必须是 " + planYear + " 到 " + last + " 之间的整数，而不是“" + givenYear + "”。",
                        "Row " + line + ": the year must be a whole year from " + planYear + " to " + last + ", not '" + givenYear + "'.");
                unreadable = true;
                continue;
            }
            if (year < planYear || year > last) {
                problems.general("“" + year + " 年”不在 5 年预测内（" + planYear + " 至 " + last + " 年）。",
                        year + " is outside the 5-year forecast (" + planYear + " to " + last + ").");
                continue;
            }
            String id = String.valueOf(year);
            String zh = "“" + year + " 年”";
            int index = year - planYear;
            if (seen[index]) {
                problems.row(id, zh + "出现了两次。", year + " is given twice.");
                continue;
            }
            seen[index] = true;
            amounts[index] = GridAmounts.read(row.get("amount"), id, zh + "的预测", "The forecast of " + year, MAX_AMOUNT, problems);
        }
        if (!unreadable) {
            for (int i = 0; i < years; i++) {
                if (!seen[i]) {
                    int year = planYear + i;
                    problems.row(String.valueOf(year), "缺少“" + year + " 年”：5 年都要预测（没有则填 0）。",
                            year + " is missing: forecast every one of the 5 years (0 if you expect nothing).");
                }
            }
        }
        return new ArrayList<>(Arrays.asList(amounts));
    }

    /** The rows the API's list of five amounts (year 1 = the plan year) stands for. */
    public static List<Map<String, Object>> rows(List<?> amounts, int planYear) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < amounts.size(); i++) {
            Map<String, Object> row = new java.util.LinkedHashMap<>();
            row.put("year", planYear + i);
            row.put("amount", amounts.get(i));
            rows.add(row);
        }
        return rows;
    }

    private static Integer year(Object value) {
        if (value instanceof Integer i) {
            return i;
        }
        if (value instanceof Long || value instanceof Short) {
            long l = ((Number) value).longValue();
            return l > 0 && l < 10_000 ? (int) l : null;
        }
        String text = value instanceof String s ? s.trim() : null;
        return text != null && text.matches("\\d{4}") ? Integer.valueOf(text) : null;
    }
}
