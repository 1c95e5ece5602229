package com.salescadence.cadence.process;

import static com.salescadence.support.ProcessDriver.date;
import static com.salescadence.support.ProcessDriver.setClock;
import static com.salescadence.support.ProcessDriver.toLocal;

import static com.salescadence.workflow.QuarterlyReviewProcess.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

import com.salescadence.cadence.Cadence;
import com.salescadence.cadence.ComplianceService;
import com.salescadence.cadence.Cycle;
import com.salescadence.cadence.CycleService;
import com.salescadence.cadence.Escalation;
import com.salescadence.cadence.ReportType;
import com.salescadence.cadence.SubmissionStatus;
import com.salescadence.cadence.quarterly.ManagerReview;
import com.salescadence.cadence.quarterly.QuarterlyReview;
import com.salescadence.cadence.quarterly.QuarterlyReviewService;
import com.salescadence.cadence.quarterly.QuarterlyTarget;
import com.salescadence.cadence.quarterly.TeamMemberReview;
import com.salescadence.cadence.quarterly.TeamReviewRow;
import com.salescadence.common.RowValidationException;
import com.salescadence.notification.NotificationKind;
import com.salescadence.notification.NotificationService;
import com.salescadence.notification.OutboxMessage;
import com.salescadence.organization.OrganizationAdministration;
import com.salescadence.organization.OrganizationService;
import com.salescadence.organization.Quota;
import com.salescadence.organization.QuotaService;
import com.salescadence.pipeline.Account;
import com.salescadence.pipeline.AccountService;
import com.salescadence.pipeline.AccountTier;
import com.salescadence.pipeline.LeadService;
import com.salescadence.pipeline.NewLead;
import com.salescadence.pipeline.OpportunityService;
import com.salescadence.pipeline.Qualification;
import com.salescadence.support.CadenceIntegrationTest;
import com.salescadence.support.ProcessDriver;
import com.salescadence.support.RestCalls;
import com.salescadence.support.TestOrganization;

/**
 * Every path of bpmn/quarterly-review.bpmn, quarterly-review-preparation.bpmn and quarterly-review-meeting.bpmn
 * with the real listeners, services and tables; time moves by setting the engine's clock and executing due jobs.
 * The tests run quarters of 2020 to 2022, which no other test uses, so the figures are known exactly.
 */
@CadenceIntegrationTest
class QuarterlyReviewProcessTest {

    private ProcessDriver driver;

    @Autowired ProcessEngine engine;
    @Autowired IdentityService identityService;
    @Autowired OrganizationService organization;
    @Autowired OrganizationAdministration administration;
    @Autowired AccountService accounts;
    @Autowired LeadService leads;
    @Autowired OpportunityService opportunities;
    @Autowired QuotaService quotas;
    @Autowired CycleService cycles;
    @Autowired ComplianceService compliance;
    @Autowired QuarterlyReviewService reviews;
    @Autowired NotificationService notifications;
    @Autowired TestRestTemplate http;

