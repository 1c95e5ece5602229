package com.salescadence.cadence;

/**
 * A flag of a commit-call line as a person reads it, in both languages: {@code code} says which check (for a
 * badge's colour or a filter), {@code zh} and {@code en} say what is wrong with the figure.
 */
public record CallFlag(String code, String zh, String en) {

    static CallFlag accuracy(String percent) {
        return new CallFlag("ACCURACY", "上周实际为承诺的 " + percent + "（区间 95%-110%）",
                "last week's actual " + percent + " of commit (band 95%-110%)");
    }

    static CallFlag linearity(String percent) {
        return new CallFlag("LINEARITY", "承诺为线性份额的 " + percent + "（区间 95%-100%）",
                "commit " + percent + " of its linear share (band 95%-100%)");
    }

    static CallFlag unfulfilled(String percent) {
        return new CallFlag("UNFULFILLED", "未履行订单占本季度赢单的 " + percent + "（上限 5%）",
                "unfulfilled orders " + percent + " of this quarter's wins (limit 5%)");
    }

    static CallFlag belowStretch() {
        return new CallFlag("BELOW_STRETCH", "季度预测 + 潜在成交低于挑战目标", "quarter forecast + upside below the stretch target");
    }

    static CallFlag noReport() {
        return new CallFlag("NO_REPORT", "未提交报告", "no report");
    }
}
