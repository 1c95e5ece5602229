package com.salescadence.cadence.process;

import static com.salescadence.support.ProcessDriver.date;
import static com.salescadence.support.ProcessDriver.setClock;
import static com.salescadence.support.ProcessDriver.toLocal;

import static com.salescadence.workflow.MonthlyForecastProcess.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
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
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.salescadence.cadence.Cadence;
import com.salescadence.cadence.ComplianceService;
import com.salescadence.cadence.Cycle;
import com.salescadence.cadence.CycleService;
import com.salescadence.cadence.Escalation;
import com.salescadence.cadence.ReportType;
import com.salescadence.cadence.SubmissionStatus;
import com.salescadence.cadence.forecast.ForecastChecks;
import com.salescadence.cadence.forecast.ForecastMonth;
import com.salescadence.cadence.forecast.ForecastReport;
import com.salescadence.cadence.forecast.ForecastReview;
import com.salescadence.cadence.forecast.ForecastReviewService;
import com.salescadence.cadence.forecast.ForecastReviewView;
import com.salescadence.cadence.forecast.ForecastSheet;
import com.salescadence.cadence.forecast.MonthlyForecastService;
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
import com.salescadence.support.RestCalls;
import com.salescadence.support.TestOrganization;

/**
 * Every path of bpmn/monthly-forecast.bpmn, monthly-forecast-submission.bpmn and monthly-forecast-review.bpmn
 * with the real listeners, services and tables; time moves by setting the engine's clock and executing due
 * jobs. Each test runs its own months, far from today; only the figures test creates deals, so its numbers
 * are known.
 */
@CadenceIntegrationTest
class MonthlyForecastProcessTest {

    private ProcessDriver driver;

