package com.salescadence.web;

import static com.salescadence.workflow.AccountPlanProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

import com.salescadence.cadence.accountplan.AccountPlan;
import com.salescadence.cadence.accountplan.AccountPlanRevisions;
import com.salescadence.cadence.accountplan.AccountPlanService;
import com.salescadence.cadence.accountplan.PlanContent;
import com.salescadence.cadence.accountplan.PlanVersion;
import com.salescadence.cadence.accountplan.PlanVersionStatus;
import com.salescadence.cadence.accountplan.TierReview;
import com.salescadence.cadence.accountplan.TierReviewService;
import com.salescadence.organization.OrganizationAdministration;
import com.salescadence.organization.OrganizationService;
import com.salescadence.organization.Person;
import com.salescadence.organization.Role;
import com.salescadence.pipeline.Account;
import com.salescadence.pipeline.AccountService;
import com.salescadence.pipeline.AccountTier;
import com.salescadence.support.CadenceIntegrationTest;
import com.salescadence.support.TestOrganization;
import com.salescadence.web.browser.Chromium;
import com.salescadence.web.browser.Tasklist;
import com.salescadence.workflow.TaskActions;
import com.salescadence.web.browser.FormGrid;
import com.salescadence.web.browser.TasklistBrowserTestBase;

/**
 * The account plan forms in the Camunda Tasklist in headless Chromium: a manager completes the yearly
 * review of the team's accounts (the embedded form forms/annual-tier-review.html: one row per second-tier
 * account read from the API, any number: 41 here, the old form stopped at 30), in English and in Chinese,
 * and the owner writes the key-account plan.
 */
@CadenceIntegrationTest
class AccountPlanTasklistBrowserTest extends TasklistBrowserTestBase {

    @Autowired OrganizationService organization;
    @Autowired OrganizationAdministration administration;
    @Autowired AccountService accounts;
    @Autowired RuntimeService runtime;
    @Autowired TaskService taskService;
    @Autowired TaskActions tasks;
    @Autowired TierReviewService tierReviews;
    @Autowired AccountPlanRevisions revisions;
    @Autowired AccountPlanService plans;

    @BeforeEach
    void setUp() {
        TestOrganization.ensure(organization, administration);
        TestOrganization.speak(administration, "en"); // the assertions read the English texts
    }

