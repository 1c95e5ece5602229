package com.salescadence.common;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The amount a person typed in a row of a grid (a month's forecast, a year's), read or refused at that row: not a
 * number (text, NaN, true, a list), missing, negative, more than two decimals, at or above {@code max}. The texts name
 * the row's amount in both languages ("“2027年1月”的金额" / "The amount of Jan 2027"). Plain Java.
 */
public final class GridAmounts {

    private GridAmounts() {
    }

    /** The amount, or null after adding the row's problem to {@code problems}. */
    public static BigDecimal read(Object given, String rowId, String zhSubject, String enSubject, BigDecimal max, RowProblems problems) {
        BigDecimal amount;
        try {
            if (given instanceof Boolean || given instanceof Map<?, ?> || given instanceof List<?>) {
                throw new ValidationException("not a number: " + given);
            }
            amount = Inputs.amount(given, rowId);
        } catch (ValidationException e) {
            problems.row(rowId, zhSubject + "必须是数字，而不是“" + given + "”。", enSubject + " must be a number, got '" + given + "'.");
            return null;
        }
        if (amount == null) {
            problems.row(rowId, "请填写" + zhSubject + "（没有则填 0）。", enSubject + " is required (0 if you expect nothing).");
        } else if (amount.signum() < 0) {
            problems.row(rowId, zhSubject + "不能为负数，而不是 " + amount.toPlainString() + "。",
                    enSubject + " must not be negative, got " + amount.toPlainString() + ".");
        } else if (amount.stripTrailingZeros().scale() > 2) {
            problems.row(rowId, zhSubject + "最多只能有两位小数。", enSubject + " may have at most two decimals.");
        } else if (amount.compareTo(max) >= 0) {
            problems.row(rowId, zhSubject + "大得不合实际。", enSubject + " is unrealistically large.");
        } else {
            return amount;
        }
        return null;
    }
}
