package com.salescadence.cadence.process;

import static com.salescadence.support.ProcessDriver.date;
import static com.salescadence.support.ProcessDriver.setClock;
import static com.salescadence.support.ProcessDriver.toLocal;

import static com.salescadence.workflow.AccountPlanProcess.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.LinkedHashMap;
import com.salescadence.cadence.accountplan.TierReviewRow;
import com.salescadence.common.RowValidationException;

import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.AuthorizationException;
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

import com.salescadence.cadence.accountplan.AccountPlan;
import com.salescadence.cadence.accountplan.AccountPlanRevisions;
import com.salescadence.cadence.accountplan.AccountPlanService;
import com.salescadence.cadence.accountplan.PlanContent;
import com.salescadence.cadence.accountplan.PlanSheet;
import com.salescadence.cadence.accountplan.PlanReview;
import com.salescadence.cadence.accountplan.PlanStatus;
import com.salescadence.cadence.accountplan.PlanVersion;
import com.salescadence.cadence.accountplan.PlanVersionStatus;
import com.salescadence.cadence.accountplan.ReviewKind;
import com.salescadence.cadence.accountplan.TierReviewService;
import com.salescadence.common.ValidationException;
import com.salescadence.notification.NotificationKind;
import com.salescadence.notification.NotificationService;
import com.salescadence.notification.OutboxMessage;
import com.salescadence.organization.OrganizationAdministration;
import com.salescadence.organization.OrganizationService;
import com.salescadence.pipeline.Account;
import com.salescadence.pipeline.AccountService;
import com.salescadence.pipeline.AccountTier;
import com.salescadence.support.CadenceIntegrationTest;
import com.salescadence.support.ProcessDriver;
import com.salescadence.support.TestOrganization;

/**
 * Every phase of bpmn/account-plan-revision.bpmn with the real listeners, services and tables: the
 * owner t.rep1, the manager t.mgr1, the senior manager t.leader. Time moves by setting the engine's
 * clock and executing the due jobs of the test's own account; each test runs in its own year.
 */
@CadenceIntegrationTest
class AccountPlanProcessTest {

    private ProcessDriver driver;

