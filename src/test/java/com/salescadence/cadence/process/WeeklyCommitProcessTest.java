package com.salescadence.cadence.process;

import static com.salescadence.support.ProcessDriver.date;
import static com.salescadence.support.ProcessDriver.setClock;
import static com.salescadence.support.ProcessDriver.toLocal;

import static com.salescadence.workflow.WeeklyCommitProcess.*;
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

import com.salescadence.cadence.Cadence;
import com.salescadence.cadence.CommitReport;
import com.salescadence.cadence.ComplianceService;
import com.salescadence.cadence.Cycle;
import com.salescadence.cadence.CycleKeys;
import com.salescadence.cadence.CycleService;
import com.salescadence.cadence.Escalation;
import com.salescadence.cadence.ReportType;
import com.salescadence.cadence.RollupReport;
import com.salescadence.cadence.RollupService;
import com.salescadence.cadence.RollupView;
import com.salescadence.cadence.Submission;
import com.salescadence.cadence.SubmissionStatus;
import com.salescadence.cadence.WeeklyCommitService;
import com.salescadence.notification.NotificationKind;
import com.salescadence.notification.NotificationService;
import com.salescadence.notification.OutboxMessage;
import com.salescadence.organization.OrganizationAdministration;
import com.salescadence.organization.OrganizationService;
import com.salescadence.organization.QuotaService;
import com.salescadence.pipeline.AccountService;
import com.salescadence.pipeline.LeadService;
import com.salescadence.pipeline.NewLead;
import com.salescadence.pipeline.Qualification;
import com.salescadence.support.CadenceIntegrationTest;
import com.salescadence.support.ProcessDriver;
import com.salescadence.support.TestOrganization;

/**
 * Every path of bpmn/weekly-commit.bpmn, weekly-commit-submission.bpmn and weekly-rollup.bpmn, with the
 * real listeners, services and tables; time moves by setting the engine's clock and executing due jobs.
 * Each test runs its own weeks, far from today, so the deployed Sunday timer never interferes.
 */
@CadenceIntegrationTest
class WeeklyCommitProcessTest {

    private ProcessDriver driver;

