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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

import com.salescadence.cadence.Cadence;
import com.salescadence.cadence.Cycle;
import com.salescadence.cadence.CycleService;
import com.salescadence.cadence.forecast.ForecastMonth;
import com.salescadence.cadence.forecast.ForecastMonths;
import com.salescadence.cadence.forecast.ForecastReport;
import com.salescadence.cadence.forecast.ForecastReview;
import com.salescadence.cadence.forecast.ForecastReviewService;
import com.salescadence.cadence.forecast.MonthlyForecastService;
import com.salescadence.organization.OrganizationAdministration;
import com.salescadence.organization.OrganizationService;
import com.salescadence.organization.Person;
import com.salescadence.organization.Role;
import com.salescadence.pipeline.AccountService;
import com.salescadence.pipeline.AccountTier;
import com.salescadence.pipeline.LeadService;
import com.salescadence.pipeline.NewLead;
import com.salescadence.pipeline.Qualification;
import com.salescadence.support.CadenceIntegrationTest;
import com.salescadence.support.TestOrganization;
import com.salescadence.web.browser.FormGrid;
import com.salescadence.workflow.TaskActions;
import com.salescadence.web.browser.TasklistBrowserTestBase;

/**
 * The monthly forecast in the Camunda Tasklist in headless Chromium, once in Chinese and once in English: the rep's
 * grid (forms/submit-monthly-forecast.html) shows one row per month named as the rep reads it, its pipeline and the
 * amount prefilled with the weighted pipeline, and the running total; a negative amount is refused by the form at its
 * row, an amount with three decimals by the server (400) at its row in the rep's language with everything typed
 * kept; the corrected forecast is stored month by month. The manager then reviews the team's forecasts in the same
 * language (forms/review-monthly-forecast.html: figures, statuses and flags read from the API and worded in the form).
 * Screenshots under target/screenshots/.
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
        TestOrganization.speak(administration, "en"); // the manager's review reads the English texts
    }

    @AfterEach
    void englishAgain() {
        TestOrganization.speak(administration, "en", TestOrganization.MANAGER); // (the zh journey's manager read Chinese)
    }

    @Test
    void a_rep_submits_the_12_month_forecast_in_the_grid_and_the_manager_reviews_it_in_chinese() {
        journey("zh", 12, "最多只能有两位小数", "您的 12 个月预测：");
    }

    @Test
    void a_rep_submits_the_12_month_forecast_in_the_grid_and_the_manager_reviews_it_in_english() {
        journey("en", 54, "may have at most two decimals", "Your 12-month forecast:");
    }

    private void journey(String language, int monthsAhead, String serverRefusal, String totalsLabel) {
        boolean zh = "zh".equals(language);
        // given a rep speaking that language, a month ahead (this test's own, its timers not due) and a deal of
        // 200,000 closing in its 4th month
        String rep = "t.fc." + language + "." + System.nanoTime() % 100000;
        administration.add(new Person(rep, zh ? "许明" : "Xu Ming", rep + "@test.local", Role.REP, TestOrganization.MANAGER, null),
                TestOrganization.PASSWORD);
        TestOrganization.speak(administration, language, rep);
        YearMonth first = YearMonth.now().plusMonths(monthsAhead + ThreadLocalRandom.current().nextInt(0, 40));
        YearMonth fourth = first.plusMonths(3);
        String dealName = (zh ? "仓库机器人 " : "Warehouse robots ") + System.nanoTime();
        long accountId = accounts.create((zh ? "新华书店 " : "Northwind ") + System.nanoTime(), AccountTier.KEY, "Retail", rep).id();
        leads.qualify(leads.create(new NewLead(accountId, rep, dealName, "Web", TestOrganization.amount("200000"))).id(),
                new Qualification(true, "Approved", "COO", "Manual picking", "Next year", null, dealName,
                        TestOrganization.amount("200000"), fourth.atDay(10)));
        runtime.startProcessInstanceByKey(KEY, Map.of(CYCLE_START, Date.from(first.atDay(1).atTime(9, 0)
                .atZone(ZoneId.systemDefault()).toInstant())));
        runJobsOfCycle(first.toString());
        Cycle cycle = cycles.find(Cadence.MONTHLY_FORECAST, first.toString()).orElseThrow();
        String task = tasks.openTaskFor(cycle.cycleKey() + ":" + rep, TASK_SUBMIT_MONTHLY_FORECAST, rep).getId();
        BigDecimal weighted = forecasts.sheet(rep, cycle).months().get(3).weighted();
        assertThat(weighted).as("the deal's weighted amount").isPositive().isLessThan(new BigDecimal("200000"));

        // the rep opens it: 12 rows named by month in the rep's language, the 4th prefilled with its weighted pipeline
        tasklist.signIn(rep, TestOrganization.PASSWORD);
        browser().get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + task);
        FormGrid grid = new FormGrid(browser(), tasklist).waitForRows(12);
        String month1 = name(first, zh), month4 = name(fourth, zh), month12 = name(first.plusMonths(11), zh);
        assertThat(grid.text()).contains(month1, month4, month12, "200,000", zh ? "按赢率加权" : "Weighted", zh ? "合计" : "Total");
        assertThat(grid.amount(month4)).isEqualTo(String.format(java.util.Locale.ROOT, "%,.0f", weighted));
        assertThat(grid.amount(name(first.plusMonths(1), zh))).isEqualTo("0");
        assertThat(grid.text("#mf-totals")).contains(totalsLabel);
        assertThat(grid.fitsSideways()).as("the grid fits the Tasklist's form pane").isTrue();
        tasklist.screenshot("monthly-forecast-grid-" + language + "-1-opened");

        // a negative amount is refused by the form at its row; nothing is submitted
        grid.amount(month1, "-5");
        grid.type("#mf-action-plan", zh ? "在客户现场演示机器人；每周两个新线索" : "Demo the robots at the COO's site; two new leads a week");
        tasklist.completeInEitherLanguage();
        grid.waitForProblem(zh ? "不能为负数" : "must not be negative");
        assertThat(grid.rowOfProblem(zh ? "不能为负数" : "must not be negative")).isEqualTo(month1);
        tasklist.screenshot("monthly-forecast-grid-" + language + "-2-refused-in-the-row");
        assertThat(taskService.createTaskQuery().taskId(task).count()).isEqualTo(1);

        // an amount with three decimals passes the form and is refused by the server, at its row, in the rep's language
        grid.amount(month1, "1000");
        grid.amount(month12, "2500.505");
        tasklist.completeInEitherLanguage();
        String refusal = grid.waitForProblem(serverRefusal);
        if (zh) {
            assertThat(refusal).as("the Chinese half of the server's message").doesNotContain("may have at most two decimals");
        }
        assertThat(grid.rowOfProblem(serverRefusal)).isEqualTo(month12);
        tasklist.screenshot("monthly-forecast-grid-" + language + "-3-refused-by-the-server");
        assertThat(grid.amount(month1)).as("what the rep typed stays").isEqualTo("1,000");
        assertThat(taskService.createTaskQuery().taskId(task).count()).as("the task stays open").isEqualTo(1);

        // corrected: the running total follows, and the forecast is stored month by month
        grid.amount(month12, "2500.5");
        grid.amount(month4, "150,000");
        grid.scrollTo("#mf-totals");
        assertThat(grid.text("#mf-totals")).contains(totalsLabel + " 153,500.5");
        tasklist.screenshot("monthly-forecast-grid-" + language + "-4-before-complete");
        tasklist.completeInEitherLanguage();
        tasklist.waitUntilTaskIsGone(task);
        assertThat(history.createHistoricTaskInstanceQuery().taskId(task).finished().count()).isEqualTo(1);

        ForecastReport report = forecasts.report(cycle.id(), rep).orElseThrow();
        assertThat(report.forecastAmount()).isEqualByComparingTo("153500.50");
        assertThat(report.actionPlan()).contains(zh ? "演示机器人" : "Demo the robots");
        List<ForecastMonth> months = forecasts.months(report.id());
        assertThat(months).hasSize(12);
        assertThat(months.get(0).amount()).isEqualByComparingTo("1000");
        assertThat(months.get(3).amount()).isEqualByComparingTo("150000");
        assertThat(months.get(3).pipelineAmount()).isEqualByComparingTo("200000");
        assertThat(months.get(3).weightedAmount()).isEqualByComparingTo(weighted);
        assertThat(months.get(1).amount()).isEqualByComparingTo("0");
        assertThat(months.get(11).amount()).isEqualByComparingTo("2500.50");
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(submissionInstance(cycle.cycleKey() + ":" + rep)).list())
                .extracting(v -> v.getName()).doesNotContain(F_MONTHS, F_ACTION_PLAN);
        tasklist.signOut();

        // the review opens (its timer run now): the manager, speaking the same language, reads the team's forecasts in
        // the review's grid (forms/review-monthly-forecast.html) and records the review
        Job reviewDue = management.createJobQuery().timers().processInstanceId(cycle.processInstanceId()).singleResult();
        management.executeJob(reviewDue.getId());
        runJobsOfCycle(first.toString());
        String review = tasks.openTaskFor(cycle.cycleKey() + ":" + TestOrganization.MANAGER, TASK_REVIEW_MONTHLY_FORECAST,
                TestOrganization.MANAGER).getId();
        assertThat(taskService.getVariablesLocal(review)).as("the task holds no brief and no rows").isEmpty();
        TestOrganization.speak(administration, language, TestOrganization.MANAGER);
        tasklist.signIn(TestOrganization.MANAGER, TestOrganization.PASSWORD);
        browser().get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + review);
        FormGrid team = new FormGrid(browser(), tasklist);
        String repRow = team.row(zh ? "许明" : "Xu Ming").getText();
        assertThat(repRow).as("the rep's row: status, forecast, pipeline").contains(zh ? "按时提交" : "on time", "153,501", "200,000");
        assertThat(team.text()).contains(zh ? "12 个月预测" : "12-month forecast", zh ? "管道 / 目标" : "Pipeline / target",
                zh ? "警示" : "Flags", zh ? "团队合计" : "Team total", zh ? "未提交预测" : "no forecast submitted");
        assertThat(team.text("#fr-brief")).contains(zh ? "月度预测 " + cycle.cycleKey() : "Monthly forecast " + cycle.cycleKey());
        assertThat(team.text("#fr-checks")).contains(zh ? "管道至少为目标的 150%" : "pipeline is at least 150% of the target");
        // the form's own texts in the manager's language only (the reps' names are whatever they are), no code shown as it is
        String labels = String.join("\n", team.text("table.cf-grid thead"), team.text("#fr-brief"), team.text("#fr-checks"),
                team.text("#fr-totals"), team.text("label[for=fr-notes]"));
        assertThat(labels).doesNotContainPattern(zh ? "[A-Za-z]{2,}" : "\\p{IsHan}");
        assertThat(team.text("form[name=reviewMonthlyForecast]")).doesNotContain("ON_TIME", "DUE", "LOW_COVERAGE", "NO_FORECAST", "COMPLETE");
        tasklist.screenshot("monthly-forecast-review-" + language + "-1-opened");

        // no notes: refused by the form at the notes; then the review is recorded with the notes typed
        tasklist.completeInEitherLanguage();
        team.waitForProblem(zh ? "请填写评审记录。" : "Write the review notes.");
        assertThat(browser().findElement(By.xpath("//div[contains(@class,'cf-problem')]/preceding-sibling::*[1]")).getAttribute("id"))
                .as("shown at the notes").isEqualTo("fr-notes");
        String notes = zh ? "许明：机器人项目进展顺利；其他人今天提交" : "Xu: robots deal on track; teammates to submit today";
        team.type("#fr-notes", notes);
        tasklist.screenshot("monthly-forecast-review-" + language + "-2-notes");
        tasklist.completeInEitherLanguage();
        tasklist.waitUntilTaskIsGone(review);

        ForecastReview stored = reviews.review(cycle.id(), TestOrganization.MANAGER).orElseThrow();
        assertThat(stored.notes()).isEqualTo(notes);
        assertThat(stored.forecastAmount()).isGreaterThanOrEqualTo(new BigDecimal("153500.50"));
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(
                history.createHistoricTaskInstanceQuery().taskId(review).singleResult().getProcessInstanceId()).list())
                .as("the notes were posted as a transient variable").extracting(v -> v.getName())
                .doesNotContain(F_REVIEW_NOTES, "reviewBrief", "reviewRows");
        tasklist.signOut();
    }

    /** A month as the rep reads it in the grid: 2027年1月 or Jan 2027. */
    private static String name(YearMonth month, boolean zh) {
        return zh ? ForecastMonths.chinese(month) : ForecastMonths.english(month);
    }

    private String submissionInstance(String businessKey) {
        return history.createHistoricProcessInstanceQuery().processDefinitionKey(SUBMISSION_KEY).processInstanceBusinessKey(businessKey)
                .singleResult().getId();
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