    @Autowired ProcessEngine engine;
    @Autowired IdentityService identityService;
    @Autowired OrganizationService organization;
    @Autowired OrganizationAdministration administration;
    @Autowired AccountService accounts;
    @Autowired LeadService leads;
    @Autowired QuotaService quotas;
    @Autowired CycleService cycles;
    @Autowired ComplianceService compliance;
    @Autowired MonthlyForecastService forecasts;
    @Autowired ForecastReviewService reviews;
    @Autowired NotificationService notifications;
    @Autowired JdbcClient jdbc;
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
    void everyone_submits_on_time_and_the_review_shows_the_checks_computed_from_known_data() {
        for (String quarter : List.of("2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4", "2024-Q1")) {
            quotas.set(TestOrganization.REP, quarter, new BigDecimal("250000"), new BigDecimal("300000"), "CNY");
            quotas.set(TestOrganization.TEAMMATE, quarter, new BigDecimal("120000"), new BigDecimal("150000"), "CNY");
        }
        // February: the rep has 300000 of pipeline (weighted 110000), the teammate 100000 (weighted 10000)
        LocalDateTime february = LocalDateTime.of(2023, 2, 1, 9, 0);
        setClock(february);
        openDeal(TestOrganization.REP, "100000", LocalDate.of(2023, 3, 15), null);
        openDeal(TestOrganization.REP, "200000", LocalDate.of(2023, 5, 10), "DEVELOP");
        openDeal(TestOrganization.TEAMMATE, "100000", LocalDate.of(2023, 4, 1), null);
        startCycle(february);
        driver.runDueJobs("2023-02");
        setClock(february.plusHours(2));
        submitForecast("2023-02", TestOrganization.REP, "90000", "Close the March deal");
        submitForecast("2023-02", TestOrganization.TEAMMATE, "10000", "Qualify two new leads");
        submitForecast("2023-02", TestOrganization.OTHER_REP, "0", "Build pipeline");

        // March: the rep adds a 150000 deal at 75%
        LocalDateTime march = LocalDateTime.of(2023, 3, 1, 9, 0);
        setClock(march);
        openDeal(TestOrganization.REP, "150000", LocalDate.of(2023, 6, 20), "AGREEMENT");
        ProcessInstance cycleInstance = startCycle(march);
        driver.runDueJobs("2023-03");
        assertThat(cycleInstance).isWaitingAt(TIMER_REVIEW_DUE);
        Assertions.assertThat(cycleInstance.getBusinessKey()).isEqualTo("2023-03");
        Cycle cycle = cycles.find(Cadence.MONTHLY_FORECAST, "2023-03").orElseThrow();
        Assertions.assertThat(cycle.periodStart()).isEqualTo(LocalDate.of(2023, 3, 1));

        // the grid reads its rows from the API: per expected close month, raw and weighted by the stage's win rate, with last month's forecast
        Task repTask = forecastTask("2023-03", TestOrganization.REP);
        Assertions.assertThat(toLocal(repTask.getDueDate())).isEqualTo(march.plusHours(72));
        ForecastSheet sheet = forecasts.sheet(TestOrganization.REP, cycle);
        Assertions.assertThat(sheet.firstMonth()).isEqualTo("2023-03");
        Assertions.assertThat(sheet.lastMonth()).isEqualTo("2024-02");
        Assertions.assertThat(sheet.months()).hasSize(12);
        Assertions.assertThat(sheet.months().get(0)).satisfies(m -> {
            Assertions.assertThat(m.month()).isEqualTo("2023-03");
            Assertions.assertThat(m.pipeline()).isEqualByComparingTo("100000");
            Assertions.assertThat(m.weighted()).isEqualByComparingTo("10000");
            Assertions.assertThat(m.lastForecast()).as("February's forecast of March").isEqualByComparingTo("90000");
        });
        Assertions.assertThat(sheet.months().get(2).weighted()).isEqualByComparingTo("100000");
        Assertions.assertThat(sheet.months().get(3).pipeline()).isEqualByComparingTo("150000");
        Assertions.assertThat(sheet.months().get(3).weighted()).isEqualByComparingTo("112500");
        Assertions.assertThat(sheet.months().get(11).month()).isEqualTo("2024-02");
        Assertions.assertThat(sheet.months().get(11).lastForecast()).as("outside February's 12 months").isNull();
        Assertions.assertThat(sheet.pipeline()).isEqualByComparingTo("450000");
        Assertions.assertThat(sheet.weighted()).isEqualByComparingTo("222500");
        Assertions.assertThat(sheet.lastForecast().cycleKey()).isEqualTo("2023-02");
        Assertions.assertThat(sheet.lastForecast().forecast()).isEqualByComparingTo("1080000");
        Assertions.assertThat(sheet.lastForecast().actionPlan()).isEqualTo("Close the March deal");
        // the instance and the task hold ids only: no brief, no table, no month fields
        var taskService = engine.getTaskService();
        Assertions.assertThat(taskService.getVariablesLocal(repTask.getId())).isEmpty();
        Assertions.assertThat(engine.getRuntimeService().getVariables(repTask.getProcessInstanceId()).keySet())
                .containsOnly(CYCLE_ID, CYCLE_KEY, CYCLE_START, REP_ID, SUBMISSION_ID);

        setClock(march.plusHours(3));
        submitForecast("2023-03", TestOrganization.REP, "100000", "Push the June deal to signature");
        submitForecast("2023-03", TestOrganization.TEAMMATE, "10200", "Two proposals out");
        submitForecast("2023-03", TestOrganization.OTHER_REP, "0", "Prospecting");
        ForecastReport report = forecasts.report(cycle.id(), TestOrganization.REP).orElseThrow();
        Assertions.assertThat(report.forecastAmount()).isEqualByComparingTo("1200000");
        Assertions.assertThat(report.pipelineAmount()).isEqualByComparingTo("450000");
        Assertions.assertThat(report.weightedAmount()).isEqualByComparingTo("222500");
        Assertions.assertThat(report.actionPlan()).isEqualTo("Push the June deal to signature");
        List<ForecastMonth> months = forecasts.months(report.id());
        Assertions.assertThat(months).hasSize(12).allSatisfy(m -> Assertions.assertThat(m.amount()).isEqualByComparingTo("100000"));
        Assertions.assertThat(months.get(3).weightedAmount()).isEqualByComparingTo("112500");
        for (String rep : List.of(TestOrganization.REP, TestOrganization.TEAMMATE, TestOrganization.OTHER_REP)) {
            Assertions.assertThat(status(cycle, rep)).isEqualTo(SubmissionStatus.ON_TIME);
            driver.assertEnded(SUBMISSION_KEY, "2023-03:" + rep);
        }

        // the deadline passes without anyone missing; an hour later the reviews open
        setClock(march.plusHours(72));
        driver.runDueJobs("2023-03");
        Assertions.assertThat(mails(TestOrganization.MANAGER, NotificationKind.REPORT_MISSING, "2023-03")).isEmpty();
        setClock(march.plusHours(73));
        driver.runDueJobs("2023-03");
        assertThat(cycleInstance).isEnded();
        ProcessInstance review = driver.instance(REVIEW_KEY, "2023-03:" + TestOrganization.MANAGER);
        assertThat(review).isWaitingAt(TASK_REVIEW_MONTHLY_FORECAST);
        assertThat(driver.instance(REVIEW_KEY, "2023-03:" + TestOrganization.OTHER_MANAGER)).isWaitingAt(TASK_REVIEW_MONTHLY_FORECAST);
        Assertions.assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(REVIEW_KEY)
                .processInstanceBusinessKey("2023-03:" + TestOrganization.LEADER).count()).as("first-line managers only").isZero();
        Assertions.assertThat(mails(TestOrganization.MANAGER, NotificationKind.CALL_READY, "2023-03")).hasSize(1);
        Task reviewTask = driver.task(review, TASK_REVIEW_MONTHLY_FORECAST);
        Assertions.assertThat(toLocal(reviewTask.getDueDate())).isEqualTo(march.plusHours(120));

