package com.salescadence.web;

import static com.salescadence.workflow.LeadToCashProcess.F_ADVANCE_DECISION;
import static com.salescadence.workflow.LeadToCashProcess.F_DECISION_COMMENT;
import static com.salescadence.workflow.LeadToCashProcess.TASK_APPROVE_STAGE_ADVANCE;
import static com.salescadence.workflow.LeadToCashProcess.TASK_WORK_STAGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.salescadence.cadence.Cadence;
import com.salescadence.cadence.CycleService;
import com.salescadence.common.ValidationException;
import com.salescadence.organization.OrganizationAdministration;
import com.salescadence.organization.OrganizationService;
import com.salescadence.organization.Person;
import com.salescadence.organization.Role;
import com.salescadence.pipeline.OpportunityService;
import com.salescadence.support.CadenceIntegrationTest;
import com.salescadence.support.ModelerUpload;
import com.salescadence.support.RestCalls;
import com.salescadence.support.ProcessDriver;
import com.salescadence.support.TestOrganization;
import com.salescadence.support.WeeklyCycles;
import com.salescadence.workflow.LeadToCashProcess;
import com.salescadence.workflow.MonthlyForecastProcess;
import com.salescadence.workflow.WeeklyCommitProcess;

/**
 * Who may do what, end to end as in production (Camunda authorization on), through the engine's REST
 * API and the product's API with HTTP Basic as the real users of the test organisation: t.leader over
 * t.mgr1 (t.rep1, t.rep2) and t.mgr2 (t.rep3); t.admin is the engine's administrator.
 */
@CadenceIntegrationTest
class AuthorizationIntegrationTest {

    private static final String REP = TestOrganization.REP;
    private static final String TEAMMATE = TestOrganization.TEAMMATE;
    private static final String OTHER_REP = TestOrganization.OTHER_REP;
    private static final String MANAGER = TestOrganization.MANAGER;
    private static final String OTHER_MANAGER = TestOrganization.OTHER_MANAGER;
    private static final String LEADER = TestOrganization.LEADER;
    private static final String ENGINE_ADMIN = "t.admin";
    /** An administrator who is also a person of the organisation (approves the advances of the top of the hierarchy). */
    private static final String ADMIN_PERSON = "t.sysadmin";
    /** A rep whose password the anonymous test gets wrong. */
    private static final String LOCKED_OUT = "t.guesswork";

