package com.salescadence.cadence.accountplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class PlanRolesTest {

    @Test
    void the_senior_manager_is_the_managers_manager() {
        assertThat(PlanRoles.of("rep", List.of("flm", "slm", "vp"))).isEqualTo(new PlanRoles("rep", "flm", "slm"));
    }

    @Test
    void without_anyone_above_the_manager_the_manager_is_the_senior_manager() {
        assertThat(PlanRoles.of("rep", List.of("flm"))).isEqualTo(new PlanRoles("rep", "flm", "flm"));
    }

    @Test
    void an_owner_at_the_top_plays_every_role() {
        assertThat(PlanRoles.of("ceo", List.of())).isEqualTo(new PlanRoles("ceo", "ceo", "ceo"));
    }
}
