package com.salescadence.web;

import static com.salescadence.workflow.LeadToCashProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.salescadence.organization.OrganizationAdministration;
import com.salescadence.organization.OrganizationService;
import com.salescadence.pipeline.AccountService;
import com.salescadence.pipeline.Opportunity;
import com.salescadence.pipeline.OpportunityService;
import com.salescadence.pipeline.deal.DealChangeService;
import com.salescadence.pipeline.deal.DealField;
import com.salescadence.pipeline.process.LeadIntake;
import com.salescadence.support.CadenceIntegrationTest;
import com.salescadence.support.QualifiedDeals;
import com.salescadence.support.TestOrganization;
import com.salescadence.web.browser.Chromium;
import com.salescadence.web.browser.Tasklist;
import com.salescadence.workflow.TaskActions;

/**
 * Issue 13's deal journey in a real browser, once in Chinese and once in English: the rep goes from the Tasklist's
 * header to "My deals", opens the deal, changes its close date in place (a date in the past is refused beside the
 * field), opens the deal's stage task from the deal page and asks to advance; the manager finds the approval by the
 * deal's name in the Tasklist, approves, and comments on the deal's page.
 */
@CadenceIntegrationTest
class DealsBrowserTest {

    @LocalServerPort int port;
    @Autowired OrganizationService organization;
    @Autowired OrganizationAdministration administration;
    @Autowired AccountService accounts;
    @Autowired OpportunityService opportunities;
    @Autowired DealChangeService changes;
    @Autowired LeadIntake intake;
    @Autowired TaskActions tasks;

    private WebDriver browser;

    @BeforeAll
    static void chromiumIsInstalled() {
        Chromium.requireInstalled();
    }

    @BeforeEach
    void people() {
        TestOrganization.ensure(organization, administration);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void in_chinese_a_rep_edits_the_close_date_in_place_and_asks_to_advance_and_the_manager_approves() {
        TestOrganization.speak(administration, "zh", TestOrganization.REP, TestOrganization.MANAGER);
        journey("zh-CN", "zh", "新华书店", "仓储自动化", new Texts("我的商机", "已经过去", "预计成交日期", "完成", "名称",
                "推进阶段「识别机会」：", "审批推进到 确认机会：", "确认机会"));
    }

    @Test
    void in_english_a_rep_edits_the_close_date_in_place_and_asks_to_advance_and_the_manager_approves() {
        TestOrganization.speak(administration, "en", TestOrganization.REP, TestOrganization.MANAGER);
        journey("en-US", "en", "Xinhua Bookstores", "Warehouse automation", new Texts("My deals", "is in the past",
                "Expected close date", "Complete", "Name", "Work the stage Identify opportunity: ",
                "Approve advance to Validate opportunity: ", "Validate opportunity"));
    }

    record Texts(String dealsLink, String pastRefusal, String closeDateLabel, String complete, String nameSearch,
                 String workPrefix, String approvePrefix, String validateStage) {
    }

    private void journey(String browserLanguage, String lang, String accountWord, String dealWord, Texts texts) {
        String suffix = String.valueOf(System.nanoTime() % 1_000_000);
        String dealName = dealWord + " " + suffix;
        String businessKey = qualifiedDeal(accountWord + " " + suffix, dealName);
        Opportunity deal = opportunities.listVisibleTo(TestOrganization.REP).stream()
                .filter(o -> String.valueOf(o.leadId()).equals(businessKey)).findFirst().orElseThrow();
        String workTask = tasks.openTaskFor(businessKey, TASK_WORK_STAGE, TestOrganization.REP).getId();
        LocalDate newClose = deal.expectedCloseDate().plusWeeks(3);

        browser = Chromium.start(browserLanguage);
        Tasklist tasklist = new Tasklist(browser, port);
        warmUp();
        tasklist.signIn(TestOrganization.REP, TestOrganization.PASSWORD);

        // the Tasklist's header leads to "My deals": the board by stage, the deal in Identify
        WebElement link = tasklist.waitFor("the My deals link in the header",
                ExpectedConditions.elementToBeClickable(By.cssSelector("a.cadence-deals-link")));
        tasklist.waitFor("the link to read '" + texts.dealsLink() + "'", d -> link.getText().contains(texts.dealsLink()));
        link.click();
        tasklist.waitFor("the board", ExpectedConditions.attributeToBe(By.tagName("body"), "data-loaded", "true"));
        WebElement card = tasklist.waitFor("the deal's card", ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".column[data-stage='IDENTIFY'] a.deal-card[data-deal='" + deal.id() + "']")));
        assertThat(card.getText()).contains(dealName).contains("449,000");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(texts.dealsLink());
        tasklist.screenshot("deals-" + lang + "-1-rep-board");
        browser.findElement(By.id("tab-list")).click();
        tasklist.waitFor("the list with totals", ExpectedConditions.textToBePresentInElementLocated(By.id("table-deals"), dealName));
        tasklist.screenshot("deals-" + lang + "-2-rep-list");
        browser.findElement(By.id("tab-board")).click();
        tasklist.waitFor("the deal's card", ExpectedConditions.elementToBeClickable(
                By.cssSelector("a.deal-card[data-deal='" + deal.id() + "']"))).click();

