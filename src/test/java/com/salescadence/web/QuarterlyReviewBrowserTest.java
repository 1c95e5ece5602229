package com.salescadence.web;

import static com.salescadence.workflow.QuarterlyReviewProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import com.salescadence.cadence.Cadence;
import com.salescadence.cadence.Cycle;
import com.salescadence.cadence.CycleService;
import com.salescadence.cadence.process.CycleTimers;
import com.salescadence.cadence.quarterly.ManagerReview;
import com.salescadence.cadence.quarterly.QuarterlyReview;
import com.salescadence.cadence.quarterly.QuarterlyReviewService;
import com.salescadence.cadence.quarterly.QuarterlyTarget;
import com.salescadence.organization.OrganizationAdministration;
import com.salescadence.organization.OrganizationService;
import com.salescadence.organization.Person;
import com.salescadence.organization.QuotaService;
import com.salescadence.organization.Role;
import com.salescadence.pipeline.AccountService;
import com.salescadence.pipeline.AccountTier;
import com.salescadence.support.CadenceIntegrationTest;
import com.salescadence.support.TestOrganization;
import com.salescadence.workflow.TaskActions;
import com.salescadence.web.browser.FormGrid;
import com.salescadence.web.browser.TasklistBrowserTestBase;

/**
 * The manager's quarterly review in the Camunda Tasklist, in headless Chromium: the embedded form
 * forms/run-quarterly-review.html reads one row per rep from the API (any team size: 26 here, the old form
 * stopped at 20), in English and in Chinese; a refusal is shown at its row with every input kept; the
 * decisions are posted as transient variables and become the reps' next-quarter quotas.
 */
@CadenceIntegrationTest
class QuarterlyReviewBrowserTest extends TasklistBrowserTestBase {

    @Autowired OrganizationService organization;
    @Autowired OrganizationAdministration administration;
    @Autowired TaskActions tasks;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired HistoryService history;
    @Autowired CycleService cycles;
    @Autowired CycleTimers timers;
    @Autowired QuarterlyReviewService reviews;
    @Autowired QuotaService quotas;
    @Autowired AccountService accounts;

    @BeforeEach
    void setUp() {
        TestOrganization.ensure(organization, administration);
        TestOrganization.speak(administration, "en"); // the assertions read the English texts
    }

