package com.salescadence.cadence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
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
 * manager or finance; 404 for a task that is no call. A refused Complete (through the Tasklist's /engine-rest) and the
 * grid's check of the same decisions (POST .../check) name each problem at its person's row; nothing is stored.
 */
@CadenceIntegrationTest
class CallFormApiIntegrationTest {

    @Autowired TestRestTemplate http;
    @Autowired OrganizationService organization;
    @Autowired OrganizationAdministration administration;
    @Autowired ProcessEngine engine;
    @Autowired TaskActions tasks;
    @Autowired RollupService rollups;
    @Autowired CycleService cycles;

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
        String key = CycleKeys.weekKey(CycleKeys.weekCommittedFrom(LocalDate.of(2019, 6, 9)));
        String task = openCall(LocalDateTime.of(2019, 6, 9, 8, 0));
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

    @Test
    void a_refused_complete_and_the_grids_check_name_each_problem_at_its_persons_row_and_store_nothing() {
        String task = openCall(LocalDateTime.of(2019, 6, 23, 8, 0));
        String key = CycleKeys.weekKey(CycleKeys.weekCommittedFrom(LocalDate.of(2019, 6, 23)));
        String check = "/api/cadence/call-tasks/" + task + "/check";
        // Ren Rep adjusted without a reason; Tang Teammate's commit above the largest amount and upside no number
        List<Map<String, Object>> refusedLines = List.of(
                Map.of("personId", TestOrganization.REP, "commit", "5000", "upside", "0", "reason", " "),
                Map.of("personId", TestOrganization.TEAMMATE, "commit", "99999999999999", "upside", "lots", "reason", "Big order"));

        // through the Tasklist's Complete: 400, the message names each person, in both languages; the call stays open
        Map<String, Object> variables = Map.of(WeeklyCommitProcess.F_ADJUSTMENTS, Map.of("value",
                org.camunda.spin.Spin.JSON(refusedLines).toString(), "type", "String", "valueInfo", Map.of("transient", true)));
        Map<String, Object> refused = RestCalls.call(http, TestOrganization.MANAGER, HttpMethod.POST,
                "/engine-rest/task/" + task + "/submit-form", Map.of("variables", variables), HttpStatus.BAD_REQUEST);
        assertThat((String) refused.get("message")).contains("Ren Rep：调整原因为必填项。", "Ren Rep: A reason for the adjustment is required.",
                "Tang Teammate: Adjusted commit is too large", "Tang Teammate");
        assertThat(tasks.openTaskFor(key + ":" + TestOrganization.MANAGER, WeeklyCommitProcess.TASK_RUN_COMMIT_CALL,
                TestOrganization.MANAGER).getId()).isEqualTo(task);

        // the grid posts the same decisions to the check: each problem under the person's id, the form shows it there
        Map<String, Object> answer = RestCalls.call(http, TestOrganization.MANAGER, HttpMethod.POST, check,
                Map.of(WeeklyCommitProcess.F_ADJUSTMENTS, refusedLines, WeeklyCommitProcess.F_CALL_NOTES, "Monday"), HttpStatus.BAD_REQUEST);
        @SuppressWarnings("unchecked")
        Map<String, List<String>> rows = (Map<String, List<String>>) answer.get("rows");
        assertThat(rows).containsOnlyKeys(TestOrganization.REP, TestOrganization.TEAMMATE);
        assertThat(rows.get(TestOrganization.REP)).containsExactly("调整原因为必填项。 / A reason for the adjustment is required.");
        assertThat(String.join(" ", rows.get(TestOrganization.TEAMMATE))).contains("调整后的潜在成交必须是数字", "Adjusted upside must be a number, got 'lots'");
        assertThat((List<?>) answer.get("general")).isEmpty();

        // a line that passes in the browser but not on the server: a person no longer reporting to the manager, at
        // that person's row; too long notes are the call's own problem
        Map<String, Object> moved = RestCalls.call(http, TestOrganization.MANAGER, HttpMethod.POST, check,
                Map.of(WeeklyCommitProcess.F_ADJUSTMENTS, List.of(Map.of("personId", TestOrganization.OTHER_REP, "commit", "1",
                        "upside", "0", "reason", "x")), WeeklyCommitProcess.F_CALL_NOTES, "n".repeat(2001)), HttpStatus.BAD_REQUEST);
        assertThat(String.valueOf(moved.get("rows"))).contains(TestOrganization.OTHER_REP, "不是您的直接下属", "does not report to you");
        assertThat(String.valueOf(moved.get("general"))).contains("记录太长", "Notes is too long");

        // decisions that pass: 200, and the check stores nothing
        RestCalls.call(http, TestOrganization.MANAGER, HttpMethod.POST, check, Map.of(WeeklyCommitProcess.F_ADJUSTMENTS,
                List.of(Map.of("personId", TestOrganization.REP, "commit", "5000", "upside", "0", "reason", "Signed PO"))), HttpStatus.OK);
        assertThat(rollups.view(cycles.find(Cadence.WEEKLY_COMMIT, key).orElseThrow().id(), TestOrganization.MANAGER).rows())
                .as("nothing stored").allMatch(r -> r.adjustedBy() == null);

        // only those who may see the call check it; a body that is no list is refused with a message
        RestCalls.call(http, TestOrganization.REP, HttpMethod.POST, check, Map.of(), HttpStatus.FORBIDDEN);
        RestCalls.call(http, TestOrganization.MANAGER, HttpMethod.POST, check, Map.of(WeeklyCommitProcess.F_ADJUSTMENTS, "x"),
                HttpStatus.BAD_REQUEST);
    }

    /** Opens the week of that Sunday; Ren Rep commits, Tang Teammate misses; Monday 09:00 the call opens. @return its task */
    private String openCall(LocalDateTime sunday) {
        WeeklyCycles weeks = new WeeklyCycles(engine);
        String key = weeks.open(sunday);
        weeks.submitEmptyCommit(key, TestOrganization.REP);
        WeeklyCycles.setClock(sunday.plusHours(25));
        weeks.runDueJobs(key);
        return tasks.openTaskFor(key + ":" + TestOrganization.MANAGER, WeeklyCommitProcess.TASK_RUN_COMMIT_CALL,
                TestOrganization.MANAGER).getId();
    }
}