    /** The engine's REST API reports a refusal of a task listener, such as ProtectedVariableGuard's, as 400 with its message (web.EngineRestErrors). */
    private static final HttpStatus REFUSED = HttpStatus.BAD_REQUEST;

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };

    @Autowired TestRestTemplate http;
    @Autowired OrganizationService organization;
    @Autowired OrganizationAdministration administration;
    @Autowired OpportunityService opportunities;
    @Autowired CycleService cycles;
    @Autowired ProcessEngine engine;

    @BeforeEach
    void people() {
        TestOrganization.ensure(organization, administration);
        if (organization.findPerson(ADMIN_PERSON).isEmpty()) {
            administration.add(new Person(ADMIN_PERSON, "Sys Admin", ADMIN_PERSON + "@test.local", Role.ADMIN, null, null),
                    TestOrganization.PASSWORD);
            administration.add(new Person(LOCKED_OUT, "Gu Guess", LOCKED_OUT + "@test.local", Role.REP, OTHER_MANAGER, null),
                    TestOrganization.PASSWORD);
        }
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void calls_without_valid_credentials_are_refused_with_401() {
        for (String path : List.of("/engine-rest/task", "/engine-rest/process-definition", "/engine-rest/deployment",
                "/api/opportunities", "/api/accounts", "/api/cadence/weekly-commit/cycles", "/api/cadence/monthly-forecast/cycles",
                "/api/notifications")) {
            assertThat(http.getForEntity(path, String.class).getStatusCode()).as("anonymous GET " + path).isEqualTo(HttpStatus.UNAUTHORIZED);
            // (a wrong password locks the login for a while: Camunda's brute-force delay; so not one the other tests use)
            assertThat(http.withBasicAuth(LOCKED_OUT, "wrong-password").getForEntity(path, String.class).getStatusCode())
                    .as("wrong password GET " + path).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        assertThat(http.exchange("/engine-rest/deployment/create", HttpMethod.POST, probeModel(), String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.exchange("/api/leads", HttpMethod.POST, RestCalls.json(Map.of("title", "x")), String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void a_rep_cannot_read_complete_or_claim_another_reps_task_through_the_engine_api() {
        Deal deal = newDeal(REP);
        String taskId = engineTaskId(REP, deal.leadId(), TASK_WORK_STAGE);
        String task = "/engine-rest/task/" + taskId;

        // the rep's own task: readable (the control)
        assertThat(engine(REP, HttpMethod.GET, task, null).getStatusCode()).isEqualTo(HttpStatus.OK);
        for (String intruder : List.of(TEAMMATE, OTHER_REP, OTHER_MANAGER)) {
            assertThat(apiList(intruder, "/engine-rest/task?processInstanceBusinessKey=" + deal.leadId())).as(intruder).isEmpty();
            assertThat(engine(intruder, HttpMethod.GET, task, null).getStatusCode()).as(intruder + " reads").isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(engine(intruder, HttpMethod.GET, task + "/variables", null).getStatusCode()).as(intruder + " reads variables")
                    .isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(engine(intruder, HttpMethod.POST, task + "/complete", Map.of("variables", Map.of())).getStatusCode())
                    .as(intruder + " completes").isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(engine(intruder, HttpMethod.POST, task + "/claim", Map.of("userId", intruder)).getStatusCode())
                    .as(intruder + " claims").isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(engine(intruder, HttpMethod.POST, task + "/assignee", Map.of("userId", intruder)).getStatusCode())
                    .as(intruder + " takes it over").isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(apiList(intruder, "/engine-rest/history/task?processInstanceBusinessKey=" + deal.leadId()))
                    .as(intruder + " reads its history").isEmpty();
        }
        String instance = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult().getProcessInstanceId();
        assertThat(apiList(OTHER_REP, "/engine-rest/process-instance?businessKey=" + deal.leadId())).isEmpty();
        assertThat(apiList(OTHER_REP, "/engine-rest/variable-instance?processInstanceIdIn=" + instance)).isEmpty();
        assertThat(engine(OTHER_REP, HttpMethod.GET, "/engine-rest/process-instance/" + instance + "/variables", null).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        // nor another person's login (the user is invisible to them: 404) and the password stays
        assertThat(engine(OTHER_REP, HttpMethod.PUT, "/engine-rest/user/" + REP + "/credentials",
                Map.of("password", "taken-over-123", "authenticatedUserPassword", TestOrganization.PASSWORD)).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(engine.getIdentityService().checkPassword(REP, TestOrganization.PASSWORD)).isTrue();

        // the rep's own manager reads the task (team visibility) but cannot do the rep's work
        assertThat(engine(MANAGER, HttpMethod.GET, task, null).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(engine(MANAGER, HttpMethod.POST, task + "/complete", Map.of("variables", Map.of())).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(engine(MANAGER, HttpMethod.POST, task + "/claim", Map.of("userId", MANAGER)).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        // nothing happened to it
        Map<String, Object> still = engineMap(REP, task);
        assertThat(still.get("assignee")).isEqualTo(REP);
        assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).count()).isEqualTo(1);
    }

    @Test
    void a_rep_cannot_approve_their_own_stage_advance_neither_through_the_engine_api_nor_the_product_api() {
        Deal deal = newDeal(REP);
        requestAdvance(REP, deal);
        String approval = "/engine-rest/task/" + engineTaskId(MANAGER, deal.leadId(), TASK_APPROVE_STAGE_ADVANCE);
        Map<String, Object> approve = Map.of("variables", Map.of(
                F_ADVANCE_DECISION, Map.of("value", "approve"), F_DECISION_COMMENT, Map.of("value", "Looks fine to me")));

        assertThat(engine(REP, HttpMethod.GET, approval, null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(engine(REP, HttpMethod.POST, approval + "/complete", approve).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(engine(REP, HttpMethod.POST, approval + "/claim", Map.of("userId", REP)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(engine(REP, HttpMethod.POST, approval + "/assignee", Map.of("userId", REP)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(engine(REP, HttpMethod.POST, approval + "/delegate", Map.of("userId", REP)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        api(REP, HttpMethod.POST, deal.path() + "/advance-decision", Map.of("decision", "approve"), HttpStatus.NOT_FOUND);
        api(OTHER_MANAGER, HttpMethod.POST, deal.path() + "/advance-decision", Map.of("decision", "approve"), HttpStatus.NOT_FOUND);
        assertThat(stageOf(REP, deal)).isEqualTo("IDENTIFY");

        // the manager it is assigned to approves it through the engine API, as the Tasklist does
        assertThat(engine(MANAGER, HttpMethod.POST, approval + "/complete", approve).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(stageOf(REP, deal)).isEqualTo("VALIDATE");
    }

    @Test
    void a_manager_who_asks_to_advance_their_own_deal_cannot_approve_it() {
        // a first-line manager's own deal: their manager approves, not they
        Deal own = newDeal(MANAGER);
        requestAdvance(MANAGER, own);
        String approvalId = engineTaskId(LEADER, own.leadId(), TASK_APPROVE_STAGE_ADVANCE);
        assertThat(engine.getTaskService().createTaskQuery().taskId(approvalId).singleResult().getAssignee()).isEqualTo(LEADER);
        assertThat(engine(MANAGER, HttpMethod.POST, "/engine-rest/task/" + approvalId + "/complete",
                Map.of("variables", Map.of(F_ADVANCE_DECISION, Map.of("value", "approve")))).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        api(MANAGER, HttpMethod.POST, own.path() + "/advance-decision", Map.of("decision", "approve"), HttpStatus.NOT_FOUND);
        assertThat(stageOf(MANAGER, own)).isEqualTo("IDENTIFY");

        // the top of the hierarchy has no manager: the advance goes to an administrator, never back to the requester
        Deal top = newDeal(LEADER);
        requestAdvance(LEADER, top);
        String topApproval = engineTaskId(ADMIN_PERSON, top.leadId(), TASK_APPROVE_STAGE_ADVANCE);
        assertThat(engine.getTaskService().createTaskQuery().taskId(topApproval).singleResult().getAssignee()).isEqualTo(ADMIN_PERSON);
        assertThat(apiList(LEADER, "/engine-rest/task?processInstanceBusinessKey=" + top.leadId()
                + "&taskDefinitionKey=" + TASK_APPROVE_STAGE_ADVANCE)).isEmpty();
        assertThat(engine(LEADER, HttpMethod.POST, "/engine-rest/task/" + topApproval + "/complete",
                Map.of("variables", Map.of(F_ADVANCE_DECISION, Map.of("value", "approve")))).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        api(LEADER, HttpMethod.POST, top.path() + "/advance-decision", Map.of("decision", "approve"), HttpStatus.NOT_FOUND);
        // and the rule itself refuses the requester, whatever their rights
        assertThatThrownBy(() -> opportunities.decideAdvance(top.id(), true, "mine", LEADER))
                .isInstanceOf(ValidationException.class).hasMessageContaining("cannot approve your own");
        assertThat(stageOf(LEADER, top)).isEqualTo("IDENTIFY");

        api(LEADER, HttpMethod.POST, own.path() + "/advance-decision", Map.of("decision", "approve", "comment", "Checked"), HttpStatus.OK);
        api(ADMIN_PERSON, HttpMethod.POST, top.path() + "/advance-decision", Map.of("decision", "approve", "comment", "Checked"), HttpStatus.OK);
        assertThat(stageOf(MANAGER, own)).isEqualTo("VALIDATE");
        assertThat(stageOf(LEADER, top)).isEqualTo("VALIDATE");
    }

    @Test
    void only_an_administrator_may_deploy_models() {
        for (String user : List.of(REP, MANAGER, LEADER, TestOrganization.FINANCE)) {
            ResponseEntity<Map<String, Object>> refused = http.withBasicAuth(user, TestOrganization.PASSWORD)
                    .exchange("/engine-rest/deployment/create", HttpMethod.POST, probeModel(), JSON);
            assertThat(refused.getStatusCode()).as(user + " deploys").isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("authorization-probe").count()).isZero();

        ResponseEntity<Map<String, Object>> deployed = http.withBasicAuth(ENGINE_ADMIN, TestOrganization.PASSWORD)
                .exchange("/engine-rest/deployment/create", HttpMethod.POST, probeModel(), JSON);
        assertThat(deployed.getStatusCode()).as(String.valueOf(deployed.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("authorization-probe").count()).isEqualTo(1);
    }

    @Test
    void reps_see_only_their_own_deals_and_managers_only_their_teams() {
        Deal deal = newDeal(REP);
        for (String allowed : List.of(REP, MANAGER, LEADER)) {
            api(allowed, HttpMethod.GET, deal.path(), null, HttpStatus.OK);
            assertThat(ids(apiList(allowed, "/api/opportunities"))).as(allowed).contains(deal.id());
        }
        for (String intruder : List.of(TEAMMATE, OTHER_REP, OTHER_MANAGER)) {
            api(intruder, HttpMethod.GET, deal.path(), null, HttpStatus.NOT_FOUND);
            api(intruder, HttpMethod.GET, deal.path() + "/stage-history", null, HttpStatus.NOT_FOUND);
            api(intruder, HttpMethod.GET, "/api/leads/" + deal.leadId(), null, HttpStatus.NOT_FOUND);
            api(intruder, HttpMethod.GET, "/api/accounts/" + deal.accountId(), null, HttpStatus.NOT_FOUND);
            assertThat(ids(apiList(intruder, "/api/opportunities"))).as(intruder).doesNotContain(deal.id());
            assertThat(ids(apiList(intruder, "/api/leads"))).as(intruder).doesNotContain(deal.leadId());
            assertThat(ids(apiList(intruder, "/api/accounts"))).as(intruder).doesNotContain(deal.accountId());
            // nor work on it
            api(intruder, HttpMethod.POST, deal.path() + "/stage-work", Map.of("action", "lost", "lossReason", "Sabotage"),
                    HttpStatus.NOT_FOUND);
        }
        // a rep cannot enter a lead for another team's rep
        api(OTHER_REP, HttpMethod.POST, "/api/leads", Map.of("accountId", deal.accountId(), "title", "Not mine", "ownerId", REP),
                HttpStatus.BAD_REQUEST);
        assertThat(stageOf(REP, deal)).isEqualTo("IDENTIFY");
    }

    @Test
    void reps_and_managers_see_no_other_teams_weekly_commit_or_roll_up() {
        WeeklyCycles weeks = new WeeklyCycles(engine);
        String key = weeks.open(LocalDateTime.of(2021, 3, 7, 8, 0));
        long cycleId = cycles.find(Cadence.WEEKLY_COMMIT, key).orElseThrow().id();
        String cycle = "/api/cadence/cycles/" + cycleId;
        api(REP, HttpMethod.POST, cycle + "/commit", Map.of("items", List.of(), "projectTracking", "On track"), HttpStatus.OK);

        for (String allowed : List.of(REP, MANAGER, LEADER)) {
            api(allowed, HttpMethod.GET, cycle + "/commits/" + REP, null, HttpStatus.OK);
        }
        for (String intruder : List.of(TEAMMATE, OTHER_REP, OTHER_MANAGER)) {
            api(intruder, HttpMethod.GET, cycle + "/commits/" + REP, null, HttpStatus.NOT_FOUND);
            api(intruder, HttpMethod.GET, "/api/cadence/compliance/people/" + REP, null, HttpStatus.NOT_FOUND);
            api(intruder, HttpMethod.GET, cycle + "/rollup?managerId=" + MANAGER, null, HttpStatus.NOT_FOUND);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> reports = (List<Map<String, Object>>) api(intruder, HttpMethod.GET, cycle + "/compliance", null, HttpStatus.OK)
                    .get("reports");
            assertThat(reports).extracting(r -> r.get("personId")).as(intruder).doesNotContain(REP, MANAGER);
        }
        // another rep's commit task through the engine API
        String commitTask = "/engine-rest/task/" + weeks.commitTask(key, TEAMMATE).getId();
        assertThat(engine(OTHER_REP, HttpMethod.POST, commitTask + "/complete", Map.of("variables", Map.of())).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(engine(OTHER_MANAGER, HttpMethod.GET, commitTask, null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(engine(MANAGER, HttpMethod.GET, commitTask, null).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void reps_and_managers_see_no_other_teams_monthly_forecast() {
        ProcessDriver.setClock(LocalDateTime.of(2021, 3, 1, 9, 0));
        engine.getRuntimeService().startProcessInstanceByKey(MonthlyForecastProcess.KEY,
                Map.of(MonthlyForecastProcess.CYCLE_START, ClockUtil.getCurrentTime()));
        new ProcessDriver(engine).runDueJobs("2021-03");
        long cycleId = cycles.find(Cadence.MONTHLY_FORECAST, "2021-03").orElseThrow().id();
        String base = "/api/cadence/monthly-forecast/cycles/" + cycleId;
        List<Map<String, Object>> months = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            months.add(Map.of("month", YearMonth.of(2021, 3).plusMonths(i).toString(), "amount", 1000));
        }
        api(REP, HttpMethod.POST, base + "/forecast", Map.of("months", months, "actionPlan", "Two demos a week"), HttpStatus.OK);

        for (String allowed : List.of(REP, MANAGER, LEADER)) {
            api(allowed, HttpMethod.GET, base + "/forecasts/" + REP, null, HttpStatus.OK);
        }
        api(MANAGER, HttpMethod.GET, base + "/review", null, HttpStatus.OK);
        for (String intruder : List.of(TEAMMATE, OTHER_REP, OTHER_MANAGER)) {
            api(intruder, HttpMethod.GET, base + "/forecasts/" + REP, null, HttpStatus.NOT_FOUND);
            api(intruder, HttpMethod.GET, base + "/review?managerId=" + MANAGER, null, HttpStatus.NOT_FOUND);
        }
    }

    @Test
    void a_rep_completing_their_own_stage_work_cannot_name_the_approver_or_change_the_deal_it_works_on() {
        Deal deal = newDeal(REP);
        String taskId = engineTaskId(REP, deal.leadId(), TASK_WORK_STAGE);
        String task = "/engine-rest/task/" + taskId;
        String instance = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult().getProcessInstanceId();
        Object opportunityId = engine.getRuntimeService().getVariable(instance, LeadToCashProcess.OPPORTUNITY_ID);
        Map<String, Object> form = Map.of(
                LeadToCashProcess.F_STAGE_ACTION, Map.of("value", "advance"),
                LeadToCashProcess.F_OUTCOMES_MET, Map.of("value", "NEED_UNDERSTOOD,MARKET_INFO_CONFIRMED"),
                LeadToCashProcess.F_EVIDENCE, Map.of("value", "Confirmed by the customer's CIO"),
                LeadToCashProcess.F_CLAIMED_PROBABILITY, Map.of("value", "25"));

        // the Tasklist's call (submit-form) and the plain complete, each with a variable the process owns
        Map<String, Object> asApprover = new java.util.HashMap<>(form);
        asApprover.put(LeadToCashProcess.APPROVER_ID, Map.of("value", REP));
        ResponseEntity<String> refused = engine(REP, HttpMethod.POST, task + "/submit-form", Map.of("variables", asApprover));
        assertThat(refused.getStatusCode()).isEqualTo(REFUSED);
        assertThat(refused.getBody()).contains("approverId", "set by the process");
        Map<String, Object> otherDeal = new java.util.HashMap<>(form);
        otherDeal.put(LeadToCashProcess.OPPORTUNITY_ID, Map.of("value", 999_999L, "type", "Long"));
        otherDeal.put(LeadToCashProcess.GATE_PASSED, Map.of("value", true, "type", "Boolean"));
        refused = engine(REP, HttpMethod.POST, task + "/complete", Map.of("variables", otherDeal));
        assertThat(refused.getStatusCode()).isEqualTo(REFUSED);
        assertThat(refused.getBody()).contains("gatePassed", "opportunityId");

        // nothing stored: the task is open, the variables are as they were, the deal has not moved
        assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).count()).isEqualTo(1);
        assertThat(engine.getRuntimeService().getVariable(instance, LeadToCashProcess.APPROVER_ID)).isNull();
        assertThat(engine.getRuntimeService().getVariable(instance, LeadToCashProcess.OPPORTUNITY_ID)).isEqualTo(opportunityId);
        assertThat(engine.getRuntimeService().getVariable(instance, LeadToCashProcess.GATE_PASSED)).isNull();
        assertThat(stageOf(REP, deal)).isEqualTo("IDENTIFY");

        // the form's own fields go through, and the approval goes to the rep's manager
        assertThat(engine(REP, HttpMethod.POST, task + "/submit-form", Map.of("variables", form)).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        String approvalId = engineTaskId(MANAGER, deal.leadId(), TASK_APPROVE_STAGE_ADVANCE);
        assertThat(engine.getTaskService().createTaskQuery().taskId(approvalId).singleResult().getAssignee()).isEqualTo(MANAGER);
    }

    /** The rows of the weekly commit grid (issue 13 item 6): the task's rep and the managers above them; nobody else. */
    @Test
    void the_weekly_commit_grid_rows_are_read_by_the_tasks_rep_and_their_managers_only() {
        WeeklyCycles weeks = new WeeklyCycles(engine);
        String key = weeks.open(LocalDateTime.of(2021, 6, 13, 8, 0));
        String path = "/api/cadence/weekly-commit/tasks/" + weeks.commitTask(key, REP).getId();

        Map<String, Object> sheet = api(REP, HttpMethod.GET, path, null, HttpStatus.OK);
        assertThat(sheet).containsEntry("cycleKey", key).containsKeys("rows", "lastWeekActual", "today");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) sheet.get("rows");
        assertThat(rows).allSatisfy(row -> assertThat(row).containsKeys("opportunityId", "name", "amount", "closes", "category"));
        api(MANAGER, HttpMethod.GET, path, null, HttpStatus.OK);
        api(LEADER, HttpMethod.GET, path, null, HttpStatus.OK);
        api(TEAMMATE, HttpMethod.GET, path, null, HttpStatus.FORBIDDEN);
        api(OTHER_MANAGER, HttpMethod.GET, path, null, HttpStatus.FORBIDDEN);
        api(REP, HttpMethod.GET, "/api/cadence/weekly-commit/tasks/no-such-task", null, HttpStatus.NOT_FOUND);
        String chaseOrOther = weeks.commitTask(key, TEAMMATE).getId();
        api(REP, HttpMethod.GET, "/api/cadence/weekly-commit/tasks/" + chaseOrOther, null, HttpStatus.FORBIDDEN);
    }

    @Test
    void a_rep_completing_their_own_weekly_commit_cannot_change_whose_commit_or_which_submission_it_is() {
        WeeklyCycles weeks = new WeeklyCycles(engine);
        String key = weeks.open(LocalDateTime.of(2021, 3, 14, 8, 0));
        org.camunda.bpm.engine.task.Task commit = weeks.commitTask(key, REP);
        String task = "/engine-rest/task/" + commit.getId();
        String instance = commit.getProcessInstanceId();
        Object submissionId = engine.getRuntimeService().getVariable(instance, WeeklyCommitProcess.SUBMISSION_ID);
        assertThat(engine.getRuntimeService().getVariable(instance, WeeklyCommitProcess.REP_ID)).isEqualTo(REP);
        Map<String, Object> form = Map.of(
                WeeklyCommitProcess.F_COMMIT_ITEMS, Map.of("value", "[]", "type", "String", "valueInfo", Map.of("transient", true)),
                WeeklyCommitProcess.F_PROJECT_TRACKING, Map.of("value", "On track"));

        // nor on the task first, to complete it with the form's fields afterwards (the engine's REST API
        // answers 400 or, for the batch calls, 500; with the message either way)
        List<ResponseEntity<String>> changes = new ArrayList<>();
        for (String variables : List.of("/variables/", "/localVariables/")) {
            changes.add(engine(REP, HttpMethod.PUT, task + variables + WeeklyCommitProcess.REP_ID, Map.of("value", TEAMMATE)));
        }
        changes.add(engine(REP, HttpMethod.POST, task + "/variables", Map.of("modifications",
                Map.of(WeeklyCommitProcess.SUBMISSION_ID, Map.of("value", 1L, "type", "Long")))));
        changes.add(engine(REP, HttpMethod.POST, task + "/variables", Map.of("deletions", List.of(WeeklyCommitProcess.REP_ID))));
        changes.add(engine(REP, HttpMethod.DELETE, task + "/variables/" + WeeklyCommitProcess.REP_ID, null));
        for (ResponseEntity<String> change : changes) {
            assertThat(change.getStatusCode().isError()).as(change.toString()).isTrue();
            assertThat(change.getBody()).contains("is set by the process");
        }
        assertThat(changes.get(0).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(engine.getRuntimeService().getVariable(instance, WeeklyCommitProcess.REP_ID)).isEqualTo(REP);
        // a variable of its own the process does not route on may still be set on the task
        assertThat(engine(REP, HttpMethod.PUT, task + "/variables/" + WeeklyCommitProcess.F_PROJECT_TRACKING,
                Map.of("value", "Draft")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        // as the teammate's commit, or into another submission
        Map<String, Object> asTeammate = new java.util.HashMap<>(form);
        asTeammate.put(WeeklyCommitProcess.REP_ID, Map.of("value", TEAMMATE));
        asTeammate.put(WeeklyCommitProcess.SUBMISSION_ID, Map.of("value", 1L, "type", "Long"));
        ResponseEntity<String> refused = engine(REP, HttpMethod.POST, task + "/complete", Map.of("variables", asTeammate));
        assertThat(refused.getStatusCode()).isEqualTo(REFUSED);
        assertThat(refused.getBody()).contains("repId", "submissionId", "set by the process");

        assertThat(engine.getTaskService().createTaskQuery().taskId(commit.getId()).count()).isEqualTo(1);
        assertThat(engine.getRuntimeService().getVariable(instance, WeeklyCommitProcess.REP_ID)).isEqualTo(REP);
        assertThat(engine.getRuntimeService().getVariable(instance, WeeklyCommitProcess.SUBMISSION_ID)).isEqualTo(submissionId);
        assertThat(engine.getRuntimeService().getVariable(instance, WeeklyCommitProcess.F_PROJECT_TRACKING))
                .as("the refused completion's 'On track' is not stored").isEqualTo("Draft");

        assertThat(engine(REP, HttpMethod.POST, task + "/complete", Map.of("variables", form)).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(engine.getTaskService().createTaskQuery().taskId(commit.getId()).count()).isZero();
    }

    // --- helpers -------------------------------------------------------------------------------

    /** A deal of that owner in its first stage, entered and qualified through the API by the owner. */
    private Deal newDeal(String owner) {
        Map<String, Object> account = api(owner, HttpMethod.POST, "/api/accounts",
                Map.of("name", "Account of " + owner + " " + System.nanoTime(), "tier", "KEY"), HttpStatus.CREATED);
        Map<String, Object> lead = api(owner, HttpMethod.POST, "/api/leads",
                Map.of("accountId", account.get("id"), "title", "Planning suite", "estimatedAmount", 300000), HttpStatus.CREATED);
        long leadId = ((Number) lead.get("id")).longValue();
        api(owner, HttpMethod.POST, "/api/leads/" + leadId + "/qualification", Map.of("decision", "qualify",
                "budget", "In the plan", "authority", "CIO", "need", "Paper-based planning", "timeline", "This quarter",
                "opportunityName", "Planning suite", "amount", "300000",
                "expectedCloseDate", LocalDate.now().plusMonths(2).toString()), HttpStatus.OK);
        long dealId = apiList(owner, "/api/opportunities").stream()
                .filter(o -> o.get("leadId") != null && ((Number) o.get("leadId")).longValue() == leadId)
                .map(o -> ((Number) o.get("id")).longValue()).findFirst().orElseThrow();
        return new Deal(dealId, leadId, ((Number) account.get("id")).longValue());
    }

    private void requestAdvance(String owner, Deal deal) {
        api(owner, HttpMethod.POST, deal.path() + "/stage-work", Map.of("action", "advance",
                "outcomes", List.of("NEED_UNDERSTOOD", "MARKET_INFO_CONFIRMED"), "evidence", "Confirmed by the customer's CIO",
                "claimedProbability", "25"), HttpStatus.OK);
    }

    @SuppressWarnings("unchecked")
    private String stageOf(String viewer, Deal deal) {
        return (String) ((Map<String, Object>) api(viewer, HttpMethod.GET, deal.path(), null, HttpStatus.OK).get("opportunity")).get("stageCode");
    }

    private String engineTaskId(String user, long leadId, String activityId) {
        List<Map<String, Object>> tasks = apiList(user, "/engine-rest/task?processInstanceBusinessKey=" + leadId
                + "&taskDefinitionKey=" + activityId);
        assertThat(tasks).as(activityId + " of lead " + leadId + " for " + user).hasSize(1);
        return (String) tasks.get(0).get("id");
    }

    private ResponseEntity<String> engine(String user, HttpMethod method, String path, Object body) {
        return http.withBasicAuth(user, TestOrganization.PASSWORD).exchange(path, method, body == null ? null : RestCalls.json(body), String.class);
    }

    private Map<String, Object> engineMap(String user, String path) {
        ResponseEntity<Map<String, Object>> response = http.withBasicAuth(user, TestOrganization.PASSWORD).exchange(path, HttpMethod.GET, null, JSON);
        assertThat(response.getStatusCode()).as("GET " + path + " as " + user).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private Map<String, Object> api(String user, HttpMethod method, String path, Object body, HttpStatus expected) {
        return RestCalls.call(http, user, method, path, body, expected);
    }

    private List<Map<String, Object>> apiList(String user, String path) {
        return RestCalls.list(http, user, path);
    }

    private static List<Long> ids(List<Map<String, Object>> rows) {
        return rows.stream().map(r -> ((Number) r.get("id")).longValue()).toList();
    }

    private static HttpEntity<?> probeModel() {
        return ModelerUpload.of("authorization-probe", false, Map.of("authorization-probe.bpmn", """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Probe" targetNamespace="http://bpmn.io/schema/bpmn">
                  <bpmn:process id="authorization-probe" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <bpmn:startEvent id="Start_Probe"><bpmn:outgoing>Flow_Probe</bpmn:outgoing></bpmn:startEvent>
                    <bpmn:sequenceFlow id="Flow_Probe" sourceRef="Start_Probe" targetRef="End_Probe" />
                    <bpmn:endEvent id="End_Probe"><bpmn:incoming>Flow_Probe</bpmn:incoming></bpmn:endEvent>
                  </bpmn:process>
                </bpmn:definitions>
                """));
    }

    private record Deal(long id, long leadId, long accountId) {
        String path() {
            return "/api/opportunities/" + id;
        }
    }
}