    @Autowired ProcessEngine engine;
    @Autowired IdentityService identityService;
    @Autowired OrganizationService organization;
    @Autowired OrganizationAdministration administration;
    @Autowired AccountService accounts;
    @Autowired AccountPlanService plans;
    @Autowired AccountPlanRevisions revisions;
    @Autowired NotificationService notifications;
    @Autowired TierReviewService tierReviews;

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
    void a_plan_goes_through_direction_writing_one_send_back_and_approval_keeping_every_version() {
        LocalDateTime start = LocalDateTime.of(2021, 1, 5, 9, 0);
        setClock(start);
        Account account = keyAccount();
        ProcessInstance revision = revisions.start(account.id(), 2021, date(start));
        Assertions.assertThat(revision.getBusinessKey()).isEqualTo("account:" + account.id() + ":2021");

        // phase 1: the senior manager (the rep's manager's manager) sets direction, team and timeline
        assertThat(revision).isWaitingAt(TASK_PREPARE_PLAN);
        Task prepare = driver.task(revision, TASK_PREPARE_PLAN);
        Assertions.assertThat(prepare.getAssignee()).isEqualTo(TestOrganization.LEADER);
        Assertions.assertThat(variable(prepare, PLAN_BRIEF)).contains(account.name()).contains("Ren Rep");
        Assertions.assertThat(variable(prepare, F_DEVELOP_WEEKS)).as("the model's default").isEqualTo("10");
        setClock(start.plusDays(2));
        driver.completeAs(TestOrganization.LEADER, prepare, Map.of(F_DIRECTION, "Become their main logistics partner",
                F_TEAM_MEMBERS, "t.rep1, presales Li", F_TIMELINE, "Draft by March, review in April", F_DEVELOP_WEEKS, 10L));

        // phase 2: the owner writes the plan, due 10 weeks later
        assertThat(revision).isWaitingAt(TASK_DEVELOP_PLAN);
        Task develop = driver.task(revision, TASK_DEVELOP_PLAN);
        Assertions.assertThat(develop.getAssignee()).isEqualTo(TestOrganization.REP);
        Assertions.assertThat(toLocal(develop.getDueDate())).isEqualTo(start.plusDays(2).plusWeeks(10));
        AccountPlan plan = plans.find(account.id(), 2021).orElseThrow();
        // the form reads the plan from the API (GET /api/account-plans/tasks/{taskId}); the task holds no text
        PlanSheet sheet = plans.sheet(plan.id());
        Assertions.assertThat(sheet.direction()).isEqualTo("Become their main logistics partner");
        Assertions.assertThat(sheet.directionBy()).isEqualTo("Tian Leader");
        Assertions.assertThat(sheet.sections()).as("no version yet").isNull();
        Assertions.assertThat(sheet.years()).extracting(PlanSheet.Year::year).containsExactly(2021, 2022, 2023, 2024, 2025);
        Assertions.assertThat(sheet.years()).allSatisfy(y -> Assertions.assertThat(y.amount()).isNull());
        Assertions.assertThat(engine.getTaskService().getVariablesLocal(develop.getId())).isEmpty();
        Assertions.assertThat(engine.getRuntimeService().getVariables(revision.getId()).keySet())
                .noneMatch(name -> name.startsWith("forecastYear") || name.equals(F_EXECUTIVE_SUMMARY) || name.equals(PLAN_BRIEF));
        Assertions.assertThat(plan.status()).isEqualTo(PlanStatus.DEVELOPING);
        Assertions.assertThat(plan.seniorManagerId()).isEqualTo(TestOrganization.LEADER);

        setClock(start.plusWeeks(6));
        driver.completeAs(TestOrganization.REP, develop, planFields(2021, "First draft summary", "1000000", "1100000", "1200000", "1300000", "1400000"));

        // phase 3: the senior manager sends it back; a comment is required
        assertThat(revision).isWaitingAt(TASK_REVIEW_PLAN);
        Task review = driver.task(revision, TASK_REVIEW_PLAN);
        Assertions.assertThat(review.getAssignee()).isEqualTo(TestOrganization.LEADER);
        Assertions.assertThat(variable(review, VERSION_TEXT)).contains("版本 1 / Version 1").contains("执行摘要 / Executive summary:").contains("First draft summary");
        Assertions.assertThatThrownBy(() -> driver.completeAs(TestOrganization.LEADER, review, Map.of(F_REVIEW_DECISION, "return")))
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining("A comment is required");
        Assertions.assertThat(plans.versions(plan.id())).singleElement().extracting(PlanVersion::status).isEqualTo(PlanVersionStatus.SUBMITTED);
        setClock(start.plusWeeks(7));
        driver.completeAs(TestOrganization.LEADER, review, Map.of(F_REVIEW_DECISION, "return", F_REVIEW_COMMENT, "Forecast too flat; add risks of the tender"));

        // back to phase 2: prefilled with the returned text, due after the model's rework period
        assertThat(revision).isWaitingAt(TASK_DEVELOP_PLAN);
        Task rework = driver.task(revision, TASK_DEVELOP_PLAN);
        Assertions.assertThat(toLocal(rework.getDueDate())).isEqualTo(start.plusWeeks(9));
        PlanSheet returned = plans.sheet(plan.id());
        Assertions.assertThat(returned.sections().executiveSummary()).as("prefilled with the returned version").isEqualTo("First draft summary");
        Assertions.assertThat(returned.years()).extracting(PlanSheet.Year::amount).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("1000000"), new BigDecimal("1100000"), new BigDecimal("1200000"),
                        new BigDecimal("1300000"), new BigDecimal("1400000"));
        Assertions.assertThat(returned.lastReview().comment()).contains("Forecast too flat");
        Assertions.assertThat(returned.lastReview().status()).isEqualTo("已退回 / returned");
        Assertions.assertThat(mails(TestOrganization.REP, NotificationKind.ACCOUNT_PLAN_REVIEWED, account.name()))
                .singleElement().satisfies(m -> Assertions.assertThat(m.body()).contains("Forecast too flat"));
        setClock(start.plusWeeks(8));
        driver.completeAs(TestOrganization.REP, rework, planFields(2021, "Second summary", "1000000", "1300000", "1700000", "2100000", "2600000"));
        setClock(start.plusWeeks(8).plusDays(1));
        driver.completeAs(TestOrganization.LEADER, driver.task(revision, TASK_REVIEW_PLAN), Map.of(F_REVIEW_DECISION, "approve"));