    @BeforeEach
    void setUp() {
        driver = new ProcessDriver(engine);
        init(engine);
        TestOrganization.ensure(organization, administration);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void all_prepare_on_time_the_manager_sees_the_computed_figures_and_the_targets_become_next_quarter_quotas() {
        Account key = accounts.create("QBR key account " + System.nanoTime(), AccountTier.KEY, "Utilities", TestOrganization.REP);
        Account second = accounts.create("QBR second-tier account " + System.nanoTime(), AccountTier.SECOND, "Retail", TestOrganization.REP);
        Account teammates = accounts.create("QBR account of the teammate " + System.nanoTime(), AccountTier.OTHER, "Retail", TestOrganization.TEAMMATE);
        // 2020-Q4: the rep books 100,000, the teammate 80,000; 2021-Q1: 120,000 (+20%) and 85,000 (+6.25%)
        setClock(LocalDateTime.of(2020, 11, 10, 10, 0));
        wonSmallDeals(key, "40000", "40000", "20000");
        wonSmallDeals(teammates, "40000", "40000");
        setClock(LocalDateTime.of(2021, 2, 10, 10, 0));
        wonSmallDeals(key, "40000", "40000", "40000");
        wonSmallDeals(teammates, "40000", "45000");
        quotas.set(TestOrganization.REP, "2021-Q1", new BigDecimal("100000"), new BigDecimal("125000"), "CNY");
        quotas.set(TestOrganization.TEAMMATE, "2021-Q1", new BigDecimal("100000"), new BigDecimal("110000"), "CNY");

        // Monday of week 2 of 2021-Q2, 09:00: the review of 2021-Q1 opens
        LocalDateTime start = LocalDateTime.of(2021, 4, 12, 9, 0);
        setClock(start);
        ProcessInstance cycleInstance = startCycle(start);
        String cycleKey = "2021-Q1";
        driver.runDueJobs(cycleKey);
        assertThat(cycleInstance).isWaitingAt(TIMER_MANAGER_REVIEWS_DUE);
        Assertions.assertThat(cycleInstance.getBusinessKey()).isEqualTo(cycleKey);
        Cycle cycle = cycles.find(Cadence.QUARTERLY_REVIEW, cycleKey).orElseThrow();
        Assertions.assertThat(cycle.periodStart()).isEqualTo(LocalDate.of(2021, 1, 1));
        Assertions.assertThat(cycle.periodEnd()).isEqualTo(LocalDate.of(2021, 3, 31));

        // every rep has a prefilled task, due Friday of week 2, 18:00
        for (String rep : List.of(TestOrganization.REP, TestOrganization.TEAMMATE, TestOrganization.OTHER_REP)) {
            Task task = prepareTask(cycleKey, rep);
            Assertions.assertThat(task.getAssignee()).isEqualTo(rep);
            Assertions.assertThat(toLocal(task.getDueDate())).isEqualTo(LocalDateTime.of(2021, 4, 16, 18, 0));
        }
        // the task and the instance hold ids only: the form reads the figures from the API when it opens
        Task repTask = prepareTask(cycleKey, TestOrganization.REP);
        Assertions.assertThat(engine.getTaskService().getVariablesLocal(repTask.getId())).isEmpty();
        Assertions.assertThat(engine.getRuntimeService().getVariables(repTask.getProcessInstanceId()).keySet())
                .containsOnly(CYCLE_ID, CYCLE_KEY, CYCLE_START, REP_ID, SUBMISSION_ID).doesNotContain("quarterBrief", "keyAccounts");
        String path = "/api/cadence/quarterly-review/tasks/" + repTask.getId();
        Map<String, Object> sheet = RestCalls.call(http, TestOrganization.REP, HttpMethod.GET, path, null, HttpStatus.OK);
        Assertions.assertThat(sheet).containsEntry("quarter", "2021-Q1").containsEntry("periodStart", "2021-01-01")
                .containsEntry("periodEnd", "2021-03-31").containsEntry("nextQuarter", "2021-Q2").containsEntry("previousQuarter", "2020-Q4")
                .containsEntry("flags", List.of());
        Assertions.assertThat(RestCalls.figures(sheet)).containsEntry("booked", "120000").containsEntry("quota", "100000")
                .containsEntry("attainmentPercent", "120").containsEntry("stretch", "125000").containsEntry("stretchAttainmentPercent", "96")
                .containsEntry("previousBooked", "100000").containsEntry("growthPercent", "20").containsEntry("expectedGrowthPercent", "15");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> keyAccounts = (List<Map<String, Object>>) sheet.get("keyAccounts");
        Assertions.assertThat(keyAccounts).extracting(a -> a.get("name")).contains(key.name()).doesNotContain(second.name(), teammates.name());
        Assertions.assertThat(keyAccounts).filteredOn(a -> key.name().equals(a.get("name"))).singleElement()
                .satisfies(a -> Assertions.assertThat(a).containsEntry("industry", "Utilities"));
        String teammatePath = "/api/cadence/quarterly-review/tasks/" + prepareTask(cycleKey, TestOrganization.TEAMMATE).getId();
        Map<String, Object> teammateSheet = RestCalls.call(http, TestOrganization.TEAMMATE, HttpMethod.GET, teammatePath, null, HttpStatus.OK);
        Assertions.assertThat(teammateSheet).containsEntry("flags", List.of("BELOW_QUOTA", "GROWTH_BELOW_EXPECTED"));
        Assertions.assertThat(RestCalls.figures(teammateSheet)).containsEntry("booked", "85000").containsEntry("attainmentPercent", "85")
                .containsEntry("previousBooked", "80000").containsEntry("growthPercent", "6.3");
        // the rep's managers read it too; another rep and another team's manager do not; no such task is 404
        RestCalls.call(http, TestOrganization.MANAGER, HttpMethod.GET, path, null, HttpStatus.OK);
        RestCalls.call(http, TestOrganization.LEADER, HttpMethod.GET, path, null, HttpStatus.OK);
        RestCalls.call(http, TestOrganization.TEAMMATE, HttpMethod.GET, path, null, HttpStatus.FORBIDDEN);
        RestCalls.call(http, TestOrganization.OTHER_MANAGER, HttpMethod.GET, path, null, HttpStatus.FORBIDDEN);
        RestCalls.call(http, TestOrganization.REP, HttpMethod.GET, "/api/cadence/quarterly-review/tasks/no-such-task", null, HttpStatus.NOT_FOUND);

        // Monday 10:00 everyone prepares
        setClock(start.plusHours(1));
        prepare(cycleKey, TestOrganization.REP, "Close the utilities framework deal; key-account plan for " + key.name(), "140000");
        prepare(cycleKey, TestOrganization.TEAMMATE, "Rebuild the pipeline: 10 new leads a month", null);
        prepare(cycleKey, TestOrganization.OTHER_REP, "Keep going", "90000");
        QuarterlyReview frozen = reviews.review(cycle.id(), TestOrganization.REP).orElseThrow();
        Assertions.assertThat(frozen.booked()).isEqualByComparingTo("120000");
        Assertions.assertThat(frozen.previousBooked()).isEqualByComparingTo("100000");
        Assertions.assertThat(frozen.quotaAmount()).isEqualByComparingTo("100000");
        Assertions.assertThat(frozen.proposedTarget()).isEqualByComparingTo("140000");
        Assertions.assertThat(frozen.keyAccounts()).contains(key.name());
        Assertions.assertThat(status(cycle, TestOrganization.REP, ReportType.QUARTERLY_REVIEW)).isEqualTo(SubmissionStatus.ON_TIME);
        driver.assertEnded(PREPARATION_KEY, cycleKey + ":" + TestOrganization.REP);
        RestCalls.call(http, TestOrganization.REP, HttpMethod.GET, path, null, HttpStatus.NOT_FOUND);
        Assertions.assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(repTask.getProcessInstanceId())
                .list()).extracting(v -> v.getName()).doesNotContain(F_NEXT_QUARTER_PLAN, F_PROPOSED_TARGET);

        // Thursday 18:00 and Friday 18:00 pass: nobody is reminded or chased
        setClock(LocalDateTime.of(2021, 4, 15, 18, 0));
        driver.runDueJobs(cycleKey);
        setClock(LocalDateTime.of(2021, 4, 16, 18, 0));
        driver.runDueJobs(cycleKey);
        for (String rep : List.of(TestOrganization.REP, TestOrganization.TEAMMATE, TestOrganization.OTHER_REP)) {
            Assertions.assertThat(mails(rep, NotificationKind.REPORT_REMINDER, cycleKey)).isEmpty();
        }
        Assertions.assertThat(mails(TestOrganization.MANAGER, NotificationKind.REPORT_MISSING, cycleKey)).isEmpty();

        // Monday of week 3, 09:00: every first-line manager's review opens, due Friday of week 4, 18:00
        setClock(LocalDateTime.of(2021, 4, 19, 9, 0));
        driver.runDueJobs(cycleKey);
        assertThat(cycleInstance).isEnded();
        ProcessInstance meeting = driver.instance(MANAGER_REVIEW_KEY, cycleKey + ":" + TestOrganization.MANAGER);
        ProcessInstance otherMeeting = driver.instance(MANAGER_REVIEW_KEY, cycleKey + ":" + TestOrganization.OTHER_MANAGER);
        assertThat(meeting).isWaitingAt(TASK_RUN_QUARTERLY_REVIEW);
        assertThat(otherMeeting).isWaitingAt(TASK_RUN_QUARTERLY_REVIEW);
        Assertions.assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(MANAGER_REVIEW_KEY)
                .processInstanceBusinessKey(cycleKey + ":" + TestOrganization.LEADER).count()).as("only first-line managers").isZero();
        Task review = driver.task(meeting, TASK_RUN_QUARTERLY_REVIEW);
        Assertions.assertThat(review.getAssignee()).isEqualTo(TestOrganization.MANAGER);
        Assertions.assertThat(toLocal(review.getDueDate())).isEqualTo(LocalDateTime.of(2021, 4, 30, 18, 0));
        Assertions.assertThat(mails(TestOrganization.MANAGER, NotificationKind.CALL_READY, cycleKey)).hasSize(1);