    @Autowired ProcessEngine engine;
    @Autowired IdentityService identityService;
    @Autowired OrganizationService organization;
    @Autowired OrganizationAdministration administration;
    @Autowired AccountService accounts;
    @Autowired LeadService leads;
    @Autowired CycleService cycles;
    @Autowired ComplianceService compliance;
    @Autowired WeeklyCommitService commits;
    @Autowired RollupService rollups;
    @Autowired NotificationService notifications;
    @Autowired QuotaService quotas;
    @Autowired com.salescadence.pipeline.OpportunityService opportunities;
    @Autowired com.salescadence.pipeline.deal.DealChangeService dealChanges;

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
    void a_whole_week_commit_reminder_missing_report_commit_call_and_rollup_to_the_top() {
        LocalDateTime sunday = LocalDateTime.of(2025, 1, 5, 8, 0);
        setClock(sunday);
        long deal = openDeal(TestOrganization.REP, "120000", sunday.toLocalDate().plusDays(3));
        long teammateDeal = openDeal(TestOrganization.TEAMMATE, "50000", sunday.toLocalDate().plusDays(20));
        quotas.set(TestOrganization.REP, "2025-Q1", new BigDecimal("1200000"), new BigDecimal("1500000"), "CNY");

        ProcessInstance cycleInstance = startCycle(sunday);
        String key = "2025-W02";
        driver.runDueJobs(key);
        assertThat(cycleInstance).isWaitingAt(TIMER_COMMIT_CALL_DUE);
        Assertions.assertThat(cycleInstance.getBusinessKey()).as("the cycle's key, set as it opens").isEqualTo(key);

        // every rep has a prefilled task, due Monday 08:00
        for (String rep : List.of(TestOrganization.REP, TestOrganization.TEAMMATE, TestOrganization.OTHER_REP)) {
            Task task = commitTask(key, rep);
            Assertions.assertThat(task.getAssignee()).isEqualTo(rep);
            Assertions.assertThat(toLocal(task.getDueDate())).isEqualTo(sunday.plusHours(24));
        }
        // the grid reads the rep's deals from the API: the 10% deal is listed, proposed as pipeline, not as commit
        Cycle opened = cycles.find(Cadence.WEEKLY_COMMIT, key).orElseThrow();
        Assertions.assertThat(commits.sheet(TestOrganization.REP, opened).rows()).filteredOn(r -> r.get("opportunityId").equals(deal))
                .singleElement().satisfies(r -> Assertions.assertThat(r.get("category")).isEqualTo("pipeline"));
        Assertions.assertThat(commits.sheet(TestOrganization.REP, opened).quarterQuota()).isEqualByComparingTo("1200000");

        // Sunday 10:00 the rep commits the deal; the other team's rep commits nothing
        setClock(sunday.plusHours(2));
        submitCommit(key, TestOrganization.REP, List.of(item(deal, "100000", "commit", true)));
        submitCommit(key, TestOrganization.OTHER_REP, List.of());
        Cycle cycle = cycles.find(Cadence.WEEKLY_COMMIT, key).orElseThrow();
        CommitReport report = commits.report(cycle.id(), TestOrganization.REP).orElseThrow();
        Assertions.assertThat(report.commitAmount()).isEqualByComparingTo("100000");
        Assertions.assertThat(report.upsideAmount()).isEqualByComparingTo("0");
        Assertions.assertThat(status(cycle, TestOrganization.REP, ReportType.COMMIT)).isEqualTo(SubmissionStatus.ON_TIME);

        // Sunday 20:00: only the rep who has not submitted is reminded
        setClock(sunday.plusHours(12));
        driver.runDueJobs(key);
        Assertions.assertThat(mails(TestOrganization.TEAMMATE, NotificationKind.REPORT_REMINDER, key)).hasSize(1);
        Assertions.assertThat(mails(TestOrganization.REP, NotificationKind.REPORT_REMINDER, key)).isEmpty();

        // Monday 08:00: the missing commit is recorded, the manager chases it and gets a mail
        setClock(sunday.plusHours(24));
        driver.runDueJobs(key);
        Assertions.assertThat(status(cycle, TestOrganization.TEAMMATE, ReportType.COMMIT)).isEqualTo(SubmissionStatus.MISSED);
        ProcessInstance teammateInstance = driver.instance(SUBMISSION_KEY, key + ":" + TestOrganization.TEAMMATE);
        assertThat(teammateInstance).isWaitingAt(TASK_SUBMIT_WEEKLY_COMMIT, TASK_CHASE_MISSING_COMMIT);
        Task chase = engine.getTaskService().createTaskQuery().processInstanceId(teammateInstance.getId())
                .taskDefinitionKey(TASK_CHASE_MISSING_COMMIT).singleResult();
        Assertions.assertThat(chase.getAssignee()).isEqualTo(TestOrganization.MANAGER);
        Assertions.assertThat(engine.getTaskService().getVariable(chase.getId(), CHASE_BRIEF).toString())
                .contains("Tang Teammate has not submitted the weekly commit");
        List<OutboxMessage> missing = mails(TestOrganization.MANAGER, NotificationKind.REPORT_MISSING, key);
        Assertions.assertThat(missing).hasSize(1);
        Assertions.assertThat(missing.get(0).subject()).as("the missed report's owner").contains("Tang Teammate");
        Assertions.assertThat(missing.get(0).body()).as("the missed report's due time").contains("Tang Teammate")
                .contains(toLocal(engine.getTaskService().createTaskQuery().processInstanceId(teammateInstance.getId())
                        .taskDefinitionKey(TASK_SUBMIT_WEEKLY_COMMIT).singleResult().getDueDate()).toLocalDate().toString());
        Assertions.assertThat(mails(TestOrganization.LEADER, NotificationKind.REPORT_ESCALATED, key)).as("first miss: not escalated").isEmpty();

        // Monday 09:00: the first-line managers' commit calls open, with their teams' figures
        setClock(sunday.plusHours(25));
        driver.runDueJobs(key);
        assertThat(cycleInstance).isWaitingAt(TIMER_NEXT_ROLLUP_DAY);
        ProcessInstance call = driver.instance(ROLLUP_KEY, key + ":" + TestOrganization.MANAGER);
        assertThat(call).isWaitingAt(TASK_RUN_COMMIT_CALL);
        assertThat(driver.instance(ROLLUP_KEY, key + ":" + TestOrganization.OTHER_MANAGER)).isWaitingAt(TASK_RUN_COMMIT_CALL);
        Assertions.assertThat(mails(TestOrganization.MANAGER, NotificationKind.CALL_READY, key)).hasSize(1);
        Task callTask = driver.task(call, TASK_RUN_COMMIT_CALL);
        Assertions.assertThat(toLocal(callTask.getDueDate())).isEqualTo(sunday.plusHours(48));
        // the task holds no lines: the form reads them from /api when it opens
        Assertions.assertThat(engine.getTaskService().getVariablesLocal(callTask.getId())).isEmpty();
        Assertions.assertThat(engine.getTaskService().getVariables(callTask.getId()).keySet()).as("ids only")
                .containsExactlyInAnyOrder(CYCLE_ID, CYCLE_KEY, CYCLE_START, MANAGER_ID, ROLLUP_LEVEL, SUBMISSION_ID);
        // the figures, from the known data: the rep committed 100,000; January 2025 has 4 Mondays, so the
        // week's linear share of the 1,200,000 quarter quota is 100,000 (100% linearity, in the band); the
        // open 120,000 deal at 10% closing in January is a month forecast of 12,000; the quarter's stretch
        // of 1,500,000 is far above forecast + upside, which is flagged
        RollupView callView = rollups.view(cycle.id(), TestOrganization.MANAGER);
        var repRow = callView.rows().stream().filter(r -> r.personId().equals(TestOrganization.REP)).findFirst().orElseThrow();
        Assertions.assertThat(repRow.commit()).isEqualByComparingTo("100000");
        Assertions.assertThat(repRow.linearity()).isEqualTo("100.0%");
        Assertions.assertThat(repRow.monthForecast()).isEqualByComparingTo("12000");
        Assertions.assertThat(repRow.monthStretch()).isEqualByComparingTo("500000");
        Assertions.assertThat(repRow.quarterStretch()).isEqualByComparingTo("1500000");
        Assertions.assertThat(repRow.lastWeekActual()).isEqualByComparingTo("0");
        Assertions.assertThat(repRow.flags()).containsExactly("quarter forecast + upside below the stretch target");
        Assertions.assertThat(callView.totalCommit()).isEqualByComparingTo("100000");
        Assertions.assertThat(callView.missing()).containsExactly("Tang Teammate (missed)");
        var teammateRow = callView.rows().stream().filter(r -> r.personId().equals(TestOrganization.TEAMMATE)).findFirst().orElseThrow();
        Assertions.assertThat(teammateRow.status()).isEqualTo("MISSED");
        Assertions.assertThat(teammateRow.callFlags()).extracting(f -> f.code()).contains("NO_REPORT");
        Assertions.assertThat(teammateRow.callFlags()).filteredOn(f -> f.code().equals("NO_REPORT")).singleElement()
                .satisfies(f -> Assertions.assertThat(f.zh()).isEqualTo("未提交报告"));

        // Monday 10:00 the teammate submits late: the chase closes by itself
        setClock(sunday.plusHours(26));
        // (as the Tasklist grid submits it: the decisions as transient JSON text; a row without an amount counts in
        // full; a check ticked on an upside row is not kept: the checks are asked of commit rows only)
        Map<String, Object> upsideRow = new LinkedHashMap<>(Map.of("opportunityId", teammateDeal, "category", "upside", "discountApproved", true));
        driver.completeAs(TestOrganization.TEAMMATE, commitTask(key, TestOrganization.TEAMMATE), Map.of(
                F_COMMIT_ITEMS, Variables.stringValue(Spin.JSON(List.of(upsideRow)).toString(), true),
                F_PROJECT_TRACKING, Variables.stringValue("", true)));
        assertThat(teammateInstance).isEnded();
        Assertions.assertThat(status(cycle, TestOrganization.TEAMMATE, ReportType.COMMIT)).isEqualTo(SubmissionStatus.LATE);

        // the manager adjusts the rep's commit with a reason and submits the roll-up
        // an adjustment without a reason, or of someone outside the team, is refused and nothing is stored;
        // the refusal names the row's person in both languages (the grid shows it at that row)
        Map<String, Object> noReason = decisions(List.of(Map.of("personId", TestOrganization.REP, "commit", "80000", "upside", "0")), null);
        Assertions.assertThatThrownBy(() -> driver.completeAs(TestOrganization.MANAGER, driver.task(call, TASK_RUN_COMMIT_CALL), noReason))
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining("Ren Rep: A reason for the adjustment is required.")
                .hasMessageContaining("Ren Rep：调整原因为必填项。");
        Map<String, Object> outsider = decisions(List.of(Map.of("personId", TestOrganization.OTHER_REP, "commit", "1", "upside", "0",
                "reason", "x")), null);
        Assertions.assertThatThrownBy(() -> driver.completeAs(TestOrganization.MANAGER, driver.task(call, TASK_RUN_COMMIT_CALL), outsider))
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining("does not report to you");
        Map<String, Object> tooPrecise = decisions(List.of(
                Map.of("personId", TestOrganization.REP, "commit", "80000", "upside", "0", "reason", "Fine"),
                Map.of("personId", TestOrganization.TEAMMATE, "commit", "1.005", "upside", "0", "reason", "Rounded?")), null);
        Assertions.assertThatThrownBy(() -> driver.completeAs(TestOrganization.MANAGER, driver.task(call, TASK_RUN_COMMIT_CALL), tooPrecise))
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining("Tang Teammate: Adjusted commit may have at most two decimals");
        assertThat(call).isWaitingAt(TASK_RUN_COMMIT_CALL);
        Assertions.assertThat(rollups.view(cycle.id(), TestOrganization.MANAGER).rows()).as("nothing of a refused call is stored")
                .allMatch(r -> r.adjustedBy() == null);

        // (as the Tasklist form submits it: the adjusted lines and the notes as transient variables, nothing else)
        Map<String, Object> call1 = decisions(List.of(Map.of("personId", TestOrganization.REP, "commit", "80000", "upside", "20000",
                "reason", "Board approval slips to next week for part of the deal")), "Call held at 09:00");
        driver.completeAs(TestOrganization.MANAGER, driver.task(call, TASK_RUN_COMMIT_CALL), call1);
        assertThat(call).isEnded();
        Assertions.assertThat(commits.items(commits.report(cycle.id(), TestOrganization.TEAMMATE).orElseThrow().id()))
                .singleElement().satisfies(i -> {
                    Assertions.assertThat(i.amount()).isEqualByComparingTo("50000");
                    Assertions.assertThat(i.discountApproved()).isFalse();
                    Assertions.assertThat(i.configurationFinal()).isFalse();
                });
        RollupReport firstLine = rollups.report(cycle.id(), TestOrganization.MANAGER).orElseThrow();
        Assertions.assertThat(firstLine.commitAmount()).isEqualByComparingTo("80000");
        Assertions.assertThat(firstLine.upsideAmount()).isEqualByComparingTo("70000");
        Assertions.assertThat(commits.report(cycle.id(), TestOrganization.REP).orElseThrow().commitAmount())
                .as("the rep's own figure is kept").isEqualByComparingTo("100000");
        // the roll-up instance never carried the lines nor the decisions as variables: ids only, in history too
        Assertions.assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(call.getId()).list())
                .extracting(v -> v.getName())
                .containsExactlyInAnyOrder(CYCLE_ID, CYCLE_KEY, CYCLE_START, MANAGER_ID, ROLLUP_LEVEL, SUBMISSION_ID);
        Assertions.assertThat(firstLine.notes()).isEqualTo("Call held at 09:00");

