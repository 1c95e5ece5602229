package com.salescadence.cadence.quarterly;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.salescadence.common.Checks;
import com.salescadence.common.Inputs;
import com.salescadence.common.RowProblems;
import com.salescadence.common.ValidationException;

/**
 * The checks of a manager's quarterly review, in plain Java: one row {personId, target, outcome} for every rep of
 * the team and for nobody else, each target a positive amount (at most two decimals, below 10^12), texts not too
 * long. Every problem is kept at its rep's row, in Chinese and English.
 */
public final class TeamReviewChecks {

    private static final BigDecimal TOO_LARGE = new BigDecimal("1000000000000");

    /** The rows read as targets, and what is wrong with them (nothing when {@code problems.ok()}). */
    public record Result(List<TargetInput> rows, RowProblems problems) {
    }

    private TeamReviewChecks() {
    }

    /**
     * @param team the reps of the manager's team: person id to full name, in the order the form shows them
     * @param posted the rows as posted: personId, target (a number or a text holding one), outcome
     */
    public static Result check(Map<String, String> team, List<Map<String, Object>> posted, String notes) {
        RowProblems problems = RowProblems.start();
        if (notes != null && notes.length() > Checks.LONG_TEXT) {
            problems.general("评审记录太长：最多 " + Checks.LONG_TEXT + " 个字符，实际为 " + notes.length() + " 个。",
                    "Review notes are too long: at most " + Checks.LONG_TEXT + " characters, got " + notes.length() + ".");
        }
        List<TargetInput> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < posted.size(); i++) {
            Map<String, Object> row = posted.get(i);
            String person = Inputs.text(row.get("personId"));
            String name = person == null ? null : team.get(person);
            if (name == null) {
                String shown = person == null ? "第 " + (i + 1) + " 行没有销售代表" : "“" + person + "”不在您的团队中";
                String shownEn = person == null ? "Row " + (i + 1) + " has no rep" : "'" + person + "' is not in your team";
                problems.general(shown + "：您只能为自己团队的销售代表设定目标。", shownEn + ": you set targets only for your own reps.");
                continue;
            }
            if (!seen.add(person)) {
                problems.row(person, name, name + " 被列了两次。", name + " is listed twice.");
                continue;
            }
            String outcome = Inputs.text(row.get("outcome"));
            BigDecimal target = target(row.get("target"), person, name, problems);
            if (outcome != null && outcome.length() > Checks.LONG_TEXT) {
                problems.row(person, name, "评审结果太长：最多 " + Checks.LONG_TEXT + " 个字符，实际为 " + outcome.length() + " 个。",
                        "The outcome is too long: at most " + Checks.LONG_TEXT + " characters, got " + outcome.length() + ".");
            }
            rows.add(new TargetInput(person, target, outcome));
        }
        team.forEach((person, name) -> {
            if (!seen.contains(person)) {
                problems.row(person, name, "没有下季度目标。", "No next-quarter target.");
            }
        });
        return new Result(rows, problems);
    }

    private static BigDecimal target(Object value, String person, String name, RowProblems problems) {
        BigDecimal target;
        try {
            target = Inputs.amount(value, "target");
        } catch (ValidationException notANumber) {
            problems.row(person, name, "下季度目标必须是数字，而不是“" + value + "”。",
                    "The next-quarter target must be a number, got '" + value + "'.");
            return null;
        }
        if (target == null) {
            problems.row(person, name, "下季度目标为必填项。", "The next-quarter target is required.");
        } else if (target.signum() <= 0) {
            problems.row(person, name, "下季度目标必须大于零。", "The next-quarter target must be greater than zero.");
        } else if (target.stripTrailingZeros().scale() > 2) {
            problems.row(person, name, "下季度目标最多只能有两位小数。", "The next-quarter target may have at most two decimals.");
        } else if (target.compareTo(TOO_LARGE) >= 0) {
            problems.row(person, name, "下季度目标大得不合实际。", "The next-quarter target is unrealistically large.");
        }
        return target;
    }
}
