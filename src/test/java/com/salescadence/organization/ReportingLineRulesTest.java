package com.salescadence.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ReportingLineRulesTest {

    // top <- mid <- low
    private final Map<String, String> managerOf = new HashMap<>(Map.of("mid", "top", "low", "mid"));

    @Test
    void nobody_is_their_own_manager() {
        assertThat(ReportingLineRules.managerProblem("low", "low", managerOf)).get().asString().contains("cannot be their own manager");
    }

    @Test
    void a_manager_below_the_person_would_form_a_loop() {
        assertThat(ReportingLineRules.managerProblem("top", "low", managerOf)).get().asString().contains("would form a loop");
        assertThat(ReportingLineRules.managerProblem("mid", "low", managerOf)).get().asString().contains("would form a loop");
    }

    @Test
    void a_manager_elsewhere_or_none_is_fine_even_when_the_lines_already_hold_a_loop_elsewhere() {
        managerOf.put("x", "y");
        managerOf.put("y", "x");
        assertThat(ReportingLineRules.managerProblem("low", "top", managerOf)).isEmpty();
        assertThat(ReportingLineRules.managerProblem("low", null, managerOf)).isEmpty();
        assertThat(ReportingLineRules.managerProblem("low", "x", managerOf)).isEmpty();
    }

    @Test
    void only_managers_and_administrators_have_reports() {
        assertThat(ReportingLineRules.managerRoleProblem("r", Role.REP)).get().asString().contains("is not a manager or administrator");
        assertThat(ReportingLineRules.managerRoleProblem("f", Role.FINANCE)).isPresent();
        assertThat(ReportingLineRules.managerRoleProblem("m", Role.MANAGER)).isEmpty();
        assertThat(ReportingLineRules.managerRoleProblem("a", Role.ADMIN)).isEmpty();
        assertThat(ReportingLineRules.managerRoleProblem(null, null)).isEmpty();
    }

    @Test
    void the_last_administrator_keeps_the_role() {
        assertThat(ReportingLineRules.removesLastAdministrator(Role.ADMIN, Role.REP, 1)).isTrue();
        assertThat(ReportingLineRules.removesLastAdministrator(Role.ADMIN, null, 1)).isTrue();
        assertThat(ReportingLineRules.removesLastAdministrator(Role.ADMIN, Role.REP, 2)).isFalse();
        assertThat(ReportingLineRules.removesLastAdministrator(Role.ADMIN, Role.ADMIN, 1)).isFalse();
        assertThat(ReportingLineRules.removesLastAdministrator(Role.REP, Role.MANAGER, 0)).isFalse();
    }
}
