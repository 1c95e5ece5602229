package com.salescadence.meeting;

import static com.salescadence.support.ProcessDriver.date;
import static com.salescadence.support.ProcessDriver.setClock;
import static com.salescadence.workflow.MeetingProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
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
import com.salescadence.support.ProcessDriver;
import com.salescadence.support.RestCalls;
import com.salescadence.support.TestOrganization;

/**
 * The hold-meeting form's endpoint: the owner and the managers above read the agenda, only the owner writes; the rep,
 * another manager and a task of another kind are refused (403 / 404, as every task's rows); bad rows are 400 with a reason.
 */
@CadenceIntegrationTest
class MeetingApiIntegrationTest {

    @Autowired TestRestTemplate http;
    @Autowired ProcessEngine engine;
    @Autowired OrganizationService organization;
    @Autowired OrganizationAdministration administration;
    @Autowired MeetingService meetings;

    @BeforeEach
    void people() {
        TestOrganization.ensure(organization, administration);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_owner_records_the_meeting_the_manager_above_reads_it_and_anyone_else_is_refused() {
        LocalDateTime monday = LocalDateTime.of(2024, 9, 2, 8, 0);
        setClock(monday);
        engine.getRuntimeService().startProcessInstanceByKey(KEY, Map.of(CYCLE_START, date(monday)));
        new ProcessDriver(engine).runDueJobs("meetings:");
        String uid = "one-on-one-2024-W36-t.mgr1-t.rep1";
        Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(uid).singleResult();
        String path = "/api/meetings/tasks/" + task.getId();

        Map<String, Object> sheet = RestCalls.call(http, TestOrganization.MANAGER, HttpMethod.GET, path, null, HttpStatus.OK);
        assertThat(sheet.get("uid")).isEqualTo(uid);
        assertThat(sheet.get("editable")).isEqualTo(true);
        Map<String, Object> agenda = (Map<String, Object>) sheet.get("agenda");
        assertThat((List<String>) agenda.get("sections")).containsExactly("RESULTS", "PIPELINE_HEALTH", "KEY_DEALS", "OPEN_ACTIONS");
        assertThat(agenda.get("aboutId")).isEqualTo(TestOrganization.REP);

        Map<String, Object> above = RestCalls.call(http, TestOrganization.LEADER, HttpMethod.GET, path, null, HttpStatus.OK);
        assertThat(above.get("editable")).isEqualTo(false);
        RestCalls.call(http, TestOrganization.REP, HttpMethod.GET, path, null, HttpStatus.FORBIDDEN);
        RestCalls.call(http, TestOrganization.OTHER_MANAGER, HttpMethod.GET, path, null, HttpStatus.FORBIDDEN);
        RestCalls.call(http, TestOrganization.MANAGER, HttpMethod.GET, "/api/meetings/tasks/no-such-task", null, HttpStatus.NOT_FOUND);
        RestCalls.call(http, TestOrganization.MANAGER, HttpMethod.GET, "/api/meetings/action-tasks/" + task.getId(), null, HttpStatus.NOT_FOUND);

        Map<String, Object> body = Map.of("minutes", "Went through the pipeline", "decisions", "Push the Xinhua deal",
                "actions", List.of(Map.of("what", "Send the quote", "ownerId", TestOrganization.REP, "dueDate", "2024-09-06")));
        RestCalls.call(http, TestOrganization.LEADER, HttpMethod.PUT, path, body, HttpStatus.FORBIDDEN);
        Map<String, Object> refused = RestCalls.call(http, TestOrganization.MANAGER, HttpMethod.PUT, path, Map.of("actions",
                List.of(Map.of("what", " ", "ownerId", TestOrganization.OTHER_REP, "dueDate", "2024-08-01"))), HttpStatus.BAD_REQUEST);
        assertThat((String) refused.get("error")).contains("owner must be one of the meeting's people").contains("due date must be today or later");
        RestCalls.call(http, TestOrganization.MANAGER, HttpMethod.PUT, path, Map.of("actions",
                List.of(Map.of("what", "x", "ownerId", TestOrganization.REP, "dueDate", "Friday"))), HttpStatus.BAD_REQUEST);

        Map<String, Object> saved = RestCalls.call(http, TestOrganization.MANAGER, HttpMethod.PUT, path, body, HttpStatus.OK);
        assertThat((List<Map<String, Object>>) saved.get("actions")).singleElement()
                .satisfies(a -> assertThat(a).containsEntry("what", "Send the quote").containsEntry("ownerId", TestOrganization.REP));
        assertThat(saved.get("minutes")).isEqualTo("Went through the pipeline");
        assertThat(meetings.actionsOf(((Number) saved.get("meetingId")).longValue())).hasSize(1);

        Map<String, Object> compliance = RestCalls.call(http, TestOrganization.LEADER, HttpMethod.GET,
                "/api/meetings/compliance?from=2024-09-02&to=2024-09-09", null, HttpStatus.OK);
        assertThat(((Map<String, Object>) compliance.get("total")).get("open")).isEqualTo(6);
        RestCalls.call(http, TestOrganization.REP, HttpMethod.GET, "/api/meetings/compliance?person=t.mgr1&from=2024-09-02&to=2024-09-09",
                null, HttpStatus.FORBIDDEN);
    }
}