    @Test
    void a_manager_holds_the_quarterly_review_in_the_tasklist_and_sets_every_reps_target() {
        // given the review of 2027-Q4 (a quarter no other test uses): the rep prepared with a proposal, the teammate did not
        Cycle cycle = openReview(LocalDateTime.of(2028, 1, 10, 9, 0), "2027-Q4");
        tasks.complete(cycle.cycleKey() + ":" + TestOrganization.REP, TASK_PREPARE_QUARTERLY_REVIEW, TestOrganization.REP,
                Map.of(F_NEXT_QUARTER_PLAN, "Two framework deals with the utilities", F_PROPOSED_TARGET, "130000"));
        String reviewTask = managerTask(cycle, TestOrganization.MANAGER);

        // the manager opens the review: one row per rep read from the API, the rep's proposal prefilled
        tasklist.signIn(TestOrganization.MANAGER, TestOrganization.PASSWORD);
        tasklist.openFilter("My tasks");
        tasklist.openTask(reviewTask, "Run quarterly review");
        WebElement grid = waitForGrid(2);
        assertThat(browser().findElement(By.id("qr-brief")).getText()).contains("Quarter under review: 2027-Q4")
                .contains("Team of 2, 1 prepared");
        assertThat(grid.getText()).contains("Ren Rep", "on time", "Two framework deals with the utilities", "130,000",
                "Tang Teammate", "(not prepared)", "Next-quarter target", "Outcome of the review");
        assertThat(target(TestOrganization.REP).getDomProperty("value")).isEqualTo("130000");
        assertThat(target(TestOrganization.TEAMMATE).getDomProperty("value")).isEmpty();

        // keeps the rep's proposal, sets the teammate's target, records both outcomes and the notes
        outcome(TestOrganization.REP).sendKeys("Leads the utilities account team");
        target(TestOrganization.TEAMMATE).sendKeys("95,000");
        outcome(TestOrganization.TEAMMATE).sendKeys("Pipeline coaching every Monday");
        browser().findElement(By.id("qr-notes")).sendKeys("Award: Ren Rep, deal of the quarter");
        assertThat(browser().findElement(By.id("qr-totals")).getText()).contains("Next-quarter targets in total: 225,000");
        tasklist.screenshot("quarterly-review-1-run-quarterly-review-en");
        clickComplete();
        tasklist.waitFor("the review to be completed", d -> history.createHistoricTaskInstanceQuery().taskId(reviewTask).finished().count() == 1);
        tasklist.screenshot("quarterly-review-2-completed-en");

        ManagerReview recorded = reviews.managerReview(cycle.id(), TestOrganization.MANAGER).orElseThrow();
        assertThat(recorded.notes()).isEqualTo("Award: Ren Rep, deal of the quarter");
        assertThat(reviews.targets(recorded.id()))
                .extracting(QuarterlyTarget::personId, QuarterlyTarget::targetQuarter, QuarterlyTarget::outcome)
                .containsExactlyInAnyOrder(tuple(TestOrganization.REP, "2028-Q1", "Leads the utilities account team"),
                        tuple(TestOrganization.TEAMMATE, "2028-Q1", "Pipeline coaching every Monday"));
        assertThat(quotas.find(TestOrganization.REP, "2028-Q1").orElseThrow().quotaAmount()).isEqualByComparingTo("130000");
        assertThat(quotas.find(TestOrganization.TEAMMATE, "2028-Q1").orElseThrow().quotaAmount()).isEqualByComparingTo("95000");
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(history.createHistoricTaskInstanceQuery()
                .taskId(reviewTask).singleResult().getProcessInstanceId()).list())
                .as("the decisions were posted as transient variables: never stored, not even in history")
                .extracting(v -> v.getName()).doesNotContain(F_TARGETS, F_REVIEW_NOTES);
    }

    @Test
    void a_manager_of_26_reps_reviews_them_in_chinese_and_a_refused_target_is_shown_at_its_row_with_the_input_kept() {
        // a team larger than the old form's 20 slots, whose manager reads Chinese
        administration.add(new Person(BIG_MANAGER, "秦经理", BIG_MANAGER + "@test.local", Role.MANAGER, TestOrganization.LEADER, null),
                TestOrganization.PASSWORD);
        for (int i = 1; i <= BIG_TEAM; i++) {
            administration.add(new Person(bigRep(i), "秦代表" + String.format("%02d", i), bigRep(i) + "@test.local", Role.REP, BIG_MANAGER, null),
                    TestOrganization.PASSWORD);
        }
        TestOrganization.speak(administration, "zh", BIG_MANAGER);
        Cycle cycle = openReview(LocalDateTime.of(2028, 4, 10, 9, 0), "2028-Q1");
        tasks.complete(cycle.cycleKey() + ":" + bigRep(1), TASK_PREPARE_QUARTERLY_REVIEW, bigRep(1),
                Map.of(F_NEXT_QUARTER_PLAN, "与三家电力公司签框架协议", F_PROPOSED_TARGET, "130000"));
        String reviewTask = managerTask(cycle, BIG_MANAGER);

        tasklist.signIn(BIG_MANAGER, TestOrganization.PASSWORD);
        browser().get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + reviewTask);
        WebElement grid = waitForGrid(BIG_TEAM);
        assertThat(grid.getText()).contains("销售代表", "下季度目标", "评审结果", "秦代表01", "秦代表26", "按时提交", "与三家电力公司签框架协议",
                "130,000", "（未准备）");
        assertThat(browser().findElement(By.id("qr-brief")).getText()).contains("评审季度：2028-Q1", "团队 26 人，已准备 1 人");

        // Complete with 25 targets missing: refused in the form, at each row; nothing is submitted
        clickComplete();
        // the form's own check stands (a submission it prevented is not sent to the server's check)
        tasklist.waitFor("'请填写下季度目标。' under each of the 25 rows without a target", d -> {
            try {
                List<String> problems = d.findElements(By.cssSelector("tr.cf-problem")).stream().map(WebElement::getText).toList();
                return problems.size() == BIG_TEAM - 1 && problems.stream().allMatch("请填写下季度目标。"::equals);
            } catch (org.openqa.selenium.StaleElementReferenceException redrawn) {
                return false;
            }
        });
        assertThat(tasks.openTaskFor(cycle.cycleKey() + ":" + BIG_MANAGER, TASK_RUN_QUARTERLY_REVIEW, BIG_MANAGER).getId()).isEqualTo(reviewTask);

        // every target typed, one with three decimals: the server refuses it, the reason at that row, every input kept
        for (int i = 2; i <= BIG_TEAM; i++) {
            target(bigRep(i)).sendKeys(i == 7 ? "90000.125" : String.valueOf(100000 + i * 1000));
        }
        outcome(bigRep(1)).sendKeys("带领电力行业客户小组");
        clickComplete();
        // the refusal is shown at once from the Tasklist's message ("秦代表07：…"), then as the server's check of the rows tells it
        WebElement problem = tasklist.waitFor("the server's reason at the row of 秦代表07", d -> d.findElements(By.cssSelector("tr.cf-problem")).stream()
                .filter(p -> p.getText().equals("下季度目标最多只能有两位小数。")).findFirst().orElse(null));
        assertThat(problem.getText()).isEqualTo("下季度目标最多只能有两位小数。");
        assertThat(browser().findElements(By.cssSelector("tr.cf-problem"))).hasSize(1);
        WebElement rowAbove = problem.findElement(By.xpath("preceding-sibling::tr[1]"));
        assertThat(rowAbove.getText()).contains("秦代表07");
        assertThat(target(bigRep(7)).getDomProperty("value")).isEqualTo("90000.125");
        assertThat(target(bigRep(26)).getDomProperty("value")).isEqualTo("126000");
        assertThat(outcome(bigRep(1)).getDomProperty("value")).isEqualTo("带领电力行业客户小组");
        assertThat(reviews.managerReview(cycle.id(), BIG_MANAGER)).as("nothing stored").isEmpty();
        tasklist.screenshot("quarterly-review-3-refused-at-the-row-zh");

        target(bigRep(7)).clear();
        target(bigRep(7)).sendKeys("90000");
        browser().findElement(By.id("qr-notes")).sendKeys("季度之星：秦代表01");
        tasklist.screenshot("quarterly-review-4-run-quarterly-review-26-reps-zh");
        clickComplete();
        tasklist.waitFor("the review to be completed", d -> history.createHistoricTaskInstanceQuery().taskId(reviewTask).finished().count() == 1);

        ManagerReview recorded = reviews.managerReview(cycle.id(), BIG_MANAGER).orElseThrow();
        assertThat(recorded.notes()).isEqualTo("季度之星：秦代表01");
        assertThat(reviews.targets(recorded.id())).hasSize(BIG_TEAM);
        assertThat(quotas.find(bigRep(1), "2028-Q2").orElseThrow().quotaAmount()).isEqualByComparingTo("130000");
        assertThat(quotas.find(bigRep(7), "2028-Q2").orElseThrow().quotaAmount()).isEqualByComparingTo("90000");
        assertThat(quotas.find(bigRep(26), "2028-Q2").orElseThrow().quotaAmount()).isEqualByComparingTo("126000");
    }

    @Test
    void a_rep_prepares_the_quarterly_review_in_chinese() {
        prepare("zh", LocalDateTime.of(2028, 7, 10, 9, 0), "2028-Q2", "2028-Q3");
    }

    @Test
    void a_rep_prepares_the_quarterly_review_in_english() {
        prepare("en", LocalDateTime.of(2028, 10, 9, 9, 0), "2028-Q3", "2028-Q4");
    }

    /**
     * "Prepare quarterly review" (forms/prepare-quarterly-review.html) in the rep's language: the quarter's figures, the
     * flags and the key accounts read from the API; an empty plan refused by the form, a target with three decimals by
     * the server, each at its field with the input kept; the plan and the target stored, not the instance's variables.
     */
    private void prepare(String language, LocalDateTime start, String quarter, String nextQuarter) {
        boolean zh = "zh".equals(language);
        // a rep of a team of its own (the other tests count the reps of their managers)
        if (organization.findPerson(PREP_MANAGER).isEmpty()) {
            administration.add(new Person(PREP_MANAGER, "Qi Manager", PREP_MANAGER + "@test.local", Role.MANAGER, TestOrganization.LEADER, null),
                    TestOrganization.PASSWORD);
        }
        String rep = "t.qp." + language + "." + System.nanoTime() % 100000;
        administration.add(new Person(rep, zh ? "钱多多" : "Qian Duoduo", rep + "@test.local", Role.REP, PREP_MANAGER, null),
                TestOrganization.PASSWORD);
        TestOrganization.speak(administration, language, rep);
        String accountName = (zh ? "新华书店 " : "Northwind ") + System.nanoTime();
        accounts.create(accountName, AccountTier.KEY, zh ? "零售" : "Retail", rep);
        quotas.set(rep, quarter, new BigDecimal("100000"), new BigDecimal("120000"), "CNY");
        quotas.set(rep, nextQuarter, new BigDecimal("110000"), new BigDecimal("130000"), "CNY");
        Cycle cycle = openReview(start, quarter);
        String task = tasks.openTaskFor(cycle.cycleKey() + ":" + rep, TASK_PREPARE_QUARTERLY_REVIEW, rep).getId();

        tasklist.signIn(rep, TestOrganization.PASSWORD);
        browser().get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + task);
        WebElement results = tasklist.waitFor("the quarter's figures", d -> d.findElements(By.cssSelector("#qp-results table.cf-grid tbody tr"))
                .size() == 6 ? d.findElement(By.cssSelector("#qp-results table.cf-grid")) : null);
        assertThat(results.getText()).contains(zh ? "配额" : "Quota", "100,000", "120,000", "110,000", zh ? "完成 0%" : "reached 0%",
                zh ? "无法计算" : "no figure", nextQuarter);
        assertThat(browser().findElement(By.id("qp-brief")).getText()).contains(zh ? "评审季度：" + quarter : "Quarter under review: " + quarter);
        assertThat(browser().findElement(By.id("qp-flags")).getText()).contains(zh ? "未完成配额：完成 0%" : "Below quota: 0% reached");
        assertThat(browser().findElement(By.cssSelector("#qp-accounts table.cf-grid")).getText()).contains(accountName, zh ? "零售" : "Retail",
                zh ? "重点客户" : "Key account");
        String form = browser().findElement(By.cssSelector("form[name=prepareQuarterlyReview]")).getText();
        if (zh) {
            assertThat(form).doesNotContain("Quota", "Key account", "plan for the next quarter");
        } else {
            assertThat(form).doesNotContainPattern("\\p{IsHan}");
        }
        tasklist.screenshot("quarterly-prepare-" + language + "-1-opened");

        // an empty plan: refused by the form at the plan; nothing is submitted
        clickComplete();
        FormGrid fields = new FormGrid(browser(), tasklist);
        fields.waitForProblem(zh ? "请填写下一季度的计划。" : "Write your plan for the next quarter.");
        assertThat(reviews.review(cycle.id(), rep)).isEmpty();

        // a target with three decimals passes the form and is refused by the server at the target, in the rep's language
        String plan = zh ? "与新华书店签框架协议；每周两个新线索" : "Framework deal with Northwind; two new leads a week";
        fields.type("#qp-plan", plan);
        fields.type("#qp-target", "150000.505");
        clickComplete();
        String refusal = fields.waitForProblem(zh ? "建议的下季度目标最多只能有两位小数。" : "Proposed next-quarter target may have at most two decimals.");
        assertThat(refusal).doesNotContain(zh ? "decimals" : "小数");
        assertThat(browser().findElement(By.xpath("//div[contains(@class,'cf-problem')]/preceding-sibling::*[1]")).getAttribute("id"))
                .as("shown at the target").isEqualTo("qp-target");
        assertThat(fields.value("#qp-plan")).as("the plan typed stays").isEqualTo(plan);
        assertThat(fields.value("#qp-target").replace(",", "")).as("the target typed stays").isEqualTo("150000.505");
        assertThat(reviews.review(cycle.id(), rep)).as("nothing stored").isEmpty();
        tasklist.screenshot("quarterly-prepare-" + language + "-2-refused-at-the-target");

        fields.type("#qp-target", "150,000");
        clickComplete();
        tasklist.waitFor("the preparation to be completed", d -> history.createHistoricTaskInstanceQuery().taskId(task).finished().count() == 1);
        QuarterlyReview stored = reviews.review(cycle.id(), rep).orElseThrow();
        assertThat(stored.nextQuarterPlan()).isEqualTo(plan);
        assertThat(stored.proposedTarget()).isEqualByComparingTo("150000");
        assertThat(stored.quotaAmount()).isEqualByComparingTo("100000");
        assertThat(stored.keyAccounts()).contains(accountName);
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(history.createHistoricTaskInstanceQuery()
                .taskId(task).singleResult().getProcessInstanceId()).list())
                .as("the decisions were posted as transient variables").extracting(v -> v.getName())
                .doesNotContain(F_NEXT_QUARTER_PLAN, F_PROPOSED_TARGET, "quarterBrief", "keyAccounts");
        tasklist.signOut();
    }

    private static final String PREP_MANAGER = "t.qp.mgr";
    private static final int BIG_TEAM = 26;
    private static final String BIG_MANAGER = "t.qbr.mgr";

    private static String bigRep(int i) {
        return "t.qbr.rep" + String.format("%02d", i);
    }

    private Cycle openReview(LocalDateTime start, String quarter) {
        runtime.startProcessInstanceByKey(KEY, Map.of(CYCLE_START, Date.from(start.atZone(ZoneId.systemDefault()).toInstant())));
        runJobsOfQuarterlyCycles();
        return cycles.find(Cadence.QUARTERLY_REVIEW, quarter).orElseThrow();
    }

    /** The reminder, the preparation deadline and the start of the managers' reviews fire (as an admin walking the quarter would). */
    private String managerTask(Cycle cycle, String manager) {
        String managerKey = cycle.cycleKey() + ":" + manager;
        for (int i = 0; i < 5 && runtime.createProcessInstanceQuery().processDefinitionKey(MANAGER_REVIEW_KEY)
                .processInstanceBusinessKey(managerKey).count() == 0; i++) {
            timers.fireNext(cycle);
            runJobsOfQuarterlyCycles();
        }
        return tasks.openTaskFor(managerKey, TASK_RUN_QUARTERLY_REVIEW, manager).getId();
    }

    private WebElement waitForGrid(int reps) {
        return tasklist.waitFor("the grid with a row per rep", d -> {
            List<WebElement> rows = d.findElements(By.cssSelector("table.cf-grid tbody tr[data-key]"));
            return rows.size() == reps ? d.findElement(By.cssSelector("table.cf-grid")) : null;
        });
    }

    private WebElement target(String personId) {
        return browser().findElement(By.cssSelector("input[name='target-" + personId + "']"));
    }

    private WebElement outcome(String personId) {
        return browser().findElement(By.cssSelector("input[name='outcome-" + personId + "']"));
    }

    private void clickComplete() {
        WebElement button = tasklist.waitFor("the Complete button", d -> d.findElements(
                By.xpath("//button[normalize-space()='Complete' or normalize-space()='完成']")).stream().findFirst().orElse(null));
        ((org.openqa.selenium.JavascriptExecutor) browser()).executeScript("arguments[0].scrollIntoView({block: 'center'});", button);
        tasklist.waitFor("the Complete button to be enabled", d -> button.isEnabled());
        // the Tasklist's notification of the refusal before may cover the button (a person closes it first)
        ((org.openqa.selenium.JavascriptExecutor) browser()).executeScript("arguments[0].click();", button);
    }

    private void runJobsOfQuarterlyCycles() {
        for (int i = 0; i < 50 && !executableQuarterlyJobs().isEmpty(); i++) {
            executableQuarterlyJobs().forEach(job -> management.executeJob(job.getId()));
        }
    }

    private List<Job> executableQuarterlyJobs() {
        return management.createJobQuery().executable().list().stream()
                .filter(j -> j.getProcessInstanceId() != null && j.getProcessDefinitionKey().startsWith("quarterly-")).toList();
    }
}
