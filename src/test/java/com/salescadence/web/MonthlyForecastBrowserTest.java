package com.salescadence.web;

import static com.salescadence.workflow.MonthlyForecastProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.salescadence.cadence.Cadence;
import com.salescadence.cadence.Cycle;
import com.salescadence.cadence.CycleService;
import com.salescadence.cadence.forecast.ForecastMonth;
import com.salescadence.cadence.forecast.ForecastReport;
import com.salescadence.cadence.forecast.ForecastReview;
import com.salescadence.cadence.forecast.ForecastReviewService;
import com.salescadence.cadence.forecast.MonthlyForecastService;
import com.salescadence.organization.OrganizationAdministration;
import com.salescadence.organization.OrganizationService;
import com.salescadence.pipeline.AccountService;
import com.salescadence.pipeline.LeadService;
import com.salescadence.pipeline.NewLead;
import com.salescadence.pipeline.Qualification;
import com.salescadence.support.CadenceIntegrationTest;
import com.salescadence.support.TestOrganization;
import com.salescadence.web.browser.Chromium;
import com.salescadence.web.browser.Tasklist;
import com.salescadence.workflow.TaskActions;
import com.salescadence.web.browser.TasklistBrowserTestBase;

/**
 * The monthly forecast in the Camunda Tasklist in headless Chromium: the rep sees the 12 months' pipeline
 * in a table and twelve amount fields labelled by month and prefilled with the weighted pipeline, changes
 * three of them and completes the task; then the manager reviews the team's forecast.
 */
@CadenceIntegrationTest
class MonthlyForecastBrowserTest extends TasklistBrowserTestBase {

    @Autowired OrganizationService organization;
    @Autowired OrganizationAdministration administration;
    @Autowired AccountService accounts;
    @Autowired LeadService leads;
    @Autowired TaskActions tasks;
    @Autowired TaskService taskService;
    @Autowired HistoryService history;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired CycleService cycles;
    @Autowired MonthlyForecastService forecasts;
    @Autowired ForecastReviewService reviews;

    @BeforeEach
    void setUp() {
        TestOrganization.ensure(organization, administration);
        TestOrganization.speak(administration, "en"); // the assertions read the English texts
    }

