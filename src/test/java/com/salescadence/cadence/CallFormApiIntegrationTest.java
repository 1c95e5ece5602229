package com.salescadence.cadence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

import com.salescadence.organization.OrganizationAdministration;
import com.salescadence.organization.OrganizationService;
import com.salescadence.support.CadenceIntegrationTest;
import com.salescadence.support.RestCalls;
import com.salescadence.support.TestOrganization;
import com.salescadence.support.WeeklyCycles;
import com.salescadence.workflow.TaskActions;
import com.salescadence.workflow.WeeklyCommitProcess;

/**
 * What the commit call's form reads when it opens (GET /api/cadence/call-tasks/{taskId}): the call's lines from the
 * tables, with flags in both languages, for the call's manager and those above; 403 for a rep, another team's
 * manager or finance; 404 for a task that is no call.
 */
@CadenceIntegrationTest
class CallFormApiIntegrationTest {

    @Autowired TestRestTemplate http;
    @Autowired OrganizationService organization;
    @Autowired OrganizationAdministration administration;
    @Autowired ProcessEngine engine;
    @Autowired TaskActions tasks;

    @BeforeEach
    void people() {
        TestOrganization.ensure(organization, administration);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void the_calls_lines_are_read_by_its_manager_and_those_above_and_refused_to_anyone_else_with_403() {
        WeeklyCycles weeks = new WeeklyCycles(engine);
        LocalDateTime sunday = LocalDateTime.of(2019, 6, 9, 8, 0);
        String key = weeks.open(sunday);
        weeks.submitEmptyCommit(key, TestOrganization.REP);
        WeeklyCycles.setClock(sunday.plusHours(25));   // Monday 09:00: the teammate missed, the call opens
        weeks.runDueJobs(key);
        String task = tasks.openTaskFor(key + ":" + TestOrganization.MANAGER, WeeklyCommitProcess.TASK_RUN_COMMIT_CALL,
                TestOrganization.MANAGER).getId();
        String path = "/api/cadence/call-tasks/" + task;

        Map<String, Object> lines = RestCalls.call(http, TestOrganization.MANAGER, HttpMethod.GET, path, null, HttpStatus.OK);
        assertThat(lines).containsEntry("cycleKey", key).containsEntry("managerId", TestOrganization.MANAGER)
                .containsEntry("level", 1).containsEntry("submitted", false);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) lines.get("rows");
        assertThat(rows).extracting(r -> r.get("person")).containsExactly("Ren Rep", "Tang Teammate");
        assertThat(rows.get(1)).containsEntry("status", "MISSED");
        assertThat(rows.get(1).get("callFlags")).asList().contains(Map.of("code", "NO_REPORT", "zh", "未提交报告", "en", "no report"));
        assertThat(lines.get("limits")).asString().contains("decimals=2").contains("reasonMaxLength=500");

        RestCalls.call(http, TestOrganization.LEADER, HttpMethod.GET, path, null, HttpStatus.OK);
        for (String stranger : List.of(TestOrganization.REP, TestOrganization.OTHER_MANAGER, TestOrganization.FINANCE)) {
            RestCalls.call(http, stranger, HttpMethod.GET, path, null, HttpStatus.FORBIDDEN);
        }
        RestCalls.call(http, TestOrganization.MANAGER, HttpMethod.GET, "/api/cadence/call-tasks/no-such-task", null, HttpStatus.NOT_FOUND);
    }
}
