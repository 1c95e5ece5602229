package com.salescadence.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

import com.salescadence.organization.OrganizationAdministration;
import com.salescadence.organization.OrganizationService;
import com.salescadence.organization.Person;
import com.salescadence.organization.Role;
import com.salescadence.support.CadenceIntegrationTest;
import com.salescadence.support.RestCalls;
import com.salescadence.support.TestOrganization;

/** The quarterly review through the REST API: an admin starts it, a rep submits, the manager sets the targets. */
@CadenceIntegrationTest
class QuarterlyReviewApiIntegrationTest {

    private static final String ADMIN = "t.qbr.admin";
    private static final String BASE = "/api/cadence/quarterly-review";

    @Autowired TestRestTemplate http;
    @Autowired OrganizationService organization;
    @Autowired OrganizationAdministration administration;
    @Autowired ProcessEngine engine;

    @BeforeEach
    void people() {
        TestOrganization.ensure(organization, administration);
        if (organization.findPerson(ADMIN).isEmpty()) {
            administration.add(new Person(ADMIN, "Quarterly Admin", ADMIN + "@test.local", Role.ADMIN, null, null), TestOrganization.PASSWORD);
        }
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    @SuppressWarnings("unchecked")
    void an_admin_starts_the_review_a_rep_submits_and_the_manager_sets_targets_refusing_bad_input() {
        setClock(LocalDateTime.of(2022, 7, 11, 9, 0));
        call(TestOrganization.REP, HttpMethod.POST, BASE + "/start", Map.of(), HttpStatus.FORBIDDEN);
        assertThat((String) call(ADMIN, HttpMethod.POST, BASE + "/start", Map.of("cycleStart", "July"), HttpStatus.BAD_REQUEST).get("error"))
                .contains("cycleStart must look like");
        call(ADMIN, HttpMethod.POST, BASE + "/start", Map.of("cycleStart", "2022-07-11T09:00"), HttpStatus.CREATED);
        runDueJobs("2022-Q2");
        Map<String, Object> cycle = list(TestOrganization.REP, BASE + "/cycles").stream()
                .filter(c -> "2022-Q2".equals(c.get("cycleKey"))).findFirst().orElseThrow();
        String cyclePath = BASE + "/cycles/" + cycle.get("id");

        setClock(LocalDateTime.of(2022, 7, 11, 10, 0));
        Map<String, Object> refused = call(TestOrganization.REP, HttpMethod.POST, cyclePath + "/review", Map.of("proposedTarget", -1), HttpStatus.BAD_REQUEST);
        assertThat((String) refused.get("error")).contains("Next-quarter plan is required").contains("must be greater than zero");
        call(TestOrganization.REP, HttpMethod.GET, cyclePath + "/reviews/" + TestOrganization.REP, null, HttpStatus.NOT_FOUND);
        Map<String, Object> review = call(TestOrganization.REP, HttpMethod.POST, cyclePath + "/review",
                Map.of("nextQuarterPlan", "Win two framework deals", "proposedTarget", 120000), HttpStatus.OK);
        assertThat(review.get("quarterKey")).isEqualTo("2022-Q2");
        assertThat(((Number) review.get("proposedTarget")).intValue()).isEqualTo(120000);
        call(TestOrganization.OTHER_REP, HttpMethod.GET, cyclePath + "/reviews/" + TestOrganization.REP, null, HttpStatus.NOT_FOUND);
        call(TestOrganization.MANAGER, HttpMethod.GET, cyclePath + "/reviews/" + TestOrganization.REP, null, HttpStatus.OK);

        setClock(LocalDateTime.of(2022, 7, 18, 9, 0));
        runDueJobs("2022-Q2");
        Map<String, Object> team = call(TestOrganization.MANAGER, HttpMethod.GET, cyclePath + "/team", null, HttpStatus.OK);
        assertThat((List<?>) team.get("reps")).hasSize(2);
        assertThat((String) team.get("brief")).contains("Not prepared: Tang Teammate");
        // the rows the form reads when it opens: figures as numbers, the rep's proposal as the prefilled target
        List<Map<String, Object>> rows = (List<Map<String, Object>>) team.get("rows");
        assertThat(rows).extracting(r -> r.get("personId")).containsExactly(TestOrganization.REP, TestOrganization.TEAMMATE);
        assertThat(((Number) rows.get(0).get("prefilledTarget")).intValue()).isEqualTo(120000);
        assertThat(rows.get(1).get("status")).isEqualTo("MISSED");
        assertThat(team.get("nextQuarter")).isEqualTo("2022-Q3");
        // only who may see the team: another manager and a rep of it are refused, bilingual
        assertThat((String) call(TestOrganization.OTHER_MANAGER, HttpMethod.GET, cyclePath + "/team?managerId=" + TestOrganization.MANAGER,
                null, HttpStatus.FORBIDDEN).get("error")).contains("您无权").contains("You are not allowed");
        call(TestOrganization.REP, HttpMethod.GET, cyclePath + "/team?managerId=" + TestOrganization.MANAGER, null, HttpStatus.FORBIDDEN);

        // the form's check before it completes: the problems at each rep's row, nothing stored
        Map<String, Object> checked = call(TestOrganization.MANAGER, HttpMethod.POST, cyclePath + "/team-review/check", Map.of("targets", List.of(
                Map.of("personId", TestOrganization.REP, "target", "abc"), Map.of("personId", TestOrganization.TEAMMATE, "target", 0))),
                HttpStatus.BAD_REQUEST);
        Map<String, List<String>> problems = (Map<String, List<String>>) checked.get("rows");
        assertThat(problems.get(TestOrganization.REP)).containsExactly("下季度目标必须是数字，而不是“abc”。 / The next-quarter target must be a number, got 'abc'.");
        assertThat(problems.get(TestOrganization.TEAMMATE)).containsExactly("下季度目标必须大于零。 / The next-quarter target must be greater than zero.");
        assertThat(call(TestOrganization.MANAGER, HttpMethod.POST, cyclePath + "/team-review/check", Map.of("targets", List.of(
                Map.of("personId", TestOrganization.REP, "target", 120000), Map.of("personId", TestOrganization.TEAMMATE, "target", "90000.50"))),
                HttpStatus.OK)).containsEntry("ok", true);
        call(TestOrganization.MANAGER, HttpMethod.POST, cyclePath + "/team-review/check", Map.of("targets", "everyone"), HttpStatus.BAD_REQUEST);

        refused = call(TestOrganization.MANAGER, HttpMethod.POST, cyclePath + "/team-review", Map.of("targets", List.of(
                Map.of("personId", TestOrganization.REP, "target", 120000), Map.of("personId", TestOrganization.OTHER_REP, "target", 1000))),
                HttpStatus.BAD_REQUEST);
        assertThat((String) refused.get("error")).contains("'t.rep3' is not in your team").contains("Tang Teammate：没有下季度目标。 / No next-quarter target.");
        assertThat((Map<String, Object>) refused.get("rows")).containsOnlyKeys(TestOrganization.TEAMMATE);
        Map<String, Object> recorded = call(TestOrganization.MANAGER, HttpMethod.POST, cyclePath + "/team-review", Map.of("targets", List.of(
                Map.of("personId", TestOrganization.REP, "target", 120000, "outcome", "Agreed"),
                Map.of("personId", TestOrganization.TEAMMATE, "target", 90000, "outcome", "Prepare next time"))), HttpStatus.OK);
        assertThat((List<?>) recorded.get("targets")).hasSize(2);

        // the teammate's late review is still accepted, which closes the manager's chase task
        call(TestOrganization.TEAMMATE, HttpMethod.POST, cyclePath + "/review", Map.of("nextQuarterPlan", "Late plan"), HttpStatus.OK);
        assertThat(engine.getTaskService().createTaskQuery().taskAssignee(TestOrganization.MANAGER)
                .taskDefinitionKey("Task_ChaseMissingPreparation").list()).noneMatch(t -> engine.getRuntimeService()
                        .createProcessInstanceQuery().processInstanceId(t.getProcessInstanceId()).singleResult().getBusinessKey().startsWith("2022-Q2"));
    }

    private void runDueJobs(String cycleKey) {
        for (int round = 0; round < 100; round++) {
            List<String> instances = engine.getRuntimeService().createProcessInstanceQuery()
                    .processInstanceBusinessKeyLike(cycleKey + "%").list().stream().map(ProcessInstance::getId).toList();
            List<Job> due = new ArrayList<>();
            for (Job job : engine.getManagementService().createJobQuery().executable().list()) {
                if (instances.contains(job.getProcessInstanceId())) {
                    due.add(job);
                }
            }
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> engine.getManagementService().executeJob(job.getId()));
        }
        throw new AssertionError("jobs keep coming for " + cycleKey);
    }

    private Map<String, Object> call(String user, HttpMethod method, String path, Object body, HttpStatus expected) {
        return RestCalls.call(http, user, method, path, body, expected);
    }

    private List<Map<String, Object>> list(String user, String path) {
        return RestCalls.list(http, user, path);
    }

    private static void setClock(LocalDateTime time) {
        ClockUtil.setCurrentTime(Date.from(time.atZone(ZoneId.systemDefault()).toInstant()));
    }
}