        // the deal page: a close date in the past is refused beside the field, the rep's value kept
        tasklist.waitFor("the deal page", ExpectedConditions.attributeToBe(By.tagName("body"), "data-loaded", String.valueOf(deal.id())));
        tasklist.waitFor("the close date", ExpectedConditions.elementToBeClickable(By.id("value-closeDate"))).click();
        setDate(tasklist, LocalDate.now().minusDays(2));
        browser.findElement(By.id("save-closeDate")).click();
        WebElement refusal = tasklist.waitFor("the refusal beside the close date",
                ExpectedConditions.visibilityOfElementLocated(By.id("error-closeDate")));
        assertThat(refusal.getText()).contains(texts.pastRefusal());
        assertThat(refusal.getText().contains(" / ")).as("one language at a time: " + refusal.getText()).isFalse();
        tasklist.screenshot("deals-" + lang + "-3-rep-past-date-refused");
        assertThat(opportunities.get(deal.id()).expectedCloseDate()).isEqualTo(deal.expectedCloseDate());

        // a valid date is saved and kept in the change log
        setDate(tasklist, newClose);
        browser.findElement(By.id("save-closeDate")).click();
        tasklist.waitFor("the new close date", ExpectedConditions.textToBe(By.id("value-closeDate"), newClose.toString()));
        tasklist.waitFor("the change in the log", ExpectedConditions.textToBePresentInElementLocated(By.id("table-changes"),
                texts.closeDateLabel()));
        tasklist.screenshot("deals-" + lang + "-4-rep-close-date-changed");
        assertThat(opportunities.get(deal.id()).expectedCloseDate()).isEqualTo(newClose);
        assertThat(changes.changes(deal.id(), TestOrganization.REP)).singleElement().satisfies(c -> {
            assertThat(c.field()).isEqualTo(DealField.CLOSE_DATE);
            assertThat(c.newValue()).isEqualTo(newClose.toString());
        });

        // the deal's open stage task opens in the Tasklist; the rep asks to advance
        tasklist.waitFor("the stage task on the deal page", ExpectedConditions.elementToBeClickable(
                By.cssSelector("a.task-link[data-task='" + workTask + "']"))).click();
        tasklist.waitFor("the task '" + texts.workPrefix() + "' to open", ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".task-details h2.task, .task-card h2.task"), texts.workPrefix()));
        tasklist.waitForForm();
        tasklist.choose("What do you want to do?", "Ask my manager to advance");
        tasklist.choose("Verifiable outcomes reached", "Customer's business and need understood");
        tasklist.choose("Verifiable outcomes reached", "Market information confirmed with the customer");
        tasklist.type("Evidence for the outcomes", "CIO confirmed the need on site");
        tasklist.type("Probability you claim", "25");
        tasklist.screenshot("deals-" + lang + "-5-rep-asks-to-advance");
        tasklist.complete(texts.complete());
        tasklist.waitFor("the stage task to be completed",
                d -> approvalWaits(businessKey));
        tasklist.signOut();

        // the manager finds the approval by the deal's name and approves
        String approval = tasks.openTaskFor(businessKey, TASK_APPROVE_STAGE_ADVANCE, TestOrganization.MANAGER).getId();
        tasklist.signIn(TestOrganization.MANAGER, TestOrganization.PASSWORD);
        tasklist.openFilter("My tasks");
        tasklist.searchTaskName(texts.nameSearch(), dealName);
        tasklist.openTask(approval, texts.approvePrefix());
        tasklist.waitForForm();
        tasklist.choose("Your decision", "Approve the advance");
        tasklist.type("Comment for the rep", "Evidence checked");
        tasklist.screenshot("deals-" + lang + "-6-manager-approves");
        tasklist.complete(texts.complete());
        tasklist.waitUntilTaskIsGone(approval);
        tasklist.waitFor("the deal to move to Validate", d -> "VALIDATE".equals(opportunities.get(deal.id()).stageCode()));

        // the manager reads the deal's page (read-only terms) and comments
        browser.get("http://localhost:" + port + "/deals/deal.html?id=" + deal.id());
        tasklist.waitFor("the deal page", ExpectedConditions.attributeToBe(By.tagName("body"), "data-loaded", String.valueOf(deal.id())));
        assertThat(browser.findElement(By.id("deal-meta")).getText()).contains(texts.validateStage());
        assertThat(browser.findElements(By.cssSelector("#terms .editable"))).as("a manager does not edit the rep's deal").isEmpty();
        browser.findElement(By.id("comment-text")).sendKeys("Push for the PO this month");
        browser.findElement(By.id("comment-add")).click();
        tasklist.waitFor("the comment", ExpectedConditions.textToBePresentInElementLocated(By.id("comments"), "Push for the PO this month"));
        tasklist.screenshot("deals-" + lang + "-7-manager-deal-page");
    }

    /**
     * The first load of the Tasklist after the application started fetches and compiles all its scripts: on a busy
     * machine longer than the 30 s each step of the journey may take. Waits for the sign-in form once, longer.
     */
    private void warmUp() {
        browser.get("http://localhost:" + port + "/camunda/app/tasklist/");
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(180))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form[name=signinForm] input[type=password]")));
    }

    private boolean approvalWaits(String businessKey) {
        try {
            return tasks.openTaskFor(businessKey, TASK_APPROVE_STAGE_ADVANCE, TestOrganization.MANAGER) != null;
        } catch (com.salescadence.common.NotFoundException e) {
            return false;
        }
    }

    /** Sets the date input as a date picker would (its typed format depends on the browser's locale). */
    private void setDate(Tasklist tasklist, LocalDate date) {
        WebElement input = tasklist.waitFor("the date field", ExpectedConditions.visibilityOfElementLocated(By.id("input-closeDate")));
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", input, date.toString());
    }

    private String qualifiedDeal(String accountName, String dealName) {
        return QualifiedDeals.open(accounts, intake, tasks, accountName, dealName);
    }
}