        // Tuesday 08:00 the other manager's roll-up is missing: escalated to the leader
        setClock(sunday.plusHours(48));
        driver.runDueJobs(key);
        ProcessInstance otherCall = driver.instance(ROLLUP_KEY, key + ":" + TestOrganization.OTHER_MANAGER);
        assertThat(otherCall).isWaitingAt(TASK_RUN_COMMIT_CALL, "Task_ChaseMissingRollup");
        Assertions.assertThat(driver.task(otherCall, "Task_ChaseMissingRollup").getAssignee()).isEqualTo(TestOrganization.LEADER);
        Assertions.assertThat(mails(TestOrganization.LEADER, NotificationKind.REPORT_MISSING, key)).hasSize(1);

        // Tuesday 09:00 the leader's roll-up review opens (the top of this hierarchy): the cycle is done
        setClock(sunday.plusHours(49));
        driver.runDueJobs(key);
        assertThat(cycleInstance).isEnded();
        ProcessInstance review = driver.instance(ROLLUP_KEY, key + ":" + TestOrganization.LEADER);
        assertThat(review).isWaitingAt(TASK_REVIEW_ROLLUP);
        Assertions.assertThat(toLocal(driver.task(review, TASK_REVIEW_ROLLUP).getDueDate())).isEqualTo(sunday.plusHours(72));
        RollupView view = rollups.view(cycle.id(), TestOrganization.LEADER);
        Assertions.assertThat(view.totalCommit()).isEqualByComparingTo("80000");
        Assertions.assertThat(view.missing()).anyMatch(m -> m.contains("Ou Manager"));

