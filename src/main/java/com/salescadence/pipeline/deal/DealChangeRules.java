package com.salescadence.pipeline.deal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.salescadence.common.ValidationException;
import com.salescadence.pipeline.OpportunityStatus;
import com.salescadence.pipeline.stage.Stage;

/**
 * Which fields an edit of a deal changes, or every reason it is refused (plain Java). An open deal only; an amount
 * above zero with at most two decimals; a close date from today on (before 2200); a probability from 0 to the cap of
 * the deal's stage; a next step of one line, at most {@link #NEXT_STEP_LENGTH} characters. A field given with the
 * value it already has is no change. Each refusal reads "中文 / English".
 */
public final class DealChangeRules {

    public static final int NEXT_STEP_LENGTH = 500;
    /** As {@code Checks.positiveAmount}: an amount from here on is a typing slip. */
    static final BigDecimal TOO_LARGE = new BigDecimal("1000000000000");
    static final LocalDate LAST_DATE = LocalDate.of(2199, 12, 31);

    private DealChangeRules() {
    }

    /**
     * @return the fields that change, in the order amount, close date, probability, next step (empty: nothing changes)
     * @throws ValidationException with every problem of the edit; nothing may be stored then
     */
    public static List<FieldChange> changes(DealTerms current, Stage stage, DealEdit edit, LocalDate today) {
        List<String> problems = new ArrayList<>();
        if (edit == null || edit.amount() == null && edit.closeDate() == null && edit.probability() == null && edit.nextStep() == null) {
            throw new ValidationException("请至少填写要修改的一项：金额、预计成交日期、赢率或下一步。 / "
                    + "Give at least one of amount, expected close date, probability or next step to change.");
        }
        if (current.status() != OpportunityStatus.OPEN) {
            String zh = current.status() == OpportunityStatus.WON ? "已赢单" : "已丢单";
            throw new ValidationException("该商机" + zh + "，不能再修改。 / The deal is already "
                    + current.status().name().toLowerCase() + "; it can no longer be edited.");
        }
        List<FieldChange> changes = new ArrayList<>();
        if (edit.amount() != null) {
            amountProblem(edit.amount()).ifPresentOrElse(problems::add, () -> {
                if (edit.amount().compareTo(current.amount()) != 0) {
                    changes.add(new FieldChange(DealField.AMOUNT, money(current.amount()), money(edit.amount())));
                }
            });
        }
        if (edit.closeDate() != null) {
            LocalDate date = edit.closeDate();
            if (date.isBefore(today)) {
                problems.add("预计成交日期 " + date + " 已经过去：请选择今天（" + today + "）或以后的日期。 / Expected close date "
                        + date + " is in the past: choose today (" + today + ") or later.");
            } else if (date.isAfter(LAST_DATE)) {
                problems.add("预计成交日期 " + date + " 太远：最晚为 " + LAST_DATE + "。 / Expected close date " + date
                        + " is too far away: " + LAST_DATE + " at the latest.");
            } else if (!date.equals(current.closeDate())) {
                changes.add(new FieldChange(DealField.CLOSE_DATE, String.valueOf(current.closeDate()), date.toString()));
            }
        }
        if (edit.probability() != null) {
            int p = edit.probability();
            if (p < 0) {
                problems.add("赢率不能为负数，而不是 " + p + "%。 / Probability cannot be negative, got " + p + "%.");
            } else if (p > stage.probabilityCap()) {
                problems.add("处于“" + stage.name("zh") + "”阶段的商机最多只能申报 " + stage.probabilityCap() + "% 的赢率；您填写了 "
                        + p + "%。 / A deal in " + stage.name() + " may claim at most " + stage.probabilityCap()
                        + "% probability; you entered " + p + "%.");
            } else if (p != current.probability()) {
                changes.add(new FieldChange(DealField.PROBABILITY, String.valueOf(current.probability()), String.valueOf(p)));
            }
        }
        if (edit.nextStep() != null) {
            String next = edit.nextStep().strip();
            if (next.length() > NEXT_STEP_LENGTH) {
                problems.add("下一步太长：最多 " + NEXT_STEP_LENGTH + " 个字符，实际为 " + next.length() + " 个。 / Next step is too long: at most "
                        + NEXT_STEP_LENGTH + " characters, got " + next.length() + ".");
            } else if (next.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                problems.add("下一步只能是一行文字，不能包含换行等控制字符。 / Next step must be one line, without line breaks or other control characters.");
            } else {
                String value = next.isEmpty() ? null : next;
                if (!Objects.equals(value, current.nextStep())) {
                    changes.add(new FieldChange(DealField.NEXT_STEP, current.nextStep(), value));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return changes;
    }

    private static java.util.Optional<String> amountProblem(BigDecimal amount) {
        if (amount.signum() <= 0) {
            return java.util.Optional.of("金额必须大于零，而不是 " + amount.toPlainString() + "。 / Amount must be greater than zero, got "
                    + amount.toPlainString() + ".");
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            return java.util.Optional.of("金额最多只能有两位小数，而不是 " + amount.toPlainString() + "。 / Amount may have at most two decimals, got "
                    + amount.toPlainString() + ".");
        }
        if (amount.compareTo(TOO_LARGE) >= 0) {
            return java.util.Optional.of("金额 " + amount.toPlainString() + " 大得不合实际。 / Amount " + amount.toPlainString()
                    + " is unrealistically large.");
        }
        return java.util.Optional.empty();
    }

    /** An amount as the change log keeps it: two decimals, plain. */
    static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