        ForecastReviewView view = reviews.view(cycle.id(), TestOrganization.MANAGER);
        ForecastChecks.Figures rep = line(view, "Ren Rep").figures();
        Assertions.assertThat(rep.forecast()).isEqualByComparingTo("1200000");
        Assertions.assertThat(rep.stretch()).as("March + Q2 + Q3 + Q4 + Jan, Feb 2024 of 300000 a quarter").isEqualByComparingTo("1200000");
        Assertions.assertThat(rep.forecastVsStretch()).contains(new BigDecimal("1.0000"));
        Assertions.assertThat(rep.coverage()).contains(new BigDecimal("0.3750"));
        Assertions.assertThat(rep.pipelineGrowth()).contains(new BigDecimal("0.5000"));
        Assertions.assertThat(rep.forecastGrowth()).contains(new BigDecimal("0.1111"));
        Assertions.assertThat(rep.quality()).contains(new BigDecimal("0.4944"));
        Assertions.assertThat(rep.lastQuality()).contains(new BigDecimal("0.3667"));
        Assertions.assertThat(line(view, "Ren Rep").flags()).containsExactly("pipeline covers 37.5% of target (under 150.0%)");
        Assertions.assertThat(line(view, "Tang Teammate").flags()).containsExactly(
                "12 months at 20.4% of stretch target", "pipeline covers 16.7% of target (under 150.0%)",
                "pipeline growth 0.0% (under 5.0%)", "forecast growth 2.0% (under 5.0%)");
        ForecastChecks.Figures team = view.team().figures();
        Assertions.assertThat(team.forecast()).isEqualByComparingTo("1322400");
        Assertions.assertThat(team.stretch()).isEqualByComparingTo("1800000");
        Assertions.assertThat(team.pipeline()).isEqualByComparingTo("550000");
        Assertions.assertThat(team.forecastVsStretch()).contains(new BigDecimal("0.7347"));
        Assertions.assertThat(team.pipelineGrowth()).contains(new BigDecimal("0.3750"));
        Assertions.assertThat(team.forecastGrowth()).contains(new BigDecimal("0.1020"));
        Assertions.assertThat(team.quality()).contains(new BigDecimal("0.4227"));
        Assertions.assertThat(view.missing()).isEmpty();

        // the task and the instance hold ids only: the form reads the same figures from the API when it opens
        Assertions.assertThat(engine.getTaskService().getVariablesLocal(reviewTask.getId())).isEmpty();
        Assertions.assertThat(engine.getRuntimeService().getVariables(reviewTask.getProcessInstanceId()).keySet())
                .containsOnly(CYCLE_ID, CYCLE_KEY, CYCLE_START, MANAGER_ID, SUBMISSION_ID).doesNotContain("reviewBrief", "reviewRows");
        String path = "/api/cadence/monthly-forecast/review-tasks/" + reviewTask.getId();
        Map<String, Object> reviewSheet = RestCalls.call(http, TestOrganization.MANAGER, HttpMethod.GET, path, null, HttpStatus.OK);
        Assertions.assertThat(reviewSheet).containsEntry("cycleKey", "2023-03").containsEntry("firstMonth", "2023-03")
                .containsEntry("lastMonth", "2024-02").containsEntry("missing", List.of());
        Assertions.assertThat(RestCalls.figures(reviewSheet.get("thresholds"))).containsEntry("coverageMinPercent", "150")
                .containsEntry("growthMinPercent", "5").containsEntry("growthGoodPercent", "10").containsEntry("stretchMinPercent", "100");
        Map<String, Object> renRep = sheetRow(reviewSheet, "Ren Rep");
        Assertions.assertThat(RestCalls.figures(renRep)).containsEntry("forecast", "1200000").containsEntry("stretch", "1200000")
                .containsEntry("forecastVsStretchPercent", "100").containsEntry("coveragePercent", "37.5")
                .containsEntry("pipeline", "450000").containsEntry("weighted", "222500")
                .containsEntry("pipelineGrowthPercent", "50").containsEntry("forecastGrowthPercent", "11.1")
                .containsEntry("qualityPercent", "49.4").containsEntry("lastQualityPercent", "36.7");
        Assertions.assertThat(renRep).containsEntry("status", "ON_TIME").containsEntry("pipelineGrowth", "GOOD")
                .containsEntry("forecastGrowth", "GOOD").containsEntry("flags", List.of("LOW_COVERAGE"));
        Map<String, Object> teammate = sheetRow(reviewSheet, "Tang Teammate");
        Assertions.assertThat(teammate).containsEntry("forecastGrowth", "LOW").containsEntry("flags",
                List.of("BELOW_STRETCH", "LOW_COVERAGE", "LOW_PIPELINE_GROWTH", "LOW_FORECAST_GROWTH"));
        Assertions.assertThat(RestCalls.figures(teammate)).containsEntry("forecastVsStretchPercent", "20.4").containsEntry("forecastGrowthPercent", "2");
        @SuppressWarnings("unchecked")
        Map<String, Object> teamRow = (Map<String, Object>) reviewSheet.get("team");
        Assertions.assertThat(teamRow).containsEntry("name", "Meng Manager").containsEntry("status", "COMPLETE");
        Assertions.assertThat(RestCalls.figures(teamRow)).containsEntry("forecast", "1322400").containsEntry("stretch", "1800000")
                .containsEntry("pipeline", "550000").containsEntry("forecastVsStretchPercent", "73.5")
                .containsEntry("forecastGrowthPercent", "10.2").containsEntry("qualityPercent", "42.3");
        // the manager above reads it too; a rep, another team's manager and no such task do not
        RestCalls.call(http, TestOrganization.LEADER, HttpMethod.GET, path, null, HttpStatus.OK);
        RestCalls.call(http, TestOrganization.REP, HttpMethod.GET, path, null, HttpStatus.FORBIDDEN);
        RestCalls.call(http, TestOrganization.OTHER_MANAGER, HttpMethod.GET, path, null, HttpStatus.FORBIDDEN);
        RestCalls.call(http, TestOrganization.MANAGER, HttpMethod.GET, "/api/cadence/monthly-forecast/review-tasks/no-such-task", null,
                HttpStatus.NOT_FOUND);