        // the figures computed from the known deals and quotas, as the API gives them to the form when it opens
        List<TeamMemberReview> team = reviews.teamView(cycle.id(), TestOrganization.MANAGER);
        Assertions.assertThat(reviews.teamBrief(cycle, team))
                .contains("Team: Booked 205000.00 of quota 200000.00 (102.5%)")
                .contains("Team growth: +13.9% vs 2020-Q4 (180000.00): below the expected 15%")
                .contains("Not prepared: nobody")
                .contains("FLAGS: below quota, growth below 15%");
        Assertions.assertThat(team).extracting(TeamMemberReview::personId).containsExactly(TestOrganization.REP, TestOrganization.TEAMMATE);
        Assertions.assertThat(team.get(0).results().booked()).isEqualByComparingTo("120000");
        Assertions.assertThat(team.get(0).flags()).isEmpty();
        Assertions.assertThat(team.get(1).flags()).containsExactly("below quota", "growth below 15%");
        List<TeamReviewRow> rows = reviews.teamRows(cycle, team);
        Assertions.assertThat(rows).extracting(TeamReviewRow::personId, TeamReviewRow::flags, TeamReviewRow::status)
                .containsExactly(Assertions.tuple(TestOrganization.REP, List.of(), "ON_TIME"),
                        Assertions.tuple(TestOrganization.TEAMMATE, List.of("BELOW_QUOTA", "GROWTH_BELOW_EXPECTED"), "ON_TIME"));
        Assertions.assertThat(rows.get(0).prefilledTarget()).as("the rep's proposal").isEqualByComparingTo("140000");
        Assertions.assertThat(rows.get(1).prefilledTarget()).as("no proposal, no quota for 2021-Q2 yet").isNull();
        Assertions.assertThat(rows.get(1).growthPercent()).isEqualByComparingTo("6.3");
        Assertions.assertThat(rows.get(1).plan()).contains("Rebuild the pipeline");
        // the instance holds ids and keys only: no rows, no display texts, no slots
        assertHoldsIdsOnly(meeting, review);

