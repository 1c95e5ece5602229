package com.salescadence.cadence.forecast;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.salescadence.common.GridAmounts;
import com.salescadence.common.Inputs;
import com.salescadence.common.RowProblems;

/**
 * The twelve months a monthly forecast covers (the cycle's month and the eleven after it), and the
 * reading of a submitted forecast: one amount per month, each month once, none outside the twelve, no
 * negative amount. Every problem reads in Chinese and English and is kept at its month (row id 2027-01), so the
 * grid shows it at that month's row. Plain Java, unit tested.
 */
public final class ForecastMonths {

    public static final int MONTHS = 12;

    private static final BigDecimal TOO_LARGE = new BigDecimal("1000000000000");
    private static final DateTimeFormatter ENGLISH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);

    private ForecastMonths() {
    }

    public static List<YearMonth> window(YearMonth first) {
        List<YearMonth> months = new ArrayList<>(MONTHS);
        for (int i = 0; i < MONTHS; i++) {
            months.add(first.plusMonths(i));
        }
        return months;
    }

    /** How a Chinese reader names the month: "2027年1月". */
    public static String chinese(YearMonth month) {
        return month.getYear() + "年" + month.getMonthValue() + "月";
    }

    /** How an English reader names the month: "Jan 2027". */
    public static String english(YearMonth month) {
        return month.format(ENGLISH);
    }

    public static boolean inWindow(YearMonth month, YearMonth first) {
        return !month.isBefore(first) && month.isBefore(first.plusMonths(MONTHS));
    }

    /**
     * The submitted rows ({@code month} like 2026-12, {@code amount}) as an amount per month, in month
     * order. Refuses, listing every problem at once: more rows than months, a month that is not a month, outside
     * the twelve, given twice, or missing; an amount that is missing, not a number, negative, has more than two
     * decimals or is unrealistically large.
     */
    public static Map<YearMonth, BigDecimal> parse(List<Map<String, Object>> rows, YearMonth first) {
        RowProblems problems = RowProblems.start();
        Map<YearMonth, BigDecimal> amounts = check(rows, first, problems);
        problems.orThrow();
        return amounts;
    }

    /** As {@link #parse}, adding the problems to {@code problems}; the amounts read (a month refused: none). */
    public static Map<YearMonth, BigDecimal> check(List<Map<String, Object>> rows, YearMonth first, RowProblems problems) {
        Map<YearMonth, BigDecimal> amounts = new LinkedHashMap<>();
        if (rows.size() > MONTHS) {
            problems.general("预测只有 " + MONTHS + " 个月，却收到了 " + rows.size() + " 行。",
                    "A forecast has " + MONTHS + " months, got " + rows.size() + " rows.");
            return amounts;
        }
        Map<YearMonth, Boolean> seen = new LinkedHashMap<>();
        boolean unreadable = false;
        int line = 0;
        for (Map<String, Object> row : rows) {
            line++;
            String text = Inputs.text(row.get("month"));
            YearMonth month;
            try {
                month = text == null ? null : YearMonth.parse(text.length() > 7 ? text.substring(0, 7) : text);
            } catch (DateTimeParseException e) {
                problems.general("第 " + line + " 行的月份必须形如 " + first + "，而不是“" + text + "”。",
                        "Row " + line + ": the month must look like " + first + ", not '" + text + "'.");
                unreadable = true;
                continue;
            }
            if (month == null) {
                problems.general("第 " + line + " 行缺少月份。", "Row " + line + ": the month is required.");
                unreadable = true;
                continue;
            }
            if (!inWindow(month, first)) {
                problems.general("“" + chinese(month) + "”不在预测的 12 个月内（" + chinese(first) + "至" + chinese(first.plusMonths(MONTHS - 1)) + "）。",
                        english(month) + " is outside the forecast's 12 months (" + english(first) + " to "
                                + english(first.plusMonths(MONTHS - 1)) + ").");
                continue;
            }
            String id = month.toString();
            String zh = "“" + chinese(month) + "”";
            String en = english(month);
            if (seen.put(month, Boolean.TRUE) != null) {
                problems.row(id, zh + "出现了两次。", en + " is given twice.");
                continue;
            }
            BigDecimal amount = GridAmounts.read(row.get("amount"), id, zh + "的金额", "The amount of " + en, TOO_LARGE, problems);
            if (amount != null) {
                amounts.put(month, amount.setScale(2));
            }
        }
        if (!unreadable) {
            for (YearMonth month : window(first)) {
                if (!seen.containsKey(month)) {
                    problems.row(month.toString(), "缺少“" + chinese(month) + "”：12 个月都要预测（没有则填 0）。",
                            english(month) + " is missing: forecast every one of the 12 months (0 if you expect nothing).");
                }
            }
        }
        Map<YearMonth, BigDecimal> ordered = new LinkedHashMap<>();
        window(first).stream().filter(amounts::containsKey).forEach(month -> ordered.put(month, amounts.get(month)));
        return ordered;
    }

}