        driver.completeAs(TestOrganization.LEADER, driver.task(review, TASK_REVIEW_ROLLUP), Map.of(F_CALL_NOTES, "Reviewed"));
        assertThat(review).isEnded();
        Assertions.assertThat(rollups.report(cycle.id(), TestOrganization.LEADER).orElseThrow().level()).isEqualTo(2);
        Assertions.assertThat(status(cycle, TestOrganization.LEADER, ReportType.ROLLUP)).isEqualTo(SubmissionStatus.ON_TIME);
    }

    @Test
    void a_rep_who_misses_twice_in_a_row_is_escalated_one_level_further_up() {
        LocalDateTime first = LocalDateTime.of(2024, 11, 3, 8, 0);
        for (LocalDateTime sunday : List.of(first, first.plusWeeks(1))) {
            setClock(sunday);
            startCycle(sunday);
            String key = CycleKeys.weekKey(CycleKeys.weekCommittedFrom(sunday.toLocalDate()));
            driver.runDueJobs(key);
            submitCommit(key, TestOrganization.REP, List.of()); // the others report: only Ou Rep misses, twice
            submitCommit(key, TestOrganization.TEAMMATE, List.of());
            setClock(sunday.plusHours(24));
            driver.runDueJobs(key);
        }
        Cycle second = cycles.find(Cadence.WEEKLY_COMMIT, "2024-W46").orElseThrow();
        Submission missed = compliance.find(second.id(), TestOrganization.OTHER_REP, ReportType.COMMIT).orElseThrow();
        Assertions.assertThat(compliance.escalations(missed.id())).extracting(Escalation::escalatedTo, Escalation::level)
                .containsExactly(Assertions.tuple(TestOrganization.OTHER_MANAGER, 1), Assertions.tuple(TestOrganization.LEADER, 2));
        Assertions.assertThat(mails(TestOrganization.LEADER, NotificationKind.REPORT_ESCALATED, "2024-W46"))
                .anyMatch(m -> m.subject().contains("Ou Rep"));
        Assertions.assertThat(mails(TestOrganization.LEADER, NotificationKind.REPORT_ESCALATED, "2024-W45")).as("first miss").isEmpty();
        // the chase task goes to the direct manager, not to the level above
        ProcessInstance instance = driver.instance(SUBMISSION_KEY, "2024-W46:" + TestOrganization.OTHER_REP);
        Assertions.assertThat(driver.task(instance, TASK_CHASE_MISSING_COMMIT).getAssignee()).isEqualTo(TestOrganization.OTHER_MANAGER);

        // the manager records the chase; the rep's task stays open for a late submission
        driver.completeAs(TestOrganization.OTHER_MANAGER, driver.task(instance, TASK_CHASE_MISSING_COMMIT), Map.of(F_CHASE_NOTE, "Called: sick leave, submits tonight"));
        assertThat(instance).isWaitingAt(TASK_SUBMIT_WEEKLY_COMMIT).hasPassed("End_CommitChased");
        Assertions.assertThat(compliance.escalations(missed.id()).get(0).chaseNote()).isEqualTo("Called: sick leave, submits tonight");
    }

    @Test
    void a_bad_commit_is_refused_with_reasons_and_nothing_is_stored() {
        LocalDateTime sunday = LocalDateTime.of(2025, 2, 2, 8, 0);
        setClock(sunday);
        long othersDeal = openDeal(TestOrganization.OTHER_REP, "40000", sunday.toLocalDate().plusDays(2));
        long deal = openDeal(TestOrganization.REP, "30000", sunday.toLocalDate().plusDays(2));
        startCycle(sunday);
        String key = "2025-W06";
        driver.runDueJobs(key);

        List<Map<String, Object>> bad = List.of(item(othersDeal, "40000", "commit", true), item(deal, "90000", "commit", true),
                item(deal, "10000", "upside", false));
        Assertions.assertThatThrownBy(() -> submitCommit(key, TestOrganization.REP, bad))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("is not one of your open deals")
                .hasMessageContaining("more than the deal's 30000")
                .hasMessageContaining("listed twice");
        Assertions.assertThatThrownBy(() -> submitCommit(key, TestOrganization.REP, List.of(item(deal, "1000", "maybe", false))))
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining("category must be commit, upside, pipeline or omit");

        Cycle cycle = cycles.find(Cadence.WEEKLY_COMMIT, key).orElseThrow();
        Assertions.assertThat(commits.report(cycle.id(), TestOrganization.REP)).isEmpty();
        Assertions.assertThat(status(cycle, TestOrganization.REP, ReportType.COMMIT)).isEqualTo(SubmissionStatus.DUE);
        assertThat(driver.instance(SUBMISSION_KEY, key + ":" + TestOrganization.REP)).isWaitingAt(TASK_SUBMIT_WEEKLY_COMMIT);

        // another rep cannot complete the rep's task
        Assertions.assertThatThrownBy(() -> driver.completeAs(TestOrganization.TEAMMATE, commitTask(key, TestOrganization.REP),
                Map.of(F_COMMIT_ITEMS, Spin.JSON(List.of())))).isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);

        submitCommit(key, TestOrganization.REP, List.of(item(deal, "30000", "commit", true)));
        Assertions.assertThat(commits.items(commits.report(cycle.id(), TestOrganization.REP).orElseThrow().id()))
                .singleElement().satisfies(i -> Assertions.assertThat(i.reliable()).isTrue());
    }

    /**
     * Issue 13 item 6: the rep's instance carries ids and the rep's decisions only. The grid reads the deals from the
     * API; its decisions (a partial commit, upside, omit, a moved close date) are transient variables: recorded in the
     * product's tables, never in the instance's runtime or history variables.
     */
    @Test
    void the_weekly_commit_instance_holds_ids_only_and_the_grids_decisions_are_stored_in_the_tables() {
        LocalDateTime sunday = LocalDateTime.of(2025, 4, 6, 8, 0);
        setClock(sunday);
        long big = openDeal(TestOrganization.REP, "200000", sunday.toLocalDate().plusDays(3));
        long hoped = openDeal(TestOrganization.REP, "80000", sunday.toLocalDate().plusDays(10));
        long later = openDeal(TestOrganization.REP, "50000", sunday.toLocalDate().plusDays(30));
        String bigName = opportunityName(big);
        startCycle(sunday);
        String key = CycleKeys.weekKey(CycleKeys.weekCommittedFrom(sunday.toLocalDate()));
        driver.runDueJobs(key);
        ProcessInstance instance = driver.instance(SUBMISSION_KEY, key + ":" + TestOrganization.REP);
        Cycle cycle = cycles.find(Cadence.WEEKLY_COMMIT, key).orElseThrow();

        // while the task is open: ids only in the instance; the deals are in the sheet the grid reads
        Assertions.assertThat(engine.getRuntimeService().createVariableInstanceQuery().processInstanceIdIn(instance.getId()).list())
                .extracting(v -> v.getName()).isSubsetOf(CYCLE_ID, CYCLE_KEY, CYCLE_START, REP_ID, MANAGER_ID, SUBMISSION_ID);
        Assertions.assertThat(commits.sheet(TestOrganization.REP, cycle).rows()).extracting(r -> r.get("opportunityId"))
                .contains(big, hoped, later);

        // a close date in the past is refused with the deal's name, and nothing is stored
        Map<String, Object> past = item(big, "150000", "commit", true);
        past.put("closeDate", sunday.toLocalDate().minusDays(1).toString());
        Assertions.assertThatThrownBy(() -> submitDecisions(instance, List.of(past)))
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining("is in the past").hasMessageContaining(bigName);
        Assertions.assertThat(commits.report(cycle.id(), TestOrganization.REP)).isEmpty();

        // a partial commit with a moved close date, an upside, an omitted deal
        Map<String, Object> commit = item(big, "150000", "commit", true);
        commit.put("closeDate", sunday.toLocalDate().plusDays(5).toString());
        submitDecisions(instance, List.of(commit, item(hoped, null, "upside", true), item(later, null, "omit", false)));

        assertThat(instance).isEnded();
        CommitReport report = commits.report(cycle.id(), TestOrganization.REP).orElseThrow();
        Assertions.assertThat(report.commitAmount()).isEqualByComparingTo("150000");
        Assertions.assertThat(report.upsideAmount()).isEqualByComparingTo("80000");
        Assertions.assertThat(report.projectTracking()).isEqualTo("Three deals this month");
        Assertions.assertThat(commits.items(report.id())).extracting(i -> i.opportunityId(), i -> i.category(), i -> i.reliable())
                .containsExactly(Assertions.tuple(big, com.salescadence.cadence.CommitCategory.COMMIT, true), Assertions.tuple(hoped, com.salescadence.cadence.CommitCategory.UPSIDE, false),
                        Assertions.tuple(later, com.salescadence.cadence.CommitCategory.OMIT, false));
        Assertions.assertThat(commits.items(report.id()).get(0).expectedCloseDate()).isEqualTo(sunday.toLocalDate().plusDays(5));
        Assertions.assertThat(opportunities.get(big).expectedCloseDate()).as("the deal's close date moved with the commit")
                .isEqualTo(sunday.toLocalDate().plusDays(5));
        // kept in the deal's change log like an edit on the deal page (DealChangeService): who, when, old, new; the
        // refused submission before it (a date in the past) left no entry
        Assertions.assertThat(dealChanges.changes(big, TestOrganization.REP)).singleElement().satisfies(change -> {
            Assertions.assertThat(change.field()).isEqualTo(com.salescadence.pipeline.deal.DealField.CLOSE_DATE);
            Assertions.assertThat(change.oldValue()).isEqualTo(sunday.toLocalDate().plusDays(3).toString());
            Assertions.assertThat(change.newValue()).isEqualTo(sunday.toLocalDate().plusDays(5).toString());
            Assertions.assertThat(change.changedBy()).isEqualTo(TestOrganization.REP);
            Assertions.assertThat(change.changedAt()).isCloseTo(commits.report(cycle.id(), TestOrganization.REP).orElseThrow().submittedAt(),
                    Assertions.within(1, java.time.temporal.ChronoUnit.MINUTES));
        });
        Assertions.assertThat(dealChanges.changes(hoped, TestOrganization.REP)).as("a row without a new date changes nothing").isEmpty();

        // and the instance's history holds ids only: no deal rows, no decisions, in no variable and no variable update
        Assertions.assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).list())
                .extracting(v -> v.getName()).isSubsetOf(CYCLE_ID, CYCLE_KEY, CYCLE_START, REP_ID, MANAGER_ID, SUBMISSION_ID);
        Assertions.assertThat(engine.getHistoryService().createHistoricDetailQuery().processInstanceId(instance.getId()).variableUpdates().list())
                .extracting(d -> ((org.camunda.bpm.engine.history.HistoricVariableUpdate) d).getVariableName())
                .isSubsetOf(CYCLE_ID, CYCLE_KEY, CYCLE_START, REP_ID, MANAGER_ID, SUBMISSION_ID)
                .doesNotContain(F_COMMIT_ITEMS, F_PROJECT_TRACKING);
        Assertions.assertThat(engine.getHistoryService().createHistoricDetailQuery().processInstanceId(instance.getId()).formFields().count())
                .as("no form property events with the submitted text (workflow.FormHistoryFilter)").isZero();
    }

    @Test
    void the_deployed_sunday_timer_opens_the_cycle_in_the_configured_time_zone() {
        Job start = engine.getManagementService().createJobQuery().processDefinitionKey(KEY).timers()
                .list().stream().filter(j -> j.getProcessInstanceId() == null).findFirst().orElseThrow();
        LocalDateTime due = toLocal(start.getDuedate());
        Assertions.assertThat(ZoneId.systemDefault()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        Assertions.assertThat(due.getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
        Assertions.assertThat(due.toLocalTime()).hasToString("08:00");

        setClock(due);
        engine.getManagementService().executeJob(start.getId());
        String key = CycleKeys.weekKey(CycleKeys.weekCommittedFrom(due.toLocalDate()));
        ProcessInstance cycleInstance = driver.instance(KEY, key);
        Cycle cycle = cycles.find(Cadence.WEEKLY_COMMIT, key).orElseThrow();
        Assertions.assertThat(cycle.startsAt()).isEqualTo(due);
        Assertions.assertThat(cycle.periodStart()).isEqualTo(due.toLocalDate().plusDays(1));
        driver.runDueJobs(key);
        assertThat(cycleInstance).isWaitingAt(TIMER_COMMIT_CALL_DUE);
        Assertions.assertThat(commitTask(key, TestOrganization.OTHER_REP)).isNotNull();

        Job next = engine.getManagementService().createJobQuery().processDefinitionKey(KEY).timers()
                .list().stream().filter(j -> j.getProcessInstanceId() == null).findFirst().orElseThrow();
        Assertions.assertThat(toLocal(next.getDuedate())).isEqualTo(due.plusWeeks(1));
    }

    // ------------------------------------------------------------------ helpers

    private ProcessInstance startCycle(LocalDateTime start) {
        return engine.getRuntimeService().startProcessInstanceByKey(KEY, Map.of(CYCLE_START, date(start)));
    }

    private void submitCommit(String key, String rep, List<Map<String, Object>> items) {
        driver.completeAs(rep, commitTask(key, rep), Map.of(F_COMMIT_ITEMS, Spin.JSON(items), F_PROJECT_TRACKING, "Key deals on track"));
    }

    /**
     * As the Tasklist's "Complete" submits the grid (POST /task/{id}/submit-form): the rows and the project tracking as
     * transient variables (valueInfo transient).
     */
    private void submitDecisions(ProcessInstance instance, List<Map<String, Object>> rows) {
        identityService.setAuthentication(TestOrganization.REP, identityService.createGroupQuery().groupMember(TestOrganization.REP)
                .list().stream().map(org.camunda.bpm.engine.identity.Group::getId).toList());
        try {
            engine.getFormService().submitTaskForm(driver.task(instance, TASK_SUBMIT_WEEKLY_COMMIT).getId(), Map.of(
                    F_COMMIT_ITEMS, Variables.stringValue(Spin.JSON(rows).toString(), true),
                    F_PROJECT_TRACKING, Variables.stringValue("Three deals this month", true)));
        } finally {
            identityService.clearAuthentication();
        }
    }

    private String opportunityName(long id) {
        return opportunities.get(id).name();
    }

    private Task commitTask(String key, String rep) {
        ProcessInstance instance = driver.instance(SUBMISSION_KEY, key + ":" + rep);
        return driver.task(instance, TASK_SUBMIT_WEEKLY_COMMIT);
    }

    private static Map<String, Object> item(long dealId, String amount, String category, boolean allChecks) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("opportunityId", dealId);
        row.put("amount", amount == null ? null : new BigDecimal(amount));
        row.put("category", category);
        for (String check : List.of("configurationFinal", "endUserContractSigned", "partnerContractsSigned", "discountApproved", "partnerReadyToOrder")) {
            row.put(check, allChecks);
        }
        return row;
    }

    private long openDeal(String owner, String amount, LocalDate closes) {
        var account = TestOrganization.account(accounts, owner);
        var lead = leads.create(new NewLead(account.id(), owner, "Weekly commit test", "test", new BigDecimal(amount)));
        return leads.qualify(lead.id(), new Qualification(true, "Approved", "CIO", "Manual planning", "This month", null,
                "Commit test deal " + System.nanoTime(), new BigDecimal(amount), closes)).opportunityId();
    }

    private SubmissionStatus status(Cycle cycle, String person, ReportType type) {
        return compliance.find(cycle.id(), person, type).orElseThrow().status();
    }

    private List<OutboxMessage> mails(String recipient, NotificationKind kind, String cycleKey) {
        return notifications.forRecipient(recipient, 500).stream()
                .filter(m -> m.kind() == kind && (m.subject() + m.body()).contains(cycleKey)).toList();
    }


    /** The decisions of a commit call as the form posts them: transient variables the engine hands on and never stores. */
    private static Map<String, Object> decisions(List<Map<String, Object>> adjustments, String notes) {
        Map<String, Object> fields = new HashMap<>();
        fields.put(F_ADJUSTMENTS, org.camunda.bpm.engine.variable.Variables.stringValue(Spin.JSON(adjustments).toString(), true));
        if (notes != null) {
            fields.put(F_CALL_NOTES, org.camunda.bpm.engine.variable.Variables.stringValue(notes, true));
        }
        return fields;
    }
}