        // the manager records outcomes and targets as the form posts them (a Json list of decisions): they become 2021-Q2 quotas
        Map<String, Object> submitted = new HashMap<>();
        submitted.put(F_TARGETS, Variables.stringValue(Spin.JSON(List.of(target(TestOrganization.REP, "150000", "Leads the utilities account team"),
                target(TestOrganization.TEAMMATE, "110000", "Pipeline coaching every Monday"))).toString(), true));
        submitted.put(F_REVIEW_NOTES, Variables.stringValue("Award: Ren Rep, deal of the quarter", true));
        driver.completeAs(TestOrganization.MANAGER, review, submitted);
        Assertions.assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().includeDeleted().processInstanceId(meeting.getId())
                .list()).as("the decisions were transient: not even history holds them").extracting(v -> v.getName())
                .doesNotContain(F_TARGETS, F_REVIEW_NOTES);
        assertThat(meeting).isEnded();
        Quota repQuota = quotas.find(TestOrganization.REP, "2021-Q2").orElseThrow();
        Assertions.assertThat(repQuota.quotaAmount()).isEqualByComparingTo("150000");
        Assertions.assertThat(repQuota.stretchAmount()).as("same stretch ratio as 2021-Q1").isEqualByComparingTo("187500");
        Assertions.assertThat(repQuota.currency()).isEqualTo("CNY");
        Assertions.assertThat(quotas.find(TestOrganization.TEAMMATE, "2021-Q2").orElseThrow().quotaAmount()).isEqualByComparingTo("110000");
        ManagerReview recorded = reviews.managerReview(cycle.id(), TestOrganization.MANAGER).orElseThrow();
        Assertions.assertThat(recorded.notes()).isEqualTo("Award: Ren Rep, deal of the quarter");
        Assertions.assertThat(reviews.targets(recorded.id()))
                .extracting(QuarterlyTarget::personId, QuarterlyTarget::targetQuarter, QuarterlyTarget::outcome)
                .containsExactly(Assertions.tuple(TestOrganization.REP, "2021-Q2", "Leads the utilities account team"),
                        Assertions.tuple(TestOrganization.TEAMMATE, "2021-Q2", "Pipeline coaching every Monday"));
        Assertions.assertThat(status(cycle, TestOrganization.MANAGER, ReportType.QUARTERLY_MANAGER_REVIEW)).isEqualTo(SubmissionStatus.ON_TIME);

        // Friday of week 4, 18:00: the other manager has not held the review: escalated one level up
        setClock(LocalDateTime.of(2021, 4, 30, 18, 0));
        driver.runDueJobs(cycleKey);
        Assertions.assertThat(status(cycle, TestOrganization.OTHER_MANAGER, ReportType.QUARTERLY_MANAGER_REVIEW)).isEqualTo(SubmissionStatus.MISSED);
        assertThat(otherMeeting).isWaitingAt(TASK_RUN_QUARTERLY_REVIEW, TASK_CHASE_MISSING_MANAGER_REVIEW);
        Task chase = driver.task(otherMeeting, TASK_CHASE_MISSING_MANAGER_REVIEW);
        Assertions.assertThat(chase.getAssignee()).isEqualTo(TestOrganization.LEADER);
        Assertions.assertThat(variable(chase, CHASE_BRIEF)).contains("Ou Manager has not held the quarterly review of their team for 2021-Q1");
        Assertions.assertThat(mails(TestOrganization.LEADER, NotificationKind.REPORT_MISSING, cycleKey)).hasSize(1);

        // held late: recorded as late, the chase closes
        setClock(LocalDateTime.of(2021, 5, 3, 10, 0));
        driver.completeAs(TestOrganization.OTHER_MANAGER, driver.task(otherMeeting, TASK_RUN_QUARTERLY_REVIEW),
                Map.of(F_TARGETS, Spin.JSON(List.of(target(TestOrganization.OTHER_REP, "95000", "")))));
        assertThat(otherMeeting).isEnded();
        Assertions.assertThat(status(cycle, TestOrganization.OTHER_MANAGER, ReportType.QUARTERLY_MANAGER_REVIEW)).isEqualTo(SubmissionStatus.LATE);
        Assertions.assertThat(escalations(cycle, TestOrganization.OTHER_MANAGER, ReportType.QUARTERLY_MANAGER_REVIEW))
                .allSatisfy(e -> Assertions.assertThat(e.closedAt()).isNotNull());
        Assertions.assertThat(quotas.find(TestOrganization.OTHER_REP, "2021-Q2").orElseThrow().quotaAmount()).isEqualByComparingTo("95000");
    }

    @Test
    void a_rep_who_misses_the_deadline_is_reminded_chased_and_closes_the_escalation_by_preparing_late() {
        LocalDateTime start = LocalDateTime.of(2021, 10, 11, 9, 0);
        setClock(start);
        startCycle(start);
        String cycleKey = "2021-Q3";
        driver.runDueJobs(cycleKey);
        prepare(cycleKey, TestOrganization.REP, "Plan", null);
        prepare(cycleKey, TestOrganization.OTHER_REP, "Plan", null);

        // Thursday 18:00: only the rep who has not prepared is reminded
        setClock(LocalDateTime.of(2021, 10, 14, 18, 0));
        driver.runDueJobs(cycleKey);
        Assertions.assertThat(mails(TestOrganization.TEAMMATE, NotificationKind.REPORT_REMINDER, cycleKey)).hasSize(1);
        Assertions.assertThat(mails(TestOrganization.REP, NotificationKind.REPORT_REMINDER, cycleKey)).isEmpty();

        // Friday 18:00: the missing review is recorded, the manager chases it and gets a mail
        setClock(LocalDateTime.of(2021, 10, 15, 18, 0));
        driver.runDueJobs(cycleKey);
        Cycle cycle = cycles.find(Cadence.QUARTERLY_REVIEW, cycleKey).orElseThrow();
        Assertions.assertThat(status(cycle, TestOrganization.TEAMMATE, ReportType.QUARTERLY_REVIEW)).isEqualTo(SubmissionStatus.MISSED);
        ProcessInstance late = driver.instance(PREPARATION_KEY, cycleKey + ":" + TestOrganization.TEAMMATE);
        assertThat(late).isWaitingAt(TASK_PREPARE_QUARTERLY_REVIEW, TASK_CHASE_MISSING_PREPARATION);
        Task chase = driver.task(late, TASK_CHASE_MISSING_PREPARATION);
        Assertions.assertThat(chase.getAssignee()).isEqualTo(TestOrganization.MANAGER);
        Assertions.assertThat(variable(chase, CHASE_BRIEF)).contains("Tang Teammate has not prepared the quarterly review for 2021-Q3");
        Assertions.assertThat(mails(TestOrganization.MANAGER, NotificationKind.REPORT_MISSING, cycleKey))
                .singleElement().satisfies(m -> Assertions.assertThat(m.subject()).contains("Tang Teammate"));
        Assertions.assertThat(escalations(cycle, TestOrganization.TEAMMATE, ReportType.QUARTERLY_REVIEW))
                .extracting(Escalation::escalatedTo).containsExactly(TestOrganization.MANAGER);

        // Saturday the rep prepares late: marked late, the escalation and the chase task close
        setClock(LocalDateTime.of(2021, 10, 16, 11, 0));
        prepare(cycleKey, TestOrganization.TEAMMATE, "Late but complete plan", "80000");
        assertThat(late).isEnded();
        Assertions.assertThat(status(cycle, TestOrganization.TEAMMATE, ReportType.QUARTERLY_REVIEW)).isEqualTo(SubmissionStatus.LATE);
        Assertions.assertThat(escalations(cycle, TestOrganization.TEAMMATE, ReportType.QUARTERLY_REVIEW))
                .singleElement().satisfies(e -> Assertions.assertThat(e.closedAt()).isNotNull());
        Assertions.assertThat(engine.getTaskService().createTaskQuery().taskDefinitionKey(TASK_CHASE_MISSING_PREPARATION)
                .processInstanceId(late.getId()).count()).isZero();

        // the manager's review shows the late plan
        setClock(LocalDateTime.of(2021, 10, 18, 9, 0));
        driver.runDueJobs(cycleKey);
        Task review = driver.task(driver.instance(MANAGER_REVIEW_KEY, cycleKey + ":" + TestOrganization.MANAGER), TASK_RUN_QUARTERLY_REVIEW);
        Assertions.assertThat(reviews.teamRows(cycle(cycleKey), reviews.teamView(cycle(cycleKey).id(), TestOrganization.MANAGER)))
                .filteredOn(r -> r.personId().equals(TestOrganization.TEAMMATE)).singleElement()
                .satisfies(r -> Assertions.assertThat(r.status()).isEqualTo("LATE"))
                .satisfies(r -> Assertions.assertThat(r.plan()).contains("Late but complete plan"));
        assertHoldsIdsOnly(driver.instance(MANAGER_REVIEW_KEY, cycleKey + ":" + TestOrganization.MANAGER), review);
    }

    @Test
    void bad_input_is_refused_with_reasons_and_nothing_is_stored() {
        LocalDateTime start = LocalDateTime.of(2022, 1, 10, 9, 0);
        setClock(start);
        startCycle(start);
        String cycleKey = "2021-Q4";
        driver.runDueJobs(cycleKey);
        Cycle cycle = cycles.find(Cadence.QUARTERLY_REVIEW, cycleKey).orElseThrow();

        Assertions.assertThatThrownBy(() -> prepare(cycleKey, TestOrganization.REP, "  ", "-5"))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("Next-quarter plan is required")
                .hasMessageContaining("Proposed next-quarter target must be greater than zero");
        Assertions.assertThatThrownBy(() -> prepare(cycleKey, TestOrganization.REP, "Plan", "lots"))
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining("must be a number");
        Assertions.assertThat(reviews.review(cycle.id(), TestOrganization.REP)).isEmpty();
        Assertions.assertThat(status(cycle, TestOrganization.REP, ReportType.QUARTERLY_REVIEW)).isEqualTo(SubmissionStatus.DUE);
        assertThat(driver.instance(PREPARATION_KEY, cycleKey + ":" + TestOrganization.REP)).isWaitingAt(TASK_PREPARE_QUARTERLY_REVIEW);
        prepare(cycleKey, TestOrganization.REP, "Plan", "100000");

        setClock(LocalDateTime.of(2022, 1, 17, 9, 0));
        driver.runDueJobs(cycleKey);
        ProcessInstance meeting = driver.instance(MANAGER_REVIEW_KEY, cycleKey + ":" + TestOrganization.MANAGER);
        Optional<Quota> before = quotas.find(TestOrganization.REP, "2022-Q1");
        Map<String, Object> bad = new HashMap<>();
        bad.put(F_TARGETS, Spin.JSON(List.of(target(TestOrganization.REP, "-100000", "Too low"),
                target(TestOrganization.OTHER_REP, "50000", "Not mine"))));
        bad.put(F_REVIEW_NOTES, "Notes");
        Assertions.assertThatThrownBy(() -> driver.completeAs(TestOrganization.MANAGER, driver.task(meeting, TASK_RUN_QUARTERLY_REVIEW), bad))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("Ren Rep：下季度目标必须大于零。 / The next-quarter target must be greater than zero.")
                .hasMessageContaining("'t.rep3' is not in your team")
                .hasMessageContaining("Tang Teammate：没有下季度目标。 / No next-quarter target.")
                .getCause().isInstanceOfSatisfying(RowValidationException.class, refused -> Assertions.assertThat(refused.rows())
                        .containsOnlyKeys(TestOrganization.REP, TestOrganization.TEAMMATE));
        Assertions.assertThat(reviews.managerReview(cycle.id(), TestOrganization.MANAGER)).isEmpty();
        Assertions.assertThat(quotas.find(TestOrganization.REP, "2022-Q1")).isEqualTo(before);
        Assertions.assertThat(quotas.find(TestOrganization.OTHER_REP, "2022-Q1")).isEmpty();
        Assertions.assertThat(status(cycle, TestOrganization.MANAGER, ReportType.QUARTERLY_MANAGER_REVIEW)).isEqualTo(SubmissionStatus.DUE);
        assertThat(meeting).isWaitingAt(TASK_RUN_QUARTERLY_REVIEW);
        Assertions.assertThat(engine.getRuntimeService().getVariables(meeting.getId())).as("the refused decisions are not kept")
                .doesNotContainKeys(F_TARGETS, F_REVIEW_NOTES);

        // a rep listed twice, a target that is no number: refused the same way
        Map<String, Object> twice = new LinkedHashMap<>(target(TestOrganization.REP, "1", null));
        Map<String, Object> noNumber = new LinkedHashMap<>(target(TestOrganization.TEAMMATE, "1", null));
        noNumber.put("target", "lots");
        Assertions.assertThatThrownBy(() -> driver.completeAs(TestOrganization.MANAGER, driver.task(meeting, TASK_RUN_QUARTERLY_REVIEW),
                        Map.of(F_TARGETS, Spin.JSON(List.of(target(TestOrganization.REP, "100000", null), twice, noNumber)))))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("Ren Rep is listed twice")
                .hasMessageContaining("The next-quarter target must be a number, got 'lots'");

        // a rep of another team cannot complete the manager's task
        Assertions.assertThatThrownBy(() -> driver.completeAs(TestOrganization.OTHER_REP, driver.task(meeting, TASK_RUN_QUARTERLY_REVIEW),
                Map.of(F_TARGETS, Spin.JSON(List.of())))).isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);

        // the decisions as the form posts them, the target as typed (a text)
        Map<String, Object> submitted = new HashMap<>();
        Map<String, Object> typed = new LinkedHashMap<>(target(TestOrganization.TEAMMATE, "1", null));
        typed.put("target", "90000");
        submitted.put(F_TARGETS, Spin.JSON(List.of(target(TestOrganization.REP, "100000", null), typed)));
        driver.completeAs(TestOrganization.MANAGER, driver.task(meeting, TASK_RUN_QUARTERLY_REVIEW), submitted);
        assertThat(meeting).isEnded();
        Assertions.assertThat(quotas.find(TestOrganization.REP, "2022-Q1").orElseThrow().quotaAmount()).isEqualByComparingTo("100000");
        Assertions.assertThat(quotas.find(TestOrganization.TEAMMATE, "2022-Q1").orElseThrow().quotaAmount()).isEqualByComparingTo("90000");
        Assertions.assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().includeDeleted().processInstanceId(meeting.getId())
                .list()).as("form input does not stay in the process")
                .filteredOn(v -> v.getName().equals(F_TARGETS))
                .isNotEmpty().allSatisfy(v -> Assertions.assertThat(v.getState()).as(v.getName())
                        .isEqualTo(org.camunda.bpm.engine.history.HistoricVariableInstance.STATE_DELETED));
    }

    /** The manager's review instance and its task hold ids and keys, never the team's rows or texts shown from them. */
    private void assertHoldsIdsOnly(ProcessInstance meeting, Task review) {
        Assertions.assertThat(engine.getRuntimeService().getVariables(meeting.getId()).keySet())
                .containsExactlyInAnyOrder(CYCLE_ID, CYCLE_KEY, CYCLE_START, MANAGER_ID, SUBMISSION_ID);
        Assertions.assertThat(engine.getTaskService().getVariablesLocal(review.getId())).isEmpty();
    }

    private Cycle cycle(String cycleKey) {
        return cycles.find(Cadence.QUARTERLY_REVIEW, cycleKey).orElseThrow();
    }

    @Test
    void the_deployed_timer_opens_the_review_on_the_monday_of_week_2_of_the_next_quarter_at_09_00() {
        Job start = startJob();
        LocalDateTime due = toLocal(start.getDuedate());
        Assertions.assertThat(ZoneId.systemDefault()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        Assertions.assertThat(due.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        Assertions.assertThat(due.getMonthValue()).isIn(1, 4, 7, 10);
        Assertions.assertThat(due.getDayOfMonth()).isBetween(8, 14);
        Assertions.assertThat(due.toLocalTime()).hasToString("09:00");
        Assertions.assertThat(due).isAfter(LocalDateTime.now(ZoneId.systemDefault()).minusDays(1));

        setClock(due);
        engine.getManagementService().executeJob(start.getId());
        String cycleKey = QuotaService.quarterOf(due.toLocalDate().minusMonths(3));
        driver.runDueJobs(cycleKey);
        Cycle cycle = cycles.find(Cadence.QUARTERLY_REVIEW, cycleKey).orElseThrow();
        Assertions.assertThat(cycle.startsAt()).isEqualTo(due);
        assertThat(driver.instance(KEY, cycleKey)).isWaitingAt(TIMER_MANAGER_REVIEWS_DUE);
        Assertions.assertThat(toLocal(driver.task(driver.instance(PREPARATION_KEY, cycleKey + ":" + TestOrganization.REP), TASK_PREPARE_QUARTERLY_REVIEW)
                .getDueDate())).isEqualTo(due.plusDays(4).plusHours(9));

        LocalDateTime next = toLocal(startJob().getDuedate());
        LocalDate firstOfNextQuarter = due.toLocalDate().withDayOfMonth(1).plusMonths(3);
        Assertions.assertThat(next.toLocalDate()).isEqualTo(firstOfNextQuarter.plusDays(7)
                .with(java.time.temporal.TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY)));
        Assertions.assertThat(next.toLocalTime()).hasToString("09:00");
    }

    // ------------------------------------------------------------------ helpers

    private Job startJob() {
        return engine.getManagementService().createJobQuery().processDefinitionKey(KEY).timers()
                .list().stream().filter(j -> j.getProcessInstanceId() == null).findFirst().orElseThrow();
    }

    private ProcessInstance startCycle(LocalDateTime start) {
        return engine.getRuntimeService().startProcessInstanceByKey(KEY, Map.of(CYCLE_START, date(start)));
    }

    private void prepare(String cycleKey, String rep, String plan, String proposedTarget) {
        Map<String, Object> fields = new HashMap<>();
        // as the form posts them: transient texts
        fields.put(F_NEXT_QUARTER_PLAN, Variables.stringValue(plan, true));
        fields.put(F_PROPOSED_TARGET, Variables.stringValue(proposedTarget == null ? "" : proposedTarget, true));
        driver.completeAs(rep, prepareTask(cycleKey, rep), fields);
    }

    private Task prepareTask(String cycleKey, String rep) {
        return driver.task(driver.instance(PREPARATION_KEY, cycleKey + ":" + rep), TASK_PREPARE_QUARTERLY_REVIEW);
    }

    private static Map<String, Object> target(String personId, String amount, String outcome) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("personId", personId);
        row.put("target", new BigDecimal(amount));
        row.put("outcome", outcome);
        return row;
    }

    private void wonSmallDeals(Account account, String... amounts) {
        for (String amount : amounts) {
            var lead = leads.create(new NewLead(account.id(), account.ownerId(), "QBR test", "test", new BigDecimal(amount)));
            LocalDate today = toLocal(ClockUtil.getCurrentTime()).toLocalDate();
            long deal = leads.qualify(lead.id(), new Qualification(true, "Approved", "CIO", "Need", "This month", null,
                    "QBR test deal " + System.nanoTime(), new BigDecimal(amount), today.plusDays(10))).opportunityId();
            opportunities.recordSmallDealOutcome(deal, true, null, account.ownerId());
        }
    }

    private String variable(Task task, String name) {
        return String.valueOf(engine.getTaskService().getVariable(task.getId(), name));
    }

    private SubmissionStatus status(Cycle cycle, String person, ReportType type) {
        return compliance.find(cycle.id(), person, type).orElseThrow().status();
    }

    private List<Escalation> escalations(Cycle cycle, String person, ReportType type) {
        return compliance.escalations(compliance.find(cycle.id(), person, type).orElseThrow().id());
    }

    private List<OutboxMessage> mails(String recipient, NotificationKind kind, String cycleKey) {
        return notifications.forRecipient(recipient, 500).stream()
                .filter(m -> m.kind() == kind && (m.subject() + m.body()).contains(cycleKey)).toList();
    }

}
