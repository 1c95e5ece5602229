package com.salescadence.web;

import static com.salescadence.workflow.LeadToCashProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
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
import com.salescadence.pipeline.AccountService;
import com.salescadence.pipeline.Lead;
import com.salescadence.pipeline.NewLead;
import com.salescadence.pipeline.process.LeadIntake;
import com.salescadence.support.RestCalls;
import com.salescadence.support.CadenceIntegrationTest;
import com.salescadence.support.TestOrganization;
import com.salescadence.support.WeeklyCycles;
import com.salescadence.workflow.TaskActions;
import com.salescadence.workflow.WeeklyCommitProcess;

/**
 * Issue 18 items 7 and 13: a refusal thrown inside the engine while a task is completed (a task listener, the
 * process glue validating a form) answers 400 with its message on /engine-rest as on /api, never 500; blank
 * evidence for ticked outcomes is such a refusal; a task completed already answers 409.
 */
@CadenceIntegrationTest
class EngineRestErrorsIntegrationTest {

    private static final String REP = TestOrganization.REP;


    @Autowired TestRestTemplate http;
    @Autowired OrganizationService organization;
    @Autowired OrganizationAdministration administration;
    @Autowired AccountService accounts;
    @Autowired LeadIntake intake;
    @Autowired TaskActions tasks;
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
    void ticked_outcomes_with_blank_evidence_are_refused_with_400_on_the_engine_api_and_the_product_api() {
        String businessKey = qualifiedDeal();
        String task = "/engine-rest/task/" + tasks.openTaskFor(businessKey, TASK_WORK_STAGE, REP).getId();
        for (Object blank : new Object[] {"", "   ", null}) {
            Map<String, Object> form = new HashMap<>(Map.of(F_STAGE_ACTION, Map.of("value", "advance"),
                    F_OUTCOMES_MET, Map.of("value", "NEED_UNDERSTOOD,MARKET_INFO_CONFIRMED"),
                    F_CLAIMED_PROBABILITY, Map.of("value", "25")));
            Map<String, Object> evidence = new HashMap<>();
            evidence.put("value", blank);
            form.put(F_EVIDENCE, evidence);
            Map<String, Object> refused = RestCalls.call(http, REP, HttpMethod.POST, task + "/submit-form", Map.of("variables", form),
                    HttpStatus.BAD_REQUEST);
            assertThat((String) refused.get("message")).as("blank: '" + blank + "'").contains("evidence", "证据");
        }
        long deal = ((Number) RestCalls.list(http, REP, "/api/opportunities").stream()
                .filter(o -> businessKey.equals(String.valueOf(o.get("leadId")))).findFirst().orElseThrow().get("id")).longValue();
        Map<String, Object> body = new HashMap<>(Map.of("action", "advance", "outcomes", List.of("NEED_UNDERSTOOD"),
                "claimedProbability", "25"));
        Map<String, Object> refused = RestCalls.call(http, REP, HttpMethod.POST, "/api/opportunities/" + deal + "/stage-work", body,
                HttpStatus.BAD_REQUEST);
        assertThat((String) refused.get("error")).contains("evidence");
        assertThat(tasks.openTaskFor(businessKey, TASK_WORK_STAGE, REP)).as("the task stays open").isNotNull();
    }

    @Test
    void a_refused_completion_answers_400_and_a_second_completion_409() {
        WeeklyCycles weeks = new WeeklyCycles(engine);
        String key = weeks.open(LocalDateTime.of(2021, 3, 14, 8, 0));
        Task commit = weeks.commitTask(key, REP);
        String task = "/engine-rest/task/" + commit.getId();
        // as the weekly commit grid submits: its decisions as transient variables
        Map<String, Object> form = Map.of(WeeklyCommitProcess.F_COMMIT_ITEMS, Map.of("value", "[]", "type", "String",
                "valueInfo", Map.of("transient", true)), WeeklyCommitProcess.F_PROJECT_TRACKING, Map.of("value", "On track"));

        // a variable the process owns: ProtectedVariableGuard's refusal, thrown by a task listener
        Map<String, Object> asTeammate = new HashMap<>(form);
        asTeammate.put(WeeklyCommitProcess.REP_ID, Map.of("value", TestOrganization.TEAMMATE));
        for (String call : List.of("/complete", "/submit-form")) {
            Map<String, Object> refused = RestCalls.call(http, REP, HttpMethod.POST, task + call, Map.of("variables", asTeammate),
                    HttpStatus.BAD_REQUEST);
            assertThat((String) refused.get("message")).contains("repId", "set by the process");
        }

        RestCalls.call(http, REP, HttpMethod.POST, task + "/complete", Map.of("variables", form), HttpStatus.NO_CONTENT);
        // issue 13 item 7: a second completion (a double click, a retry) is a conflict with a message, not 404 or 500
        for (String call : List.of("/complete", "/submit-form")) {
            Map<String, Object> again = RestCalls.call(http, REP, HttpMethod.POST, task + call, Map.of("variables", form),
                    HttpStatus.CONFLICT);
            assertThat((String) again.get("message")).contains(commit.getId(), "was completed already", "已经完成");
        }
        // a task that never was stays 404
        RestCalls.call(http, REP, HttpMethod.POST, "/engine-rest/task/no-such-task/complete", Map.of("variables", form),
                HttpStatus.NOT_FOUND);
    }