    @Test
    void a_rep_submits_the_12_month_forecast_in_the_tasklist_and_the_manager_reviews_it() {
        // given a month ahead (this test's own, its timers not due) and a deal of 200,000 closing in its 4th month
        // (within the close-date horizon of 10 years: the deal closes in that month's 4th month)
        YearMonth first = YearMonth.now().plusMonths(ThreadLocalRandom.current().nextInt(12, 96));
        YearMonth fourth = first.plusMonths(3);
        String dealName = "Warehouse robots " + System.nanoTime();
        leads.qualify(leads.create(new NewLead(TestOrganization.account(accounts, TestOrganization.REP).id(), TestOrganization.REP,
                dealName, "Web", TestOrganization.amount("200000"))).id(), new Qualification(true, "Approved", "COO",
                "Manual picking", "Next year", null, dealName, TestOrganization.amount("200000"), fourth.atDay(10)));
        runtime.startProcessInstanceByKey(KEY, Map.of(CYCLE_START, Date.from(first.atDay(1).atTime(9, 0)
                .atZone(ZoneId.systemDefault()).toInstant())));
        runJobsOfCycle(first.toString());
        Cycle cycle = cycles.find(Cadence.MONTHLY_FORECAST, first.toString()).orElseThrow();
        String task = tasks.openTaskFor(cycle.cycleKey() + ":" + TestOrganization.REP, TASK_SUBMIT_MONTHLY_FORECAST,
                TestOrganization.REP).getId();
        String weighted = new BigDecimal(taskService.getVariable(task, amountField(4)).toString()).setScale(2).toPlainString();
        assertThat(new BigDecimal(weighted)).as("the deal's weighted amount").isPositive().isLessThan(new BigDecimal("200000"));

        // the rep opens it: the table lists the 12 months, the amount fields are labelled by month and prefilled
        tasklist.signIn(TestOrganization.REP, TestOrganization.PASSWORD);
        tasklist.openFilter("My tasks");
        tasklist.openTask(task, "Submit 12-month forecast");
        tasklist.waitForForm();
        assertThat(tasklist.fieldValue("Your pipeline and last month")).contains("Forecast " + first);
        assertThat(tasklist.tableText("Your pipeline by expected close month")).contains("Month 1: " + first)
                .contains("Month 4: " + fourth).contains("200000.00").contains(weighted).contains("Month 12: " + first.plusMonths(11));
        assertThat(new BigDecimal(tasklist.fieldValue("Month 4: " + fourth))).as("prefilled with the weighted pipeline")
                .isEqualByComparingTo(weighted);
        assertThat(new BigDecimal(tasklist.fieldValue("Month 2: " + first.plusMonths(1)))).isEqualByComparingTo("0");

        // changes three months, writes the action plan and completes
        tasklist.type("Month 1: " + first, "1000");
        tasklist.type("Month 4: " + fourth, "150000");
        tasklist.type("Month 12: " + first.plusMonths(11), "2500.5");
        tasklist.type("Monthly action plan", "Demo the robots at the COO's site; two new leads a week");
        tasklist.screenshot("monthly-forecast-1-rep-submits");
        tasklist.complete();
        tasklist.waitUntilTaskIsGone(task);
        assertThat(history.createHistoricTaskInstanceQuery().taskId(task).finished().count()).isEqualTo(1);

        ForecastReport report = forecasts.report(cycle.id(), TestOrganization.REP).orElseThrow();
        assertThat(report.forecastAmount()).isEqualByComparingTo("153500.50");
        assertThat(report.actionPlan()).isEqualTo("Demo the robots at the COO's site; two new leads a week");
        List<ForecastMonth> months = forecasts.months(report.id());
        assertThat(months).hasSize(12);
        assertThat(months.get(0).amount()).isEqualByComparingTo("1000");
        assertThat(months.get(3).amount()).isEqualByComparingTo("150000");
        assertThat(months.get(3).pipelineAmount()).isEqualByComparingTo("200000");
        assertThat(months.get(3).weightedAmount()).isEqualByComparingTo(weighted);
        assertThat(months.get(1).amount()).isEqualByComparingTo("0");
        assertThat(months.get(11).amount()).isEqualByComparingTo("2500.50");
        tasklist.signOut();

        // the review opens (its timer run now): the manager sees the rep's forecast and records the review
        Job reviewDue = management.createJobQuery().timers().processInstanceId(cycle.processInstanceId()).singleResult();
        management.executeJob(reviewDue.getId());
        runJobsOfCycle(first.toString());
        String review = tasks.openTaskFor(cycle.cycleKey() + ":" + TestOrganization.MANAGER, TASK_REVIEW_MONTHLY_FORECAST,
                TestOrganization.MANAGER).getId();
        tasklist.signIn(TestOrganization.MANAGER, TestOrganization.PASSWORD);
        tasklist.openFilter("My tasks");
        tasklist.openTask(review, "Forecast review");
        tasklist.waitForForm();
        assertThat(tasklist.tableText("Per rep and team")).contains("Ren Rep").contains("153500.50");
        tasklist.type("Review notes", "Ren: robots deal on track; teammates to submit today");
        tasklist.screenshot("monthly-forecast-2-manager-reviews");
        tasklist.complete();
        tasklist.waitUntilTaskIsGone(review);

        ForecastReview stored = reviews.review(cycle.id(), TestOrganization.MANAGER).orElseThrow();
        assertThat(stored.notes()).isEqualTo("Ren: robots deal on track; teammates to submit today");
        assertThat(stored.forecastAmount()).isGreaterThanOrEqualTo(new BigDecimal("153500.50"));
    }

    /** Executes the due jobs of the cycle's instances (the batches are asynchronous); the cycle's timers are far ahead. */
    private void runJobsOfCycle(String cycleKey) {
        for (int i = 0; i < 50; i++) {
            List<Job> due = management.createJobQuery().executable().list().stream()
                    .filter(j -> j.getProcessInstanceId() != null && j.getProcessDefinitionKey().startsWith(KEY))
                    .filter(j -> runtime.createProcessInstanceQuery().processInstanceId(j.getProcessInstanceId())
                            .processInstanceBusinessKeyLike(cycleKey + "%").count() > 0)
                    .toList();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> management.executeJob(job.getId()));
        }
    }
}
