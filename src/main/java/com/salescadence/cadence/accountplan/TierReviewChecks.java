package com.salescadence.cadence.accountplan;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.salescadence.common.Checks;
import com.salescadence.common.Inputs;
import com.salescadence.common.RowProblems;
import com.salescadence.common.ValidationException;

/**
 * The checks of a manager's yearly tier review, in plain Java: a review (notes) for every second-tier account of the
 * team and for no other account, each at most {@link Checks#LONG_TEXT} characters, and the collective review of the
 * other accounts when there are any. Every problem is kept at its account's row (row id: the account no.), in Chinese
 * and English.
 */
public final class TierReviewChecks {

    public static final int COLLECTIVE_LENGTH = 4000;

    /** The notes read per account no., and what is wrong (nothing when {@code problems.ok()}). */
    public record Result(Map<Long, String> notes, RowProblems problems) {
    }

    private TierReviewChecks() {
    }

    /**
     * @param secondTier the team's second-tier accounts: account no. to name, in the order the form shows them
     * @param posted the rows as posted: accountId, notes
     * @param others how many other (third-tier) accounts the collective review covers
     */
    public static Result check(Map<Long, String> secondTier, List<Map<String, Object>> posted, int others, String collective) {
        RowProblems problems = RowProblems.start();
        Map<Long, String> notes = new LinkedHashMap<>();
        for (int i = 0; i < posted.size(); i++) {
            Map<String, Object> row = posted.get(i);
            Long id = accountId(row.get("accountId"));
            if (id == null || !secondTier.containsKey(id)) {
                Object shown = row.get("accountId");
                problems.general("第 " + (i + 1) + " 行的客户（" + shown + "）不是您团队的第二层级客户。",
                        "Row " + (i + 1) + ": account " + shown + " is not a second-tier account of your team.");
                continue;
            }
            String name = secondTier.get(id);
            if (notes.containsKey(id)) {
                problems.row(String.valueOf(id), name, name + " 被列了两次。", name + " is listed twice.");
                continue;
            }
            notes.put(id, Inputs.text(row.get("notes")));
        }
        secondTier.forEach((id, name) -> {
            String text = notes.get(id);
            if (text == null && !problems.has(String.valueOf(id))) {
                problems.row(String.valueOf(id), name, "请填写对该客户的年度评审。", "Write the yearly review of this account.");
            } else if (text != null && text.length() > Checks.LONG_TEXT) {
                problems.row(String.valueOf(id), name, "评审太长：最多 " + Checks.LONG_TEXT + " 个字符，实际为 " + text.length() + " 个。",
                        "The review is too long: at most " + Checks.LONG_TEXT + " characters, got " + text.length() + ".");
            }
        });
        String text = Inputs.text(collective);
        if (others > 0 && text == null) {
            problems.general("请填写其余 " + others + " 个客户的集体评审。", "Write the collective review of the other " + others + " accounts.");
        } else if (text != null && text.length() > COLLECTIVE_LENGTH) {
            problems.general("集体评审太长：最多 " + COLLECTIVE_LENGTH + " 个字符，实际为 " + text.length() + " 个。",
                    "The collective review is too long: at most " + COLLECTIVE_LENGTH + " characters, got " + text.length() + ".");
        }
        return new Result(notes, problems);
    }

    private static Long accountId(Object value) {
        try {
            BigDecimal id = Inputs.amount(value, "accountId");
            return id == null || id.stripTrailingZeros().scale() > 0 ? null : id.longValueExact();
        } catch (ValidationException | ArithmeticException notAnId) {
            return null;
        }
    }
}
