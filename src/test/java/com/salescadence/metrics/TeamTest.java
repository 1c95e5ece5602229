package com.salescadence.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.salescadence.organization.Role;

/** The quota rule of the metrics: a person's own quota, or else the sum of their reports' (recursively). */
class TeamTest {

    // leader -> (mgr.a -> rep.a1, rep.a2), (mgr.b -> rep.b1, rep.b2), mgr.c (no reports)
    private final Team team = new Team("leader", List.of(
            member("leader", Role.MANAGER, null),
            member("mgr.a", Role.MANAGER, "leader"), member("rep.a1", Role.REP, "mgr.a"), member("rep.a2", Role.REP, "mgr.a"),
            member("mgr.b", Role.MANAGER, "leader"), member("rep.b1", Role.REP, "mgr.b"), member("rep.b2", Role.REP, "mgr.b"),
            member("mgr.c", Role.MANAGER, "leader")));

    @Test
    void a_manager_without_an_own_quota_has_the_sum_of_the_reports_quotas() {
        Map<String, BigDecimal> own = Map.of("rep.a1", amount(100), "rep.a2", amount(250));
        assertThat(team.ownOrReports("mgr.a", own::get)).isEqualByComparingTo("350");
    }

    @Test
    void a_managers_own_quota_wins_over_the_sum_of_the_reports() {
        Map<String, BigDecimal> own = Map.of("rep.a1", amount(100), "rep.a2", amount(250), "mgr.a", amount(500));
        assertThat(team.ownOrReports("mgr.a", own::get)).isEqualByComparingTo("500");
    }

    @Test
    void the_sum_goes_down_every_level_and_takes_each_branch_own_quota_where_it_has_one() {
        Map<String, BigDecimal> own = Map.of("rep.a1", amount(100), "rep.a2", amount(250),
                "mgr.b", amount(1000), "rep.b1", amount(1), "rep.b2", amount(2));
        assertThat(team.ownOrReports("leader", own::get)).isEqualByComparingTo("1350");
    }

    @Test
    void reports_without_quotas_add_nothing_and_a_branch_without_any_quota_has_none() {
        Map<String, BigDecimal> own = Map.of("rep.a1", amount(100));
        assertThat(team.ownOrReports("mgr.a", own::get)).isEqualByComparingTo("100");
        assertThat(team.ownOrReports("mgr.b", own::get)).isNull();
        assertThat(team.ownOrReports("mgr.c", own::get)).isNull();
        assertThat(team.ownOrReports("rep.b1", own::get)).isNull();
    }

    private static Team.Member member(String id, Role role, String managerId) {
        return new Team.Member(id, id, role, managerId);
    }

    private static BigDecimal amount(long value) {
        return BigDecimal.valueOf(value);
    }
}