        // phase 4 begins; versions 1 and 2 are both kept
        assertThat(revision).isWaitingAt(TIMER_QUARTERLY_REVIEW_DUE, TIMER_PROGRESS_REPORT_DUE);
        List<PlanVersion> versions = plans.versions(plan.id());
        Assertions.assertThat(versions).extracting(PlanVersion::versionNo, PlanVersion::status, PlanVersion::executiveSummary,
                PlanVersion::reviewerComment).containsExactly(
                Assertions.tuple(1, PlanVersionStatus.RETURNED, "First draft summary", "Forecast too flat; add risks of the tender"),
                Assertions.tuple(2, PlanVersionStatus.APPROVED, "Second summary", null));
        Assertions.assertThat(versions.get(0).authorId()).isEqualTo(TestOrganization.REP);
        Assertions.assertThat(versions.get(0).forecastYear2()).isEqualByComparingTo("1100000");
        Assertions.assertThat(versions.get(1).forecastYear5()).isEqualByComparingTo("2600000");
        Assertions.assertThat(versions.get(1).reviewerId()).isEqualTo(TestOrganization.LEADER);
        Assertions.assertThat(plans.plan(plan.id()).status()).isEqualTo(PlanStatus.APPROVED);
    }

    @Test
    void a_late_plan_is_reminded_a_week_before_then_escalated_to_the_manager_who_chases_it() {
        LocalDateTime start = LocalDateTime.of(2021, 2, 1, 9, 0);
        setClock(start);
        Account account = keyAccount();
        ProcessInstance revision = revisions.start(account.id(), 2021, date(start));
        driver.completeAs(TestOrganization.LEADER, driver.task(revision, TASK_PREPARE_PLAN), prepareFields(8));
        LocalDateTime due = start.plusWeeks(8);
        long planId = plans.find(account.id(), 2021).orElseThrow().id();

        setClock(due.minusDays(7).minusMinutes(1));
        runDueJobs(account);
        Assertions.assertThat(mails(TestOrganization.REP, NotificationKind.REPORT_REMINDER, account.name())).isEmpty();

        setClock(due.minusDays(7));
        runDueJobs(account);
        Assertions.assertThat(mails(TestOrganization.REP, NotificationKind.REPORT_REMINDER, account.name())).singleElement()
                .satisfies(m -> Assertions.assertThat(m.body()).contains("Ren Rep"));
        Assertions.assertThat(plans.plan(planId).remindedAt()).isEqualTo(due.minusDays(7));
        assertThat(revision).isWaitingAt(TASK_DEVELOP_PLAN);

        setClock(due);
        runDueJobs(account);
        assertThat(revision).isWaitingAt(TASK_DEVELOP_PLAN, TASK_CHASE_LATE_PLAN);
        Task chase = driver.task(revision, TASK_CHASE_LATE_PLAN);
        Assertions.assertThat(chase.getAssignee()).isEqualTo(TestOrganization.MANAGER);
        Assertions.assertThat(mails(TestOrganization.MANAGER, NotificationKind.REPORT_MISSING, account.name())).singleElement()
                .satisfies(m -> Assertions.assertThat(m.subject()).contains("Ren Rep"));
        AccountPlan late = plans.plan(planId);
        Assertions.assertThat(late.lateSince()).isEqualTo(due);
        Assertions.assertThat(late.escalatedTo()).isEqualTo(TestOrganization.MANAGER);

        // a late plan is still welcome: submitting it closes the chase
        setClock(due.plusDays(3));
        driver.completeAs(TestOrganization.REP, driver.task(revision, TASK_DEVELOP_PLAN), planFields(2021, "Late but complete", "1", "2", "3", "4", "5"));
        assertThat(revision).isWaitingAt(TASK_REVIEW_PLAN);
        Assertions.assertThat(engine.getTaskService().createTaskQuery().processInstanceId(revision.getId())
                .taskDefinitionKey(TASK_CHASE_LATE_PLAN).count()).isZero();
        Assertions.assertThat(plans.versions(planId)).singleElement().extracting(PlanVersion::status).isEqualTo(PlanVersionStatus.SUBMITTED);
    }

    @Test
    void a_key_account_plan_is_reviewed_every_quarter_with_a_progress_report_every_six_months_until_the_next_revision() {
        LocalDateTime start = LocalDateTime.of(2021, 3, 1, 9, 0);
        setClock(start);
        Account account = keyAccount();
        ProcessInstance revision = approvedPlan(account, start);
        LocalDateTime approved = start.plusWeeks(9);
        long planId = plans.find(account.id(), 2021).orElseThrow().id();

        setClock(approved.plusMonths(3).minusMinutes(1));
        runDueJobs(account);
        assertThat(revision).isWaitingAt(TIMER_QUARTERLY_REVIEW_DUE, TIMER_PROGRESS_REPORT_DUE);

        setClock(approved.plusMonths(3));
        runDueJobs(account);
        assertThat(revision).isWaitingAt(TASK_QUARTERLY_PLAN_REVIEW, TIMER_PROGRESS_REPORT_DUE);
        Task quarterly = driver.task(revision, TASK_QUARTERLY_PLAN_REVIEW);
        Assertions.assertThat(quarterly.getAssignee()).isEqualTo(TestOrganization.MANAGER);
        Assertions.assertThat(toLocal(quarterly.getDueDate())).isEqualTo(approved.plusMonths(6));
        Assertions.assertThat(variable(quarterly, VERSION_TEXT)).contains("Approved summary");
        Assertions.assertThatThrownBy(() -> driver.completeAs(TestOrganization.MANAGER, quarterly, Map.of(F_ON_TRACK, "maybe")))
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining("On track: choose one of yes, no");
        driver.completeAs(TestOrganization.MANAGER, quarterly, Map.of(F_ON_TRACK, "yes", F_REVIEW_NOTES, "Tender won, on plan"));
        assertThat(revision).isWaitingAt(TIMER_QUARTERLY_REVIEW_DUE, TIMER_PROGRESS_REPORT_DUE);

        // six months: the second quarterly review and the owner's progress report
        setClock(approved.plusMonths(6));
        runDueJobs(account);
        assertThat(revision).isWaitingAt(TASK_QUARTERLY_PLAN_REVIEW, TASK_PLAN_PROGRESS_REPORT);
        Task report = driver.task(revision, TASK_PLAN_PROGRESS_REPORT);
        Assertions.assertThat(report.getAssignee()).isEqualTo(TestOrganization.REP);
        driver.completeAs(TestOrganization.REP, report, Map.of(F_ON_TRACK, "no", F_REVIEW_NOTES, "Second project delayed to Q1"));
        driver.completeAs(TestOrganization.MANAGER, driver.task(revision, TASK_QUARTERLY_PLAN_REVIEW), Map.of(F_ON_TRACK, "no", F_REVIEW_NOTES, "Delay"));
        Assertions.assertThat(plans.reviews(planId)).extracting(PlanReview::kind, PlanReview::sequenceNo, PlanReview::reviewerId, PlanReview::onTrack)
                .containsExactly(Assertions.tuple(ReviewKind.QUARTERLY_REVIEW, 1, TestOrganization.MANAGER, true),
                        Assertions.tuple(ReviewKind.PROGRESS_REPORT, 1, TestOrganization.REP, false),
                        Assertions.tuple(ReviewKind.QUARTERLY_REVIEW, 2, TestOrganization.MANAGER, false));
        Assertions.assertThat(mails(TestOrganization.LEADER, NotificationKind.ACCOUNT_PLAN_PROGRESS, account.name())).hasSize(1);
        Assertions.assertThat(nextTimer(revision, TIMER_QUARTERLY_REVIEW_DUE)).isEqualTo(approved.plusMonths(9));
        Assertions.assertThat(nextTimer(revision, TIMER_PROGRESS_REPORT_DUE)).isEqualTo(approved.plusMonths(12));

        // the next revision starts on demand: this plan year's monitoring ends
        setClock(approved.plusMonths(7));
        ProcessInstance next = revisions.start(account.id(), 2022, date(approved.plusMonths(7)));
        assertThat(revision).isEnded().hasPassed("End_PlanYearClosed");
        Assertions.assertThat(plans.plan(planId).status()).isEqualTo(PlanStatus.CLOSED);
        assertThat(next).isWaitingAt(TASK_PREPARE_PLAN);
        Assertions.assertThatThrownBy(() -> revisions.start(account.id(), 2022, date(approved.plusMonths(7))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("is in progress");
        engine.getRuntimeService().deleteProcessInstance(next.getId(), "test done");
    }

    @Test
    void a_plan_year_ends_a_year_after_its_revision_started() {
        LocalDateTime start = LocalDateTime.of(2020, 1, 6, 9, 0);
        setClock(start);
        Account account = keyAccount();
        ProcessInstance revision = approvedPlan(account, start);

        setClock(start.plusYears(1));
        runDueJobs(account);
        assertThat(revision).isEnded().hasPassed(TIMER_PLAN_YEAR_OVER, "End_PlanYearClosed");
        Assertions.assertThat(plans.find(account.id(), 2020).orElseThrow().status()).isEqualTo(PlanStatus.CLOSED);
    }

    @Test
    void a_second_tier_account_plan_ends_after_approval_because_it_is_reviewed_in_the_yearly_tier_review() {
        LocalDateTime start = LocalDateTime.of(2020, 4, 6, 9, 0);
        setClock(start);
        Account account = accounts.create("Second-tier account " + System.nanoTime(), AccountTier.SECOND, "Retail", TestOrganization.REP);
        ProcessInstance revision = approvedPlan(account, start);

        assertThat(revision).isEnded().hasPassed("End_MonitoredYearly").hasNotPassed(SUBPROCESS_MONITOR_PLAN);
    }

    @Test
    void bad_plans_and_plans_written_by_someone_else_are_refused_and_nothing_is_stored() {
        LocalDateTime start = LocalDateTime.of(2020, 7, 6, 9, 0);
        setClock(start);
        Account account = keyAccount();
        ProcessInstance revision = revisions.start(account.id(), 2020, date(start));

        Assertions.assertThatThrownBy(() -> driver.completeAs(TestOrganization.LEADER, driver.task(revision, TASK_PREPARE_PLAN), prepareFields(14)))
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining("between 8 and 12, got 14");
        Assertions.assertThat(plans.find(account.id(), 2020).orElseThrow().direction()).isNull();
        driver.completeAs(TestOrganization.LEADER, driver.task(revision, TASK_PREPARE_PLAN), prepareFields(12));
        long planId = plans.find(account.id(), 2020).orElseThrow().id();

        Map<String, Object> bad = planFields(2020, "Summary", "100", "-5", "0", "10", "20");
        bad.put(F_STRATEGIC_OPTIONS, "");
        bad.remove(F_BUSINESS_RISKS);
        Assertions.assertThatThrownBy(() -> driver.completeAs(TestOrganization.REP, driver.task(revision, TASK_DEVELOP_PLAN), bad))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("战略选择为必填项。 / Strategic options is required.")
                .hasMessageContaining("Business risks is required.")
                .hasMessageContaining("“2021 年”的预测不能为负数，而不是 -5.0。 / The forecast of 2021 must not be negative, got -5.0.");
        // each way a year can be wrong is refused on its own, and nothing is stored
        Map<String, Object> refused = new LinkedHashMap<>();
        refused.put("The forecast of 2021 must be a number, got 'lots'", years(2020, "100", "lots", "0", "10", "20"));
        refused.put("The forecast of 2022 must be a number, got 'NaN'", years(2020, "100", "1", "NaN", "10", "20"));
        refused.put("请填写“2023 年”的预测（没有则填 0）。 / The forecast of 2023 is required", years(2020, "100", "1", "2", null, "20"));
        refused.put("2024 is missing: forecast every one of the 5 years", years(2020, "100", "1", "2", "3"));
        refused.put("The forecast of 2020 must not be negative", years(2020, "-0.5", "1", "2", "3", "4"));
        refused.put("5 年财务预测只有 5 年，却收到了 6 行。 / The 5-year financial forecast has 5 years, got 6 rows.",
                years(2020, "1", "2", "3", "4", "5", "6"));
        refused.put("2020 is missing", Variables.stringValue("[]", true));
        refused.put("不是行的列表", Variables.stringValue("five", true));
        refused.forEach((message, years) -> {
            Map<String, Object> fields = planFields(2020, "Summary");
            fields.put(F_YEARS, years);
            Assertions.assertThatThrownBy(() -> driver.completeAs(TestOrganization.REP, driver.task(revision, TASK_DEVELOP_PLAN), fields))
                    .as(message).isInstanceOf(BadUserRequestException.class).hasMessageContaining(message);
        });
        Map<String, Object> outside = planFields(2020, "Summary");
        outside.put(F_YEARS, Variables.stringValue("[{\"year\": 2030, \"amount\": 1}, {\"year\": \"twenty\", \"amount\": 1}]", true));
        Assertions.assertThatThrownBy(() -> driver.completeAs(TestOrganization.REP, driver.task(revision, TASK_DEVELOP_PLAN), outside))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("2030 is outside the 5-year forecast (2020 to 2024)")
                .hasMessageContaining("Row 2: the year must be a whole year from 2020 to 2024, not 'twenty'");
        Assertions.assertThat(engine.getRuntimeService().getVariables(revision.getId())).doesNotContainKeys(F_YEARS, F_EXECUTIVE_SUMMARY);
        Assertions.assertThat(plans.versions(planId)).isEmpty();
        assertThat(revision).isWaitingAt(TASK_DEVELOP_PLAN);

        // another rep can neither complete the owner's task nor write a version of the plan
        Assertions.assertThatThrownBy(() -> driver.completeAs(TestOrganization.TEAMMATE, driver.task(revision, TASK_DEVELOP_PLAN),
                planFields(2020, "Not mine", "1", "1", "1", "1", "1"))).isInstanceOf(AuthorizationException.class);
        PlanContent content = new PlanContent("Not mine", "s", "r", "c", "g", "a",
                List.of(BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE), null);
        Assertions.assertThatThrownBy(() -> plans.submit(planId, TestOrganization.TEAMMATE, content))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Only the account's owner (Ren Rep) may write its plan");
        Assertions.assertThatThrownBy(() -> plans.saveDraft(planId, TestOrganization.TEAMMATE, content))
                .isInstanceOf(ValidationException.class);
        Assertions.assertThat(plans.versions(planId)).isEmpty();

        // a draft may be incomplete; it is a version of its own and the task stays open
        PlanVersion draft = plans.saveDraft(planId, TestOrganization.REP, new PlanContent("Started", null, null, null, null, null, List.of(), null));
        Assertions.assertThat(draft.status()).isEqualTo(PlanVersionStatus.DRAFT);
        Assertions.assertThat(draft.versionNo()).isEqualTo(1);
        assertThat(revision).isWaitingAt(TASK_DEVELOP_PLAN);
        // while the revision is running, no second one starts
        Assertions.assertThatThrownBy(() -> revisions.start(account.id(), 2020, date(start)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("is in progress");
    }

    @Test
    void the_yearly_cycle_starts_a_revision_for_every_key_account_once_and_a_tier_review_for_each_manager() {
        LocalDateTime start = LocalDateTime.of(2019, 1, 5, 9, 0);
        setClock(start);
        Account key = keyAccount();
        Account second = accounts.create("Second tier " + System.nanoTime(), AccountTier.SECOND, "Retail", TestOrganization.REP);
        Account other = accounts.create("Other tier " + System.nanoTime(), AccountTier.OTHER, "Retail", TestOrganization.TEAMMATE);
        Account otherTeam = accounts.create("Other team " + System.nanoTime(), AccountTier.OTHER, "Retail", TestOrganization.OTHER_REP);
        try {
            for (int run = 0; run < 2; run++) { // a second run of the same year starts nothing twice
                ProcessInstance cycle = engine.getRuntimeService().startProcessInstanceByKey(CYCLE_KEY_PROCESS,
                        Map.of(PLAN_YEAR, 2019, CYCLE_START, date(start)));
                driver.runDueJobs("account-plans:2019");
                assertThat(cycle).isEnded().hasPassed("Service_StartTierReviews");
            }
            Assertions.assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(KEY)
                    .processInstanceBusinessKey("account:" + key.id() + ":2019").count()).isEqualTo(1);
            ProcessInstance revision = engine.getRuntimeService().createProcessInstanceQuery()
                    .processInstanceBusinessKey("account:" + key.id() + ":2019").singleResult();
            assertThat(revision).isWaitingAt(TASK_PREPARE_PLAN);
            for (Account notKey : List.of(second, other, otherTeam)) {
                Assertions.assertThat(engine.getRuntimeService().createProcessInstanceQuery()
                        .processInstanceBusinessKeyLike("account:" + notKey.id() + ":%").count()).as(notKey.name()).isZero();
            }

            // the first-line manager reviews the team's second-tier accounts one by one and the others together
            ProcessInstance tierReview = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(TIER_REVIEW_KEY)
                    .processInstanceBusinessKey("account-plans:2019:" + TestOrganization.MANAGER).singleResult();
            Assertions.assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(TIER_REVIEW_KEY)
                    .processInstanceBusinessKey("account-plans:2019:" + TestOrganization.OTHER_MANAGER).count()).isEqualTo(1);
            Task yearly = driver.task(tierReview, TASK_ANNUAL_TIER_REVIEW);
            Assertions.assertThat(yearly.getAssignee()).isEqualTo(TestOrganization.MANAGER);
            Assertions.assertThat(toLocal(yearly.getDueDate())).isEqualTo(start.plusMonths(3));
            // the rows the form reads from the API when it opens: the team's second-tier accounts, the others apart
            Assertions.assertThat(tierReviews.rows(TestOrganization.MANAGER, AccountTier.SECOND)).extracting(TierReviewRow::name)
                    .contains(second.name()).doesNotContain(other.name());
            Assertions.assertThat(tierReviews.rows(TestOrganization.MANAGER, AccountTier.OTHER)).extracting(TierReviewRow::name)
                    .contains(other.name()).doesNotContain(otherTeam.name());
            // the instance holds nothing but ids: no rows, no texts, no slots (the notes were a JSON variable before)
            Assertions.assertThat(engine.getRuntimeService().getVariables(tierReview.getId()).keySet())
                    .containsExactlyInAnyOrder(MANAGER_ID, PLAN_YEAR, CYCLE_START);
            Assertions.assertThat(engine.getTaskService().getVariablesLocal(yearly.getId())).isEmpty();

            // reviews missing, an account of another team: refused at the rows, nothing stored
            List<Map<String, Object>> rows = new ArrayList<>();
            for (TierReviewRow row : tierReviews.rows(TestOrganization.MANAGER, AccountTier.SECOND)) {
                rows.add(row.accountId() == second.id() ? tierRow(row.accountId(), "") : tierRow(row.accountId(), "Reviewed, no change"));
            }
            List<Map<String, Object>> foreign = new ArrayList<>(rows);
            foreign.add(tierRow(otherTeam.id(), "Not mine"));
            Assertions.assertThatThrownBy(() -> driver.completeAs(TestOrganization.MANAGER, yearly,
                            Map.of(SECOND_TIER_ROWS, Variables.stringValue(Spin.JSON(foreign).toString(), true))))
                    .isInstanceOf(BadUserRequestException.class)
                    .hasMessageContaining(second.name() + "：请填写对该客户的年度评审。 / Write the yearly review of this account.")
                    .hasMessageContaining("account " + otherTeam.id() + " is not a second-tier account of your team")
                    .hasMessageContaining("Write the collective review of the other")
                    .getCause().isInstanceOfSatisfying(RowValidationException.class,
                            refused -> Assertions.assertThat(refused.rows()).containsOnlyKeys(String.valueOf(second.id())));
            Assertions.assertThat(tierReviews.reviews(2019, TestOrganization.MANAGER)).isEmpty();

            // as the form posts them: transient ids and notes, never stored in the instance or its history
            rows.set(rows.indexOf(tierRow(second.id(), "")), tierRow(second.id(), "Stable, renew the frame contract"));
            Map<String, Object> submitted = new HashMap<>();
            submitted.put(SECOND_TIER_ROWS, Variables.stringValue(Spin.JSON(rows).toString(), true));
            submitted.put(F_COLLECTIVE_NOTES, Variables.stringValue("Small accounts served by the partner; no action", true));
            driver.completeAs(TestOrganization.MANAGER, yearly, submitted);
            Assertions.assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().includeDeleted()
                    .processInstanceId(tierReview.getId()).list()).extracting(v -> v.getName())
                    .doesNotContain(SECOND_TIER_ROWS, F_COLLECTIVE_NOTES);
            assertThat(tierReview).isEnded();
            Assertions.assertThat(tierReviews.reviews(2019, TestOrganization.MANAGER))
                    .anyMatch(r -> r.accountId() != null && r.accountId() == second.id() && r.tier() == AccountTier.SECOND
                            && r.notes().equals("Stable, renew the frame contract"))
                    .anyMatch(r -> r.accountId() == null && r.tier() == AccountTier.OTHER && r.accountCount() >= 1);
        } finally {
            engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKeyLike("account%:2019%").list()
                    .forEach(i -> engine.getRuntimeService().deleteProcessInstance(i.getId(), "test done"));
        }
    }

    @Test
    void the_deployed_yearly_timer_opens_the_plan_year_on_5_january_at_9() {
        Job start = engine.getManagementService().createJobQuery().processDefinitionKey(CYCLE_KEY_PROCESS).timers().list().stream()
                .filter(j -> j.getProcessInstanceId() == null).findFirst().orElseThrow();
        LocalDateTime due = toLocal(start.getDuedate());
        Assertions.assertThat(due.getMonthValue()).isEqualTo(1);
        Assertions.assertThat(due.getDayOfMonth()).isEqualTo(5);
        Assertions.assertThat(due.toLocalTime()).hasToString("09:00");
    }

    // ------------------------------------------------------------------ helpers

    private static Map<String, Object> tierRow(long accountId, String notes) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("accountId", accountId);
        row.put("notes", notes);
        return row;
    }

    private ProcessInstance approvedPlan(Account account, LocalDateTime start) {
        ProcessInstance revision = revisions.start(account.id(), start.getYear(), date(start));
        driver.completeAs(TestOrganization.LEADER, driver.task(revision, TASK_PREPARE_PLAN), prepareFields(10));
        setClock(start.plusWeeks(8));
        driver.completeAs(TestOrganization.REP, driver.task(revision, TASK_DEVELOP_PLAN), planFields(start.getYear(), "Approved summary", "10", "20", "30", "40", "50"));
        setClock(start.plusWeeks(9));
        driver.completeAs(TestOrganization.LEADER, driver.task(revision, TASK_REVIEW_PLAN), Map.of(F_REVIEW_DECISION, "approve"));
        return revision;
    }

    private Account keyAccount() {
        return accounts.create("Plan account " + System.nanoTime(), AccountTier.KEY, "Logistics", TestOrganization.REP);
    }

    private static Map<String, Object> prepareFields(long weeks) {
        return Map.of(F_DIRECTION, "Grow share of wallet", F_TIMELINE, "Plan in Q1", F_DEVELOP_WEEKS, weeks);
    }

    /** What the plan form's Complete posts: the sections and the years [{year, amount}] from the plan year on, all transient. */
    private static Map<String, Object> planFields(int planYear, String summary, String... forecast) {
        Map<String, Object> fields = new HashMap<>();
        fields.put(F_EXECUTIVE_SUMMARY, Variables.stringValue(summary, true));
        fields.put(F_STRATEGIC_OPTIONS, Variables.stringValue("Cross-sell warehousing", true));
        fields.put(F_BUSINESS_RISKS, Variables.stringValue("Tender in 2022", true));
        fields.put(F_CUSTOMER_ANALYSIS, Variables.stringValue("Retailer with 2000 stores", true));
        fields.put(F_GOALS_OBJECTIVES, Variables.stringValue("Share of wallet from 20% to 30%", true));
        fields.put(F_ACTIONS_RESOURCES, Variables.stringValue("Team of four, quarterly executive meeting", true));
        fields.put(F_YEARS, years(planYear, forecast));
        return fields;
    }

    /** The years as the form posts them: one JSON list, transient; an amount that looks like a number is a number. */
    private static Object years(int planYear, Object... amounts) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < amounts.length; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("year", planYear + i);
            row.put("amount", amounts[i] instanceof String text && text.matches("-?[0-9.]+") ? (Object) Double.valueOf(text) : amounts[i]);
            rows.add(row);
        }
        return Variables.stringValue(Spin.JSON(rows).toString(), true);
    }

    /** Executes the due jobs of the account's revisions one by one, earliest first, as the job executor would, until none is due. */
    private void runDueJobs(Account account) {
        driver.runDueJobs("account:" + account.id() + ":");
    }

    private LocalDateTime nextTimer(ProcessInstance instance, String activityId) {
        return toLocal(engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).activityId(activityId)
                .singleResult().getDuedate());
    }

    private String variable(Task task, String name) {
        Object value = engine.getTaskService().getVariable(task.getId(), name);
        return value == null ? null : value.toString();
    }

    private List<OutboxMessage> mails(String recipient, NotificationKind kind, String accountName) {
        return notifications.forRecipient(recipient, 500).stream()
                .filter(m -> m.kind() == kind && (m.subject() + m.body()).contains(accountName)).toList();
    }

}