    @Test
    void a_manager_completes_the_yearly_account_review_in_the_tasklist_one_note_per_second_tier_account() {
        // given a team of its own: two second-tier accounts and one other account, and the manager's yearly review
        String suffix = String.valueOf(System.nanoTime() % 1_000_000);
        String manager = "t.review" + suffix;
        String rep = "t.reviewrep" + suffix;
        administration.add(new Person(manager, "Rita Review", manager + "@test.local", Role.MANAGER, TestOrganization.LEADER, null),
                TestOrganization.PASSWORD);
        administration.add(new Person(rep, "Remo Review", rep + "@test.local", Role.REP, manager, null), TestOrganization.PASSWORD);
        TestOrganization.speak(administration, "en", manager, rep);
        List<Account> second = new ArrayList<>();
        second.add(accounts.create("Harbour Retail " + suffix, AccountTier.SECOND, "Retail", rep));
        second.add(accounts.create("Valley Foods " + suffix, AccountTier.SECOND, "Retail", rep));
        Account other = accounts.create("Corner Shop " + suffix, AccountTier.OTHER, "Retail", rep);
        ProcessInstance review = runtime.startProcessInstanceByKey(TIER_REVIEW_KEY, "account-plans:2016:" + manager,
                Map.of(MANAGER_ID, manager, PLAN_YEAR, 2016, CYCLE_START, new Date()));
        Task task = taskService.createTaskQuery().processInstanceId(review.getId()).singleResult();

        // the manager opens it: one row per second-tier account read from the API, the other account named for the collective review
        tasklist.signIn(manager, TestOrganization.PASSWORD);
        tasklist.openFilter("My tasks");
        tasklist.openTask(task.getId(), "Yearly account review");
        WebElement grid = waitForTierGrid(2);
        assertThat(browser().findElement(By.id("tr-brief")).getText()).contains("2 second-tier account(s)", "1 other account(s)");
        assertThat(grid.getText()).contains(second.get(0).name(), second.get(1).name(), "Account no. " + second.get(0).id(), "Remo Review",
                "Yearly review");
        assertThat(browser().findElement(By.id("tr-others")).getText()).contains(other.name());

        // writes one review per account and the collective review, and completes the task
        notes(second.get(0)).sendKeys("Grew 12 %, renew the frame contract");
        notes(second.get(1)).sendKeys("Lost the tender, keep in touch");
        browser().findElement(By.id("tr-collective-notes")).sendKeys("Served by the partner; no action");
        tasklist.screenshot("account-plan-1-yearly-review-en");
        clickComplete();
        tasklist.waitFor("the review to end", d -> runtime.createProcessInstanceQuery().processInstanceId(review.getId()).count() == 0);
        tasklist.screenshot("account-plan-2-yearly-review-completed-en");

        List<TierReview> recorded = tierReviews.reviews(2016, manager);
        assertThat(recorded).hasSize(3);
        assertThat(recorded).filteredOn(r -> r.accountId() != null && r.accountId() == second.get(0).id()).singleElement()
                .satisfies(r -> assertThat(r.notes()).isEqualTo("Grew 12 %, renew the frame contract"));
        assertThat(recorded).filteredOn(r -> r.accountId() != null && r.accountId() == second.get(1).id()).singleElement()
                .satisfies(r -> assertThat(r.notes()).isEqualTo("Lost the tender, keep in touch"));
        assertThat(recorded).filteredOn(r -> r.accountId() == null).singleElement().satisfies(r -> {
            assertThat(r.tier()).isEqualTo(AccountTier.OTHER);
            assertThat(r.accountCount()).isEqualTo(1);
            assertThat(r.notes()).isEqualTo("Served by the partner; no action");
        });
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(review.getId()).count()).as("the review ended").isZero();
    }

    @Test
    void a_manager_reviews_41_second_tier_accounts_in_chinese_and_a_row_left_empty_is_refused_at_its_row() {
        String suffix = String.valueOf(System.nanoTime() % 1_000_000);
        String manager = "t.many" + suffix;
        String rep = "t.manyrep" + suffix;
        administration.add(new Person(manager, "穆经理", manager + "@test.local", Role.MANAGER, TestOrganization.LEADER, null),
                TestOrganization.PASSWORD);
        administration.add(new Person(rep, "穆代表", rep + "@test.local", Role.REP, manager, null), TestOrganization.PASSWORD);
        TestOrganization.speak(administration, "zh", manager, rep);
        List<Account> second = new ArrayList<>();
        for (int i = 1; i <= 41; i++) {
            second.add(accounts.create("华北零售 " + suffix + " 第" + i + "号", AccountTier.SECOND, "零售", rep));
        }
        ProcessInstance review = runtime.startProcessInstanceByKey(TIER_REVIEW_KEY, "account-plans:2015:" + manager,
                Map.of(MANAGER_ID, manager, PLAN_YEAR, 2015, CYCLE_START, new Date()));
        Task task = taskService.createTaskQuery().processInstanceId(review.getId()).singleResult();

        tasklist.signIn(manager, TestOrganization.PASSWORD);
        browser().get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + task.getId());
        WebElement grid = waitForTierGrid(41);
        assertThat(grid.getText()).contains("客户", "负责人", "年度评审", "穆代表", second.get(40).name(), "客户编号 " + second.get(40).id());
        assertThat(browser().findElement(By.id("tr-brief")).getText()).contains("2015 年：41 个第二层级客户逐一评审，0 个其他客户集体评审");

        // 40 reviews written, the 33rd left empty: refused in the form at that row, every review kept
        for (int i = 0; i < 41; i++) {
            if (i != 32) {
                notes(second.get(i)).sendKeys("第" + (i + 1) + "号：稳定");
            }
        }
        clickComplete();
        WebElement problem = tasklist.waitFor("the problem under the empty row", ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("tr.cf-problem")));
        assertThat(problem.getText()).isEqualTo("请填写对该客户的年度评审。");
        assertThat(browser().findElements(By.cssSelector("tr.cf-problem"))).hasSize(1);
        assertThat(problem.findElement(By.xpath("preceding-sibling::tr[1]")).getText()).contains(second.get(32).name());
        assertThat(notes(second.get(40)).getDomProperty("value")).isEqualTo("第41号：稳定");
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).as("still open").isEqualTo(1);
        tasklist.screenshot("account-plan-3-yearly-review-41-accounts-refused-zh");

        notes(second.get(32)).sendKeys("第33号：流失风险，季度拜访");
        clickComplete();
        tasklist.waitFor("the review to end", d -> runtime.createProcessInstanceQuery().processInstanceId(review.getId()).count() == 0);
        List<TierReview> recorded = tierReviews.reviews(2015, manager);
        assertThat(recorded).hasSize(41);
        assertThat(recorded).filteredOn(r -> r.accountId() == second.get(32).id()).singleElement()
                .satisfies(r -> assertThat(r.notes()).isEqualTo("第33号：流失风险，季度拜访"));
    }

    private WebElement waitForTierGrid(int accounts) {
        return tasklist.waitFor("the grid with a row per second-tier account", d -> {
            List<WebElement> rows = d.findElements(By.cssSelector("table.cf-grid tbody tr[data-key]"));
            return rows.size() == accounts ? d.findElement(By.cssSelector("table.cf-grid")) : null;
        });
    }

    private WebElement notes(Account account) {
        return browser().findElement(By.cssSelector("textarea[name='notes-" + account.id() + "']"));
    }

    private void clickComplete() {
        WebElement button = tasklist.waitFor("the Complete button", d -> d.findElements(
                By.xpath("//button[normalize-space()='Complete' or normalize-space()='完成']")).stream().findFirst().orElse(null));
        ((org.openqa.selenium.JavascriptExecutor) browser()).executeScript("arguments[0].scrollIntoView({block: 'center'});", button);
        button.click();
    }

    @Test
    void the_owner_writes_the_key_account_plan_with_its_5_year_grid_in_chinese() {
        writePlan("zh", "最多只能有两位小数", "5 年合计");
    }

    @Test
    void the_owner_writes_the_key_account_plan_with_its_5_year_grid_in_english() {
        writePlan("en", "may have at most two decimals", "5-year total");
    }

    /**
     * The owner opens "Write the account plan" (forms/develop-account-plan.html): the plan's context read from the API,
     * the sections, and one row per forecast year named by the year with the running total; a negative year is refused by
     * the form at its row, an amount with three decimals by the server at its row in the owner's language with everything
     * typed kept; then the plan is stored as a submitted version.
     */
    private void writePlan(String language, String serverRefusal, String totalLabel) {
        boolean zh = "zh".equals(language);
        String rep = "t.plan." + language + "." + System.nanoTime() % 100000;
        administration.add(new Person(rep, zh ? "许明" : "Xu Ming", rep + "@test.local", Role.REP, TestOrganization.MANAGER, null),
                TestOrganization.PASSWORD);
        TestOrganization.speak(administration, language, rep);
        Account account = accounts.create((zh ? "北方物流 " : "Northern Logistics ") + System.nanoTime(), AccountTier.KEY, "Logistics", rep);
        int year = LocalDate.now().getYear();
        ProcessInstance revision = revisions.start(account.id(), year,
                Date.from(LocalDate.now().atStartOfDay(ZoneId.systemDefault()).toInstant()));
        String direction = zh ? "成为他们的主要物流伙伴" : "Become their main logistics partner";
        tasks.complete(revision.getBusinessKey(), TASK_PREPARE_PLAN, TestOrganization.LEADER, Map.of(F_DIRECTION,
                direction, F_TIMELINE, zh ? "三月前完成计划" : "Plan by March", F_DEVELOP_WEEKS, 10L));
        String develop = tasks.openTaskFor(revision.getBusinessKey(), TASK_DEVELOP_PLAN, rep).getId();

        // the owner opens it: the account and the direction, the sections, one row per year from the plan year on
        tasklist.signIn(rep, TestOrganization.PASSWORD);
        browser().get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + develop);
        FormGrid grid = new FormGrid(browser(), tasklist).waitForRows(5);
        String[] years = new String[5];
        for (int i = 0; i < 5; i++) {
            years[i] = zh ? (year + i) + " 年" : String.valueOf(year + i);
        }
        assertThat(grid.text("#ap-facts")).contains(account.name(), direction, zh ? "许明" : "Xu Ming");
        assertThat(grid.text()).contains(years[0], years[4], zh ? "第 1 年（计划年度）" : "Year 1 (plan year)", totalLabel);
        assertThat(grid.fitsSideways()).as("the grid fits the Tasklist's form pane").isTrue();
        tasklist.screenshot("account-plan-write-" + language + "-1-opened");

        // writes every section and the five years; a negative year is refused by the form at its row
        String[] sections = zh
                ? new String[] {"从运输扩展到仓储", "交叉销售仓储；参加 2028 年的招标", "第二年有招标", "拥有 2000 家门店的零售商", "钱包份额从 20% 提高到 30%", "四人团队，每季度高层会议"}
                : new String[] {"Grow from transport to warehousing", "Cross-sell warehousing; bid for the 2028 tender", "Tender in the second year",
                        "Retailer with 2000 stores", "Share of wallet from 20 % to 30 %", "Team of four, quarterly executive meeting"};
        String[] ids = {"executiveSummary", "strategicOptions", "businessRisks", "customerAnalysis", "goalsObjectives", "actionsResources"};
        for (int i = 0; i < ids.length; i++) {
            grid.type("#ap-" + ids[i], sections[i]);
        }
        grid.type("#ap-appendix", zh ? "客户组织结构图" : "Org chart of the customer");
        String[] forecast = {"1,000,000", "1,100,000", "-1", "1,400,000", "1,600,000"};
        for (int i = 0; i < 5; i++) {
            grid.amount(years[i], forecast[i]);
        }
        tasklist.completeInEitherLanguage();
        String negative = zh ? "不能为负数" : "must not be negative";
        grid.waitForProblem(negative);
        assertThat(grid.rowOfProblem(negative)).startsWith(years[2]);
        tasklist.screenshot("account-plan-write-" + language + "-2-refused-in-the-row");

        // three decimals pass the form and are refused by the server, at the year's row, in the owner's language
        grid.amount(years[2], "1250000.125");
        tasklist.completeInEitherLanguage();
        String refusal = grid.waitForProblem(serverRefusal);
        if (zh) {
            assertThat(refusal).doesNotContain("may have at most two decimals");
        }
        assertThat(grid.rowOfProblem(serverRefusal)).startsWith(years[2]);
        assertThat(grid.value("#ap-executiveSummary")).as("what the owner wrote stays").isEqualTo(sections[0]);
        tasklist.screenshot("account-plan-write-" + language + "-3-refused-by-the-server");
        assertThat(taskService.createTaskQuery().taskId(develop).count()).as("the task stays open").isEqualTo(1);

        grid.amount(years[2], "1,250,000");
        grid.scrollTo("#ap-grid");
        assertThat(grid.text()).contains("6,350,000");
        tasklist.screenshot("account-plan-write-" + language + "-4-before-complete");
        tasklist.completeInEitherLanguage();
        tasklist.waitUntilTaskIsGone(develop);

        AccountPlan plan = plans.find(account.id(), year).orElseThrow();
        PlanVersion version = plans.latest(plan.id()).orElseThrow();
        assertThat(version.versionNo()).isEqualTo(1);
        assertThat(version.status()).isEqualTo(PlanVersionStatus.SUBMITTED);
        PlanContent content = version.content();
        assertThat(content.executiveSummary()).isEqualTo(sections[0]);
        assertThat(content.customerAnalysis()).isEqualTo(sections[3]);
        assertThat(content.actionsResources()).isEqualTo(sections[5]);
        assertThat(content.appendix()).isEqualTo(zh ? "客户组织结构图" : "Org chart of the customer");
        String[] stored = {"1000000", "1100000", "1250000", "1400000", "1600000"};
        for (int i = 0; i < stored.length; i++) {
            assertThat(content.forecastYear(i + 1)).as("forecast year " + (i + 1)).isEqualByComparingTo(stored[i]);
        }
        assertThat(tasks.openTaskFor(revision.getBusinessKey(), TASK_REVIEW_PLAN, TestOrganization.LEADER))
                .as("the senior manager reviews it next").isNotNull();
        runtime.deleteProcessInstance(revision.getId(), "test done");
    }
}
