package com.salescadence.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.salescadence.support.CadenceIntegrationTest;

/**
 * {@link OrganizationService#chartBelow}: read level by level, or (once a level is large) from one read of every
 * active person, the same chart: the same people, direct reports in the same order, teams and levels, also with an
 * inactive person, people outside the subtree and a reporting line that loops back to the top.
 */
@CadenceIntegrationTest
class OrgChartIntegrationTest {

    @Autowired OrganizationService organization;
    @Autowired PersonRepository people;
    @Autowired JdbcClient jdbc;

    @Test
    void the_chart_read_from_everyone_equals_the_chart_read_level_by_level() {
        Random random = new Random(20261206);
        List<String> managers = new ArrayList<>(List.of("oc.top"));
        people.insert(new Person("oc.top", "Top", "top@example.com", Role.MANAGER, null, "VP"));
        people.insert(new Person("oc.other", "Other", "other@example.com", Role.MANAGER, null, "VP"));
        people.insert(new Person("oc.other.rep", "Other rep", "or@example.com", Role.REP, "oc.other", "Rep"));
        List<String> all = new ArrayList<>(List.of("oc.top"));
        for (int i = 0; i < 300; i++) {
            boolean manager = i < 40;
            // ids in no order of creation, mixed case and digits (the database orders each manager's reports)
            String id = "oc." + (char) ('a' + random.nextInt(26)) + (random.nextBoolean() ? "X" : "x") + i;
            String managerId = manager ? managers.get(random.nextInt(managers.size())) : managers.get(1 + random.nextInt(managers.size() - 1));
            people.insert(new Person(id, "P " + i, id + "@example.com", manager ? Role.MANAGER : Role.REP, managerId, "T"));
            if (manager) {
                managers.add(id);
            }
            all.add(id);
        }
        String leaver = all.get(120);
        people.deactivate(leaver, java.time.LocalDate.of(2026, 12, 1), "oc.top");
        // a line that loops: the top reports to someone below them
        jdbc.sql("update person set manager_id = ? where id = 'oc.top'").param(managers.get(5)).update();

        for (String root : List.of("oc.top", managers.get(3))) {
            OrgChart byLevel = organization.chartBelow(root, Integer.MAX_VALUE);
            assertThat(byLevel.teamOf(root)).hasSizeGreaterThan(root.equals("oc.top") ? 250 : 1).doesNotContain("oc.other.rep", leaver);
            for (int from : new int[] {0, 3, 30}) {
                OrgChart fromEveryone = organization.chartBelow(root, from);
                assertThat(fromEveryone.teamOf(root)).as("team of %s, whole from %d", root, from).containsExactlyElementsOf(byLevel.teamOf(root));
                for (String id : all) {
                    assertThat(fromEveryone.directReports(id)).as("reports of %s below %s, whole from %d", id, root, from)
                            .containsExactlyElementsOf(byLevel.directReports(id));
                    assertThat(fromEveryone.person(id)).as("person %s below %s", id, root).isEqualTo(byLevel.person(id));
                    assertThat(fromEveryone.level(id)).as("level of %s below %s", id, root).isEqualTo(byLevel.level(id));
                    assertThat(fromEveryone.teamOf(id)).as("team of %s below %s", id, root).containsExactlyElementsOf(byLevel.teamOf(id));
                }
            }
        }
    }
}
