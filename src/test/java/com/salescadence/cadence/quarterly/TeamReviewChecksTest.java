package com.salescadence.cadence.quarterly;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TeamReviewChecksTest {

    private static Map<String, String> team(int size) {
        Map<String, String> team = new LinkedHashMap<>();
        for (int i = 1; i <= size; i++) {
            team.put("rep" + i, "Rep " + i);
        }
        return team;
    }

    private static Map<String, Object> row(String person, Object target, String outcome) {
        Map<String, Object> row = new HashMap<>();
        row.put("personId", person);
        row.put("target", target);
        row.put("outcome", outcome);
        return row;
    }

    @Test
    void a_team_of_any_size_is_accepted_when_every_rep_has_a_positive_target() {
        Map<String, String> team = team(30);
        List<Map<String, Object>> rows = team.keySet().stream().map(id -> row(id, "1000" + id.substring(3), null)).toList();
        TeamReviewChecks.Result result = TeamReviewChecks.check(team, rows, "notes");
        assertThat(result.problems().ok()).isTrue();
        assertThat(result.rows()).hasSize(30);
        assertThat(result.rows().get(29).target()).isEqualByComparingTo("100030");
    }

    @Test
    void each_problem_is_kept_at_its_reps_row_in_both_languages() {
        TeamReviewChecks.Result result = TeamReviewChecks.check(team(4), List.of(row("rep1", "-5", null), row("rep2", "x", null),
                row("rep3", "10.123", "x".repeat(2001)), row("rep3", "10", null), row("stranger", "10", null)), null);
        Map<String, List<String>> rows = result.problems().rows();
        assertThat(rows.get("rep1")).containsExactly("下季度目标必须大于零。 / The next-quarter target must be greater than zero.");
        assertThat(rows.get("rep2")).containsExactly("下季度目标必须是数字，而不是“x”。 / The next-quarter target must be a number, got 'x'.");
        assertThat(rows.get("rep3")).hasSize(3).anyMatch(p -> p.contains("at most two decimals")).anyMatch(p -> p.contains("outcome is too long"))
                .anyMatch(p -> p.contains("listed twice"));
        assertThat(rows.get("rep4")).containsExactly("没有下季度目标。 / No next-quarter target.");
        assertThat(result.problems().general()).singleElement().asString().contains("'stranger' is not in your team");
        assertThat(result.problems().sentences()).contains("Rep 4：没有下季度目标。 / No next-quarter target.");
    }
}
