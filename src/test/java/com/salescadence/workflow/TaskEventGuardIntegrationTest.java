package com.salescadence.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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
import com.salescadence.support.RestCalls;
import com.salescadence.support.CadenceIntegrationTest;
import com.salescadence.support.TestOrganization;
import com.salescadence.support.WeeklyCycles;

/**
 * Issue 18 item 1: the holder of a task cannot end its process by throwing a BPMN error or escalation at it
 * through the engine's REST API (POST /engine-rest/task/{id}/bpmnError, /bpmnEscalation) unless the model
 * catches that code; and a caught one cannot carry a variable the process owns.
 */
@CadenceIntegrationTest
class TaskEventGuardIntegrationTest {

    private static final String REP = TestOrganization.REP;

    /** A model whose task catches the error CANNOT_DO (interrupting) and the escalation NEED_HELP (not interrupting). */
    private static final String CATCHING_MODEL = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Caught" targetNamespace="http://bpmn.io/schema/bpmn">
              <bpmn:error id="Error_CannotDo" errorCode="CANNOT_DO" />
              <bpmn:escalation id="Escalation_NeedHelp" escalationCode="NEED_HELP" />
              <bpmn:process id="caught-task-events" isExecutable="true" camunda:historyTimeToLive="P1D">
                <bpmn:startEvent id="Start_Caught" />
                <bpmn:sequenceFlow id="Flow_ToWork" sourceRef="Start_Caught" targetRef="Task_Work" />
                <bpmn:userTask id="Task_Work" name="Work" camunda:assignee="${worker}" />
                <bpmn:sequenceFlow id="Flow_Done" sourceRef="Task_Work" targetRef="End_Done" />
                <bpmn:endEvent id="End_Done" />
                <bpmn:boundaryEvent id="Error_WorkImpossible" attachedToRef="Task_Work">
                  <bpmn:errorEventDefinition errorRef="Error_CannotDo" />
                </bpmn:boundaryEvent>
                <bpmn:sequenceFlow id="Flow_ToHandle" sourceRef="Error_WorkImpossible" targetRef="Task_HandleImpossible" />
                <bpmn:userTask id="Task_HandleImpossible" name="Handle" camunda:assignee="${worker}" />
                <bpmn:sequenceFlow id="Flow_Handled" sourceRef="Task_HandleImpossible" targetRef="End_Handled" />
                <bpmn:endEvent id="End_Handled" />
                <bpmn:boundaryEvent id="Escalation_HelpNeeded" attachedToRef="Task_Work" cancelActivity="false">
                  <bpmn:escalationEventDefinition escalationRef="Escalation_NeedHelp" />
                </bpmn:boundaryEvent>
                <bpmn:sequenceFlow id="Flow_ToHelp" sourceRef="Escalation_HelpNeeded" targetRef="Task_Help" />
                <bpmn:userTask id="Task_Help" name="Help" camunda:assignee="${worker}" />
                <bpmn:sequenceFlow id="Flow_Helped" sourceRef="Task_Help" targetRef="End_Helped" />
                <bpmn:endEvent id="End_Helped" />
              </bpmn:process>
            </bpmn:definitions>
            """;


    @Autowired TestRestTemplate http;
    @Autowired OrganizationService organization;
    @Autowired OrganizationAdministration administration;
    @Autowired ProcessEngine engine;

    @BeforeEach
    void people() {
        TestOrganization.ensure(organization, administration);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void a_rep_cannot_end_their_weekly_commit_with_an_uncaught_bpmn_error_or_escalation() {
        WeeklyCycles weeks = new WeeklyCycles(engine);
        String key = weeks.open(LocalDateTime.of(2021, 3, 14, 8, 0));
        Task commit = weeks.commitTask(key, REP);
        String task = "/engine-rest/task/" + commit.getId();

        Map<String, Object> error = call(HttpMethod.POST, task + "/bpmnError", Map.of("errorCode", "GIVE_UP"), HttpStatus.BAD_REQUEST);
        assertThat((String) error.get("message")).contains("GIVE_UP", "no event of the process catches it");
        Map<String, Object> escalation = call(HttpMethod.POST, task + "/bpmnEscalation", Map.of("escalationCode", "GIVE_UP"),
                HttpStatus.BAD_REQUEST);
        assertThat((String) escalation.get("message")).contains("GIVE_UP", "no event of the process catches it");

        // the process is untouched: the task is open, the instance runs
        assertThat(engine.getTaskService().createTaskQuery().taskId(commit.getId()).count()).isEqualTo(1);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(commit.getProcessInstanceId())
                .active().count()).isEqualTo(1);
    }

    @Test
    void a_caught_error_or_escalation_goes_to_its_handler_but_cannot_set_a_variable_the_process_owns() {
        engine.getRepositoryService().createDeployment().name("caught-task-events")
                .addString("caught-task-events.bpmn", CATCHING_MODEL).deploy();
        ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("caught-task-events", Map.of("worker", REP));
        String task = "/engine-rest/task/" + taskAt(instance, "Task_Work").getId();

        // a code the model does not catch is refused
        call(HttpMethod.POST, task + "/bpmnError", Map.of("errorCode", "SOMETHING_ELSE"), HttpStatus.BAD_REQUEST);
        call(HttpMethod.POST, task + "/bpmnEscalation", Map.of("escalationCode", "SOMETHING_ELSE"), HttpStatus.BAD_REQUEST);
        // a caught code with a protected variable is refused, and nothing of it is stored
        Map<String, Object> refused = call(HttpMethod.POST, task + "/bpmnError", Map.of("errorCode", "CANNOT_DO",
                "variables", Map.of(LeadToCashProcess.APPROVER_ID, Map.of("value", REP))), HttpStatus.BAD_REQUEST);
        assertThat((String) refused.get("message")).contains(LeadToCashProcess.APPROVER_ID, "set by the process");
        call(HttpMethod.POST, task + "/bpmnEscalation", Map.of("escalationCode", "NEED_HELP",
                "variables", Map.of(WeeklyCommitProcess.REP_ID, Map.of("value", "t.rep2"))), HttpStatus.BAD_REQUEST);
        assertThat(engine.getRuntimeService().getVariable(instance.getId(), LeadToCashProcess.APPROVER_ID)).isNull();
        assertThat(engine.getRuntimeService().getVariable(instance.getId(), WeeklyCommitProcess.REP_ID)).isNull();
        assertThat(taskAt(instance, "Task_Work")).isNotNull();

        // the codes the model catches go to their handlers
        call(HttpMethod.POST, task + "/bpmnEscalation", Map.of("escalationCode", "NEED_HELP"), HttpStatus.NO_CONTENT);
        assertThat(taskAt(instance, "Task_Help")).isNotNull();
        call(HttpMethod.POST, task + "/bpmnError", Map.of("errorCode", "CANNOT_DO",
                "variables", Map.of("reason", Map.of("value", "Customer unreachable"))), HttpStatus.NO_CONTENT);
        assertThat(taskAt(instance, "Task_HandleImpossible")).isNotNull();
        assertThat(engine.getRuntimeService().getVariable(instance.getId(), "reason")).isEqualTo("Customer unreachable");
    }

    private Task taskAt(ProcessInstance instance, String activityId) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(activityId)
                .singleResult();
    }

    private Map<String, Object> call(HttpMethod method, String path, Object body, HttpStatus expected) {
        return RestCalls.call(http, REP, method, path, body, expected);
    }
}