    @Test
    void engine_rest_bodies_above_two_megabytes_are_refused_with_413_and_nothing_is_stored() throws Exception {
        WeeklyCycles weeks = new WeeklyCycles(engine);
        Task commit = weeks.commitTask(weeks.open(LocalDateTime.of(2021, 4, 11, 8, 0)), REP);
        String variable = "/engine-rest/task/" + commit.getId() + "/localVariables/notes";
        // (a String variable this long the engine refuses itself; bytes it stored, 45 MB in two calls)
        String big = "{\"value\": \"" + java.util.Base64.getEncoder().encodeToString(new byte[2_500_000]) + "\", \"type\": \"Bytes\"}";

        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        headers.setBasicAuth(REP, TestOrganization.PASSWORD);
        org.springframework.http.ResponseEntity<String> refused = http.exchange(variable, HttpMethod.PUT,
                new org.springframework.http.HttpEntity<>(big, headers), String.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(refused.getBody()).contains("larger than the 2048 KB");

        // a body without Content-Length (chunked) is cut off while it is read
        java.net.http.HttpRequest chunked = java.net.http.HttpRequest.newBuilder(java.net.URI.create(http.getRootUri() + variable))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        (REP + ":" + TestOrganization.PASSWORD).getBytes()))
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big.getBytes())))
                .build();
        java.net.http.HttpResponse<String> cut = java.net.http.HttpClient.newHttpClient().send(chunked,
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(cut.statusCode()).as(cut.body()).isEqualTo(413);
        assertThat(engine.getTaskService().getVariableLocal(commit.getId(), "notes")).isNull();

        // a normal one is stored
        RestCalls.call(http, REP, HttpMethod.PUT, variable, Map.of("value", "small", "type", "String"), HttpStatus.NO_CONTENT);
        assertThat(engine.getTaskService().getVariableLocal(commit.getId(), "notes")).isEqualTo("small");
    }

    @Test
    void list_fields_given_nulls_or_values_that_are_no_rows_are_refused_with_400() {
        WeeklyCycles weeks = new WeeklyCycles(engine);
        Task commit = weeks.commitTask(weeks.open(LocalDateTime.of(2021, 5, 9, 8, 0)), REP);
        String task = "/engine-rest/task/" + commit.getId() + "/complete";
        for (Map<String, Object> bad : List.of(
                Map.<String, Object>of(WeeklyCommitProcess.F_COMMIT_ITEMS, Map.of("value", "[null]", "type", "String",
                        "valueInfo", Map.of("transient", true))),
                Map.<String, Object>of(WeeklyCommitProcess.F_COMMIT_ITEMS, Map.of("value", "[[1, 2]]", "type", "String",
                        "valueInfo", Map.of("transient", true))),
                Map.<String, Object>of(WeeklyCommitProcess.F_COMMIT_ITEMS, Map.of("value", "[1, \"x\"]", "type", "Json")),
                Map.<String, Object>of(WeeklyCommitProcess.F_COMMIT_ITEMS, Map.of("value", "[null]", "type", "Json")))) {
            Map<String, Object> variables = new HashMap<>(bad);
            variables.put(WeeklyCommitProcess.F_PROJECT_TRACKING, Map.of("value", "On track"));
            Map<String, Object> refused = RestCalls.call(http, REP, HttpMethod.POST, task, Map.of("variables", variables),
                    HttpStatus.BAD_REQUEST);
            assertThat((String) refused.get("message")).as(bad.toString()).containsAnyOf("is not a row of fields", "list of values");
        }
        assertThat(engine.getTaskService().createTaskQuery().taskId(commit.getId()).count()).isEqualTo(1);
    }

    /** A deal of the rep in its first stage: lead entered and qualified as the rep. */
    private String qualifiedDeal() {
        Lead lead = intake.receive(new NewLead(TestOrganization.account(accounts, REP).id(), REP, "Planning suite", "Web",
                TestOrganization.amount("300000")));
        String businessKey = String.valueOf(lead.id());
        tasks.complete(businessKey, TASK_QUALIFY_LEAD, REP, Map.of(F_QUALIFICATION_DECISION, "qualify",
                F_BUDGET, "In the plan", F_AUTHORITY, "CIO", F_NEED, "Planning", F_TIMELINE, "This quarter",
                F_OPPORTUNITY_NAME, "Planning suite", F_AMOUNT, "300000", F_EXPECTED_CLOSE_DATE, LocalDate.now().plusMonths(2).toString()));
        return businessKey;
    }
}