        // notes are required; then the review is stored with the team's figures
        Assertions.assertThatThrownBy(() -> driver.completeAs(TestOrganization.MANAGER, reviewTask, Map.of(F_REVIEW_NOTES, " ")))
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining("Review notes is required");
        driver.completeAs(TestOrganization.MANAGER, reviewTask, Map.of(F_REVIEW_NOTES, "Teammate: build pipeline, two new accounts"));
        assertThat(review).isEnded();
        ForecastReview stored = reviews.review(cycle.id(), TestOrganization.MANAGER).orElseThrow();
        Assertions.assertThat(stored.forecastAmount()).isEqualByComparingTo("1322400");
        Assertions.assertThat(stored.pipelineAmount()).isEqualByComparingTo("550000");
        Assertions.assertThat(stored.notes()).isEqualTo("Teammate: build pipeline, two new accounts");
        Assertions.assertThat(compliance.find(cycle.id(), TestOrganization.MANAGER, ReportType.FORECAST_REVIEW).orElseThrow().status())
                .isEqualTo(SubmissionStatus.ON_TIME);
        RestCalls.call(http, TestOrganization.MANAGER, HttpMethod.GET, path, null, HttpStatus.NOT_FOUND);
    }

    /** A row of the review sheet by the rep's name. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> sheetRow(Map<String, Object> sheet, String name) {
        return ((List<Map<String, Object>>) sheet.get("reps")).stream().filter(row -> name.equals(row.get("name"))).findFirst().orElseThrow();
    }

    @Test
    void a_missing_forecast_is_reminded_chased_escalated_one_level_further_up_and_closed_by_a_late_submission_and_so_is_a_missing_review() {
        LocalDateTime start = LocalDateTime.of(2022, 6, 1, 9, 0);
        setClock(start);
        startCycle(start);
        String key = "2022-06";
        driver.runDueJobs(key);
        Cycle cycle = cycles.find(Cadence.MONTHLY_FORECAST, key).orElseThrow();
        setClock(start.plusHours(1));
        submitForecast(key, TestOrganization.REP, "1000", "On plan");

        // 48 hours in: the two reps who have not submitted are reminded
        setClock(start.plusHours(48));
        driver.runDueJobs(key);
        Assertions.assertThat(mails(TestOrganization.TEAMMATE, NotificationKind.REPORT_REMINDER, key)).hasSize(1);
        Assertions.assertThat(mails(TestOrganization.OTHER_REP, NotificationKind.REPORT_REMINDER, key)).hasSize(1)
                .allSatisfy(m -> Assertions.assertThat(m.body()).contains("/camunda/app/tasklist/default/#/?task="));
        Assertions.assertThat(mails(TestOrganization.REP, NotificationKind.REPORT_REMINDER, key)).isEmpty();

        // the deadline: both recorded missing, their managers chase them and get a mail
        setClock(start.plusHours(72));
        driver.runDueJobs(key);
        Assertions.assertThat(status(cycle, TestOrganization.TEAMMATE)).isEqualTo(SubmissionStatus.MISSED);
        Assertions.assertThat(status(cycle, TestOrganization.OTHER_REP)).isEqualTo(SubmissionStatus.MISSED);
        ProcessInstance teammate = driver.instance(SUBMISSION_KEY, key + ":" + TestOrganization.TEAMMATE);
        ProcessInstance otherRep = driver.instance(SUBMISSION_KEY, key + ":" + TestOrganization.OTHER_REP);
        assertThat(otherRep).isWaitingAt(TASK_SUBMIT_MONTHLY_FORECAST, TASK_CHASE_MISSING_FORECAST);
        Task chase = driver.task(otherRep, TASK_CHASE_MISSING_FORECAST);
        Assertions.assertThat(chase.getAssignee()).isEqualTo(TestOrganization.OTHER_MANAGER);
        Assertions.assertThat(engine.getTaskService().getVariable(chase.getId(), CHASE_BRIEF).toString())
                .contains("Ou Rep has not submitted the monthly forecast for 2022-06");
        Assertions.assertThat(mails(TestOrganization.OTHER_MANAGER, NotificationKind.REPORT_MISSING, key)).hasSize(1)
                .allSatisfy(m -> Assertions.assertThat(m.subject()).contains("Ou Rep"));
        Assertions.assertThat(mails(TestOrganization.MANAGER, NotificationKind.REPORT_MISSING, key)).hasSize(1);
        Assertions.assertThat(mails(TestOrganization.LEADER, NotificationKind.REPORT_ESCALATED, key)).as("not yet one level up").isEmpty();

        // an hour later the reviews open and show who is missing
        setClock(start.plusHours(73));
        driver.runDueJobs(key);
        Assertions.assertThat(reviews.view(cycle.id(), TestOrganization.OTHER_MANAGER).missing()).containsExactly("Ou Rep");

        // the teammate submits late: accepted, marked late, escalation and chase closed
        setClock(start.plusHours(80));
        submitForecast(key, TestOrganization.TEAMMATE, "500", "Sorry, late");
        assertThat(teammate).isEnded();
        Assertions.assertThat(status(cycle, TestOrganization.TEAMMATE)).isEqualTo(SubmissionStatus.LATE);
        long teammateSubmission = compliance.find(cycle.id(), TestOrganization.TEAMMATE, ReportType.FORECAST).orElseThrow().id();
        Assertions.assertThat(compliance.escalations(teammateSubmission)).singleElement()
                .satisfies(e -> Assertions.assertThat(e.closeReason()).isEqualTo("Submitted late"));

        // 96 hours in, the other rep is still missing: escalated one level further up, once, with a mail
        setClock(start.plusHours(96));
        driver.runDueJobs(key);
        long otherSubmission = compliance.find(cycle.id(), TestOrganization.OTHER_REP, ReportType.FORECAST).orElseThrow().id();
        Assertions.assertThat(compliance.escalations(otherSubmission)).extracting(Escalation::escalatedTo, Escalation::level)
                .containsExactly(Assertions.tuple(TestOrganization.OTHER_MANAGER, 1), Assertions.tuple(TestOrganization.LEADER, 2));
        Assertions.assertThat(mails(TestOrganization.LEADER, NotificationKind.REPORT_ESCALATED, key)).singleElement()
                .satisfies(m -> Assertions.assertThat(m.subject()).as("the leader reads Chinese: forecast.overdue").contains("\u4ecd\u672a\u63d0\u4ea4").contains("Ou Rep"));
        assertThat(otherRep).isWaitingAt(TASK_SUBMIT_MONTHLY_FORECAST, TASK_CHASE_MISSING_FORECAST).hasPassed("End_ForecastEscalated");

        // the manager records the chase; then the rep submits late and every escalation closes
        driver.completeAs(TestOrganization.OTHER_MANAGER, driver.task(otherRep, TASK_CHASE_MISSING_FORECAST), Map.of(F_CHASE_NOTE, "Called: submits today"));
        setClock(start.plusHours(100));
        submitForecast(key, TestOrganization.OTHER_REP, "0", "Rebuild pipeline");
        assertThat(otherRep).isEnded();
        Assertions.assertThat(status(cycle, TestOrganization.OTHER_REP)).isEqualTo(SubmissionStatus.LATE);
        Assertions.assertThat(compliance.escalations(otherSubmission)).hasSize(2)
                .allSatisfy(e -> Assertions.assertThat(e.closedAt()).isNotNull())
                .first().satisfies(e -> Assertions.assertThat(e.chaseNote()).isEqualTo("Called: submits today"));

        // the review deadline: a manager who has not reviewed is escalated to the leader; a late review closes it
        setClock(start.plusHours(120));
        driver.runDueJobs(key);
        long review = compliance.find(cycle.id(), TestOrganization.OTHER_MANAGER, ReportType.FORECAST_REVIEW).orElseThrow().id();
        Assertions.assertThat(compliance.get(review).status()).isEqualTo(SubmissionStatus.MISSED);
        Assertions.assertThat(compliance.escalations(review)).extracting(Escalation::escalatedTo).containsExactly(TestOrganization.LEADER);
        Assertions.assertThat(mails(TestOrganization.LEADER, NotificationKind.REPORT_MISSING, key)).anyMatch(m -> m.subject().contains("Ou Manager"));
        ProcessInstance reviewInstance = driver.instance(REVIEW_KEY, key + ":" + TestOrganization.OTHER_MANAGER);
        assertThat(reviewInstance).isWaitingAt(TASK_REVIEW_MONTHLY_FORECAST).hasPassed("End_ForecastReviewMissingRecorded");
        driver.completeAs(TestOrganization.OTHER_MANAGER, driver.task(reviewInstance, TASK_REVIEW_MONTHLY_FORECAST), Map.of(F_REVIEW_NOTES, "Late, sorry"));
        assertThat(reviewInstance).isEnded();
        Assertions.assertThat(compliance.get(review).status()).isEqualTo(SubmissionStatus.LATE);
        Assertions.assertThat(compliance.escalations(review)).allSatisfy(e -> Assertions.assertThat(e.closedAt()).isNotNull());
    }

    @Test
    void a_bad_forecast_is_refused_with_reasons_at_its_months_and_nothing_is_stored() {
        LocalDateTime start = LocalDateTime.of(2023, 9, 1, 9, 0);
        setClock(start);
        startCycle(start);
        String key = "2023-09";
        driver.runDueJobs(key);
        Cycle cycle = cycles.find(Cadence.MONTHLY_FORECAST, key).orElseThrow();
        Task task = forecastTask(key, TestOrganization.REP);
        YearMonth first = YearMonth.of(2023, 9);

        // several problems at once, each named by its month in both languages
        List<Map<String, Object>> rows = monthRows(first, "100");
        rows.get(0).put("amount", -100);
        rows.get(1).put("month", "2024-09");
        rows.get(2).put("month", "2023-09");
        Assertions.assertThatThrownBy(() -> driver.completeAs(TestOrganization.REP, task, decisions(rows, "")))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("“2023年9月”的金额不能为负数，而不是 -100。 / The amount of Sep 2023 must not be negative, got -100.")
                .hasMessageContaining("Sep 2024 is outside the forecast's 12 months (Sep 2023 to Aug 2024)")
                .hasMessageContaining("Sep 2023 is given twice")
                .hasMessageContaining("Nov 2023 is missing")
                .hasMessageContaining("请填写月度行动计划。 / The monthly action plan is required.");
        // what a person (or a client of /engine-rest) can get wrong, one at a time: each refused
        Map<String, List<Map<String, Object>>> refused = new LinkedHashMap<>();
        List<Map<String, Object>> missing = monthRows(first, "100");
        missing.remove(5);
        refused.put("Feb 2024 is missing: forecast every one of the 12 months", missing);
        List<Map<String, Object>> negative = monthRows(first, "100");
        negative.get(3).put("amount", "-0.01");
        refused.put("The amount of Dec 2023 must not be negative", negative);
        List<Map<String, Object>> nan = monthRows(first, "100");
        nan.get(4).put("amount", "NaN");
        refused.put("The amount of Jan 2024 must be a number, got 'NaN'", nan);
        List<Map<String, Object>> text = monthRows(first, "100");
        text.get(6).put("amount", "a lot");
        refused.put("“2024年3月”的金额必须是数字，而不是“a lot”。", text);
        List<Map<String, Object>> empty = monthRows(first, "100");
        empty.get(7).put("amount", null);
        refused.put("The amount of Apr 2024 is required (0 if you expect nothing)", empty);
        List<Map<String, Object>> tooMany = monthRows(first, "100");
        tooMany.addAll(monthRows(first.plusMonths(12), "100"));
        refused.put("预测只有 12 个月，却收到了 24 行。 / A forecast has 12 months, got 24 rows.", tooMany);
        refused.put("缺少“2023年9月”", List.of());
        refused.forEach((message, months) -> Assertions.assertThatThrownBy(() -> driver.completeAs(TestOrganization.REP, task,
                decisions(months, "Plan"))).as(message).isInstanceOf(BadUserRequestException.class).hasMessageContaining(message));
        Assertions.assertThatThrownBy(() -> driver.completeAs(TestOrganization.REP, task, Map.of(F_MONTHS,
                Variables.stringValue("{\"month\": \"2023-09\"}", true), F_ACTION_PLAN, "Plan")))
                .as("not a list").isInstanceOf(BadUserRequestException.class).hasMessageContaining("不是行的列表");
        Assertions.assertThatThrownBy(() -> driver.completeAs(TestOrganization.REP, task, Map.of(F_ACTION_PLAN, "Plan")))
                .as("no months at all").isInstanceOf(BadUserRequestException.class).hasMessageContaining("Sep 2023 is missing");

        // nothing stored: no report, no month, the submission still due, the task open, no decision kept in the instance
        Assertions.assertThat(forecasts.report(cycle.id(), TestOrganization.REP)).isEmpty();
        Assertions.assertThat(jdbc.sql("select count(*) from forecast_month m join forecast_report r on r.id = m.forecast_report_id where r.cycle_id = ?")
                .param(cycle.id()).query(Long.class).single()).isZero();
        Assertions.assertThat(status(cycle, TestOrganization.REP)).isEqualTo(SubmissionStatus.DUE);
        assertThat(driver.instance(SUBMISSION_KEY, key + ":" + TestOrganization.REP)).isWaitingAt(TASK_SUBMIT_MONTHLY_FORECAST);
        Assertions.assertThat(engine.getRuntimeService().getVariables(task.getProcessInstanceId())).doesNotContainKeys(F_MONTHS, F_ACTION_PLAN);

        // another rep cannot complete the rep's task
        Assertions.assertThatThrownBy(() -> driver.completeAs(TestOrganization.TEAMMATE, task, Map.of(F_ACTION_PLAN, "x")))
                .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);

        // the corrected forecast is stored, month by month; the instance keeps no decision
        List<Map<String, Object>> fixed = monthRows(first, "1234.50");
        fixed.get(11).put("amount", 0);
        fixed.get(10).put("amount", "1,000");
        driver.completeAs(TestOrganization.REP, task, decisions(fixed, "Fixed"));
        ForecastReport report = forecasts.report(cycle.id(), TestOrganization.REP).orElseThrow();
        Assertions.assertThat(report.forecastAmount()).isEqualByComparingTo("13345.00");
        Assertions.assertThat(forecasts.months(report.id())).hasSize(12).last()
                .satisfies(m -> Assertions.assertThat(m.amount()).isEqualByComparingTo("0"));
        driver.assertEnded(SUBMISSION_KEY, key + ":" + TestOrganization.REP);
        Assertions.assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(task.getProcessInstanceId())
                .list()).extracting(v -> v.getName()).doesNotContain(F_MONTHS, F_ACTION_PLAN);
    }

    /** GET /api/cadence/monthly-forecast/tasks/{taskId}: the task's rep and the managers above them; 404 and 403 otherwise. */
    @Test
    void the_forecast_grid_is_read_by_the_tasks_rep_and_their_managers_only_and_a_refusal_through_engine_rest_is_400() {
        LocalDateTime start = LocalDateTime.of(2021, 10, 1, 9, 0);
        setClock(start);
        startCycle(start);
        driver.runDueJobs("2021-10");
        Task task = forecastTask("2021-10", TestOrganization.REP);
        String path = "/api/cadence/monthly-forecast/tasks/" + task.getId();
        Map<String, Object> sheet = RestCalls.call(http, TestOrganization.REP, HttpMethod.GET, path, null, HttpStatus.OK);
        Assertions.assertThat(sheet).containsEntry("cycleKey", "2021-10").containsEntry("firstMonth", "2021-10").containsKeys("months", "weighted");
        Assertions.assertThat((List<?>) sheet.get("months")).hasSize(12);
        RestCalls.call(http, TestOrganization.MANAGER, HttpMethod.GET, path, null, HttpStatus.OK);
        RestCalls.call(http, TestOrganization.LEADER, HttpMethod.GET, path, null, HttpStatus.OK);
        RestCalls.call(http, TestOrganization.TEAMMATE, HttpMethod.GET, path, null, HttpStatus.FORBIDDEN);
        RestCalls.call(http, TestOrganization.OTHER_MANAGER, HttpMethod.GET, path, null, HttpStatus.FORBIDDEN);
        RestCalls.call(http, TestOrganization.REP, HttpMethod.GET, "/api/cadence/monthly-forecast/tasks/no-such-task", null, HttpStatus.NOT_FOUND);

        // as the Tasklist's Complete posts it: transient variables; a refusal is 400 with the message, nothing stored
        List<Map<String, Object>> rows = monthRows(YearMonth.of(2021, 10), "100");
        rows.get(2).put("amount", "-1");
        Map<String, Object> body = Map.of("variables", Map.of(
                F_MONTHS, Map.of("type", "String", "value", Spin.JSON(rows).toString(), "valueInfo", Map.of("transient", true)),
                F_ACTION_PLAN, Map.of("type", "String", "value", "Plan", "valueInfo", Map.of("transient", true))));
        Map<String, Object> refusal = RestCalls.call(http, TestOrganization.REP, HttpMethod.POST, "/engine-rest/task/" + task.getId() + "/submit-form",
                body, HttpStatus.BAD_REQUEST);
        Assertions.assertThat(refusal.get("message").toString()).contains("“2021年12月”的金额不能为负数").contains("The amount of Dec 2021 must not be negative");
        Assertions.assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
        rows.get(2).put("amount", "1");
        Map<String, Object> fixed = Map.of("variables", Map.of(
                F_MONTHS, Map.of("type", "String", "value", Spin.JSON(rows).toString(), "valueInfo", Map.of("transient", true)),
                F_ACTION_PLAN, Map.of("type", "String", "value", "Plan", "valueInfo", Map.of("transient", true))));
        http.withBasicAuth(TestOrganization.REP, TestOrganization.PASSWORD).postForEntity("/engine-rest/task/" + task.getId() + "/submit-form",
                RestCalls.json(fixed), String.class);
        Cycle cycle = cycles.find(Cadence.MONTHLY_FORECAST, "2021-10").orElseThrow();
        Assertions.assertThat(forecasts.report(cycle.id(), TestOrganization.REP).orElseThrow().forecastAmount()).isEqualByComparingTo("1101");
        RestCalls.call(http, TestOrganization.REP, HttpMethod.GET, path, null, HttpStatus.NOT_FOUND);
    }

    @Test
    void a_rep_who_misses_two_months_in_a_row_is_escalated_two_levels_at_the_deadline_and_only_once() {
        // January everyone reports (so the months before are this test's own); February and March Ou Rep misses
        for (LocalDateTime start : List.of(LocalDateTime.of(2024, 1, 2, 9, 0), LocalDateTime.of(2024, 2, 1, 9, 0), LocalDateTime.of(2024, 3, 1, 9, 0))) {
            setClock(start);
            startCycle(start);
            String key = YearMonth.from(start).toString();
            driver.runDueJobs(key);
            submitForecast(key, TestOrganization.REP, "0", "On plan");
            submitForecast(key, TestOrganization.TEAMMATE, "0", "On plan");
            if (start.getMonthValue() == 1) {
                submitForecast(key, TestOrganization.OTHER_REP, "0", "On plan");
            }
            setClock(start.plusHours(72));
            driver.runDueJobs(key);
        }
        Cycle second = cycles.find(Cadence.MONTHLY_FORECAST, "2024-03").orElseThrow();
        long submission = compliance.find(second.id(), TestOrganization.OTHER_REP, ReportType.FORECAST).orElseThrow().id();
        Assertions.assertThat(compliance.escalations(submission)).extracting(Escalation::escalatedTo, Escalation::level)
                .containsExactly(Assertions.tuple(TestOrganization.OTHER_MANAGER, 1), Assertions.tuple(TestOrganization.LEADER, 2));
        Assertions.assertThat(mails(TestOrganization.LEADER, NotificationKind.REPORT_ESCALATED, "2024-03")).hasSize(1);
        Assertions.assertThat(mails(TestOrganization.LEADER, NotificationKind.REPORT_ESCALATED, "2024-02")).as("first miss").isEmpty();
        ProcessInstance instance = driver.instance(SUBMISSION_KEY, "2024-03:" + TestOrganization.OTHER_REP);
        Assertions.assertThat(driver.task(instance, TASK_CHASE_MISSING_FORECAST).getAssignee()).isEqualTo(TestOrganization.OTHER_MANAGER);

        // the second timer finds it escalated that far already: no second level-2 escalation, no second mail
        setClock(LocalDateTime.of(2024, 3, 1, 9, 0).plusHours(96));
        driver.runDueJobs("2024-03");
        assertThat(instance).hasPassed("End_ForecastEscalated");
        Assertions.assertThat(compliance.escalations(submission)).hasSize(2);
        Assertions.assertThat(mails(TestOrganization.LEADER, NotificationKind.REPORT_ESCALATED, "2024-03")).hasSize(1);
    }

    @Test
    void the_deployed_timer_opens_the_cycle_on_the_first_working_day_of_the_month_at_nine() {
        Job start = startTimer();
        LocalDateTime due = toLocal(start.getDuedate());
        Assertions.assertThat(ZoneId.systemDefault()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        Assertions.assertThat(due.toLocalDate()).isEqualTo(firstWorkingDay(YearMonth.from(due)));
        Assertions.assertThat(due.toLocalTime()).hasToString("09:00");

        setClock(due);
        engine.getManagementService().executeJob(start.getId());
        String key = YearMonth.from(due).toString();
        ProcessInstance cycleInstance = driver.instance(KEY, key);
        Cycle cycle = cycles.find(Cadence.MONTHLY_FORECAST, key).orElseThrow();
        Assertions.assertThat(cycle.startsAt()).isEqualTo(due);
        driver.runDueJobs(key);
        assertThat(cycleInstance).isWaitingAt(TIMER_REVIEW_DUE);
        Assertions.assertThat(forecastTask(key, TestOrganization.OTHER_REP)).isNotNull();

        // the next start is the first working day of the next month, wherever the weekend falls
        LocalDateTime next = toLocal(startTimer().getDuedate());
        Assertions.assertThat(next.toLocalDate()).isEqualTo(firstWorkingDay(YearMonth.from(due).plusMonths(1)));
        Assertions.assertThat(next.toLocalTime()).hasToString("09:00");
    }

    // ------------------------------------------------------------------ helpers

    private static LocalDate firstWorkingDay(YearMonth month) {
        LocalDate day = month.atDay(1);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        return day;
    }

    private Job startTimer() {
        return engine.getManagementService().createJobQuery().processDefinitionKey(KEY).timers()
                .list().stream().filter(j -> j.getProcessInstanceId() == null).findFirst().orElseThrow();
    }

    private static ForecastReviewView.Line line(ForecastReviewView view, String name) {
        return view.lines().stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow();
    }

    private ProcessInstance startCycle(LocalDateTime start) {
        return engine.getRuntimeService().startProcessInstanceByKey(KEY, Map.of(CYCLE_START, date(start)));
    }

    /** Submits every month's amount set to {@code amount}, as the grid does (transient variables months and actionPlan). */
    private void submitForecast(String key, String rep, String amount, String actionPlan) {
        Task task = forecastTask(key, rep);
        Cycle cycle = cycles.find(Cadence.MONTHLY_FORECAST, key).orElseThrow();
        driver.completeAs(rep, task, decisions(monthRows(MonthlyForecastService.firstMonth(cycle), amount), actionPlan));
    }

    /** What the grid's Complete posts: the months as one JSON list and the action plan, both transient. */
    private static Map<String, Object> decisions(List<Map<String, Object>> months, String actionPlan) {
        Map<String, Object> fields = new HashMap<>();
        fields.put(F_MONTHS, Variables.stringValue(Spin.JSON(months).toString(), true));
        fields.put(F_ACTION_PLAN, Variables.stringValue(actionPlan, true));
        return fields;
    }

    /** The 12 months as the grid posts them: {month, amount}. */
    private static List<Map<String, Object>> monthRows(YearMonth first, String amount) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("month", first.plusMonths(i).toString());
            row.put("amount", amount);
            rows.add(row);
        }
        return rows;
    }

    private Task forecastTask(String key, String rep) {
        return driver.task(driver.instance(SUBMISSION_KEY, key + ":" + rep), TASK_SUBMIT_MONTHLY_FORECAST);
    }

    /** Opens a deal for {@code owner}; {@code stage} moves it to a later stage of the stage model (null: the first). */
    private long openDeal(String owner, String amount, LocalDate closes, String stage) {
        var account = TestOrganization.account(accounts, owner);
        var lead = leads.create(new NewLead(account.id(), owner, "Monthly forecast test", "test", new BigDecimal(amount)));
        long id = leads.qualify(lead.id(), new Qualification(true, "Approved", "CIO", "Manual planning", "This year", null,
                "Forecast test deal " + System.nanoTime(), new BigDecimal(amount), closes)).opportunityId();
        if (stage != null) {
            jdbc.sql("update opportunity set stage_code = ? where id = ?").params(stage, id).update();
        }
        return id;
    }

    private SubmissionStatus status(Cycle cycle, String person) {
        return compliance.find(cycle.id(), person, ReportType.FORECAST).orElseThrow().status();
    }

    private List<OutboxMessage> mails(String recipient, NotificationKind kind, String cycleKey) {
        return notifications.forRecipient(recipient, 500).stream()
                .filter(m -> m.kind() == kind && (m.subject() + m.body()).contains(cycleKey)).toList();
    }

}
