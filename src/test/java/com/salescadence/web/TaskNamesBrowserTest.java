package com.salescadence.web;

import static com.salescadence.workflow.LeadToCashProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.salescadence.organization.OrganizationAdministration;
import com.salescadence.organization.OrganizationService;
import com.salescadence.pipeline.AccountService;
import com.salescadence.pipeline.process.LeadIntake;
import com.salescadence.support.CadenceIntegrationTest;
import com.salescadence.support.QualifiedDeals;
import com.salescadence.support.TestOrganization;
import com.salescadence.web.browser.Chromium;
import com.salescadence.web.browser.Tasklist;
import com.salescadence.workflow.TaskActions;

/**
 * The Tasklist in the person's language with task names that say what they are about: a rep and a manager who
 * read Chinese, in a zh-CN browser, and the same people reading English in an English browser. The manager finds
 * the approval by the deal's name in the Tasklist's search (task name like).
 */
@CadenceIntegrationTest
class TaskNamesBrowserTest {


    @LocalServerPort int port;
    @Autowired OrganizationService organization;
    @Autowired OrganizationAdministration administration;
    @Autowired AccountService accounts;
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
    void in_a_chinese_browser_a_chinese_rep_and_manager_read_the_tasklist_and_the_task_names_in_chinese() {
        TestOrganization.speak(administration, "zh", TestOrganization.REP, TestOrganization.MANAGER);
        journey("zh-CN", "zh", "新华书店", "仓储自动化", "推进阶段「识别机会」：", "审批推进到 确认机会：", "完成", "名称",
                "批准推进", "已提交", "从线索到回款", "Lead to cash");
    }

    @Test
    void in_an_english_browser_an_english_rep_and_manager_read_the_tasklist_and_the_task_names_in_english() {
        TestOrganization.speak(administration, "en", TestOrganization.REP, TestOrganization.MANAGER);
        journey("en-US", "en", "Xinhua Bookstores", "Warehouse automation", "Work the stage Identify opportunity: ",
                "Approve advance to Validate opportunity: ", "Complete", "Name", "Approve the advance", "Submitted", "Lead to cash",
                "从线索到回款");
    }

    /** The rep sees the stage task named after the deal; the manager finds the approval by searching the deal's name. */
    private void journey(String browserLanguage, String lang, String accountWord, String dealWord, String workPrefix,
                         String approvePrefix, String completeLabel, String nameSearchType, String approveOption,
                         String submitted, String processName, String otherLanguageProcessName) {
        String suffix = String.valueOf(System.nanoTime() % 1_000_000);
        String account = accountWord + " " + suffix;
        String dealName = dealWord + " " + suffix;
        String businessKey = qualifiedDeal(account, dealName);
        String workTask = tasks.openTaskFor(businessKey, TASK_WORK_STAGE, TestOrganization.REP).getId();
        String deal = account + " – " + dealName + ", 449,000";

        browser = Chromium.start(browserLanguage);
        Tasklist tasklist = new Tasklist(browser, port);
        tasklist.signIn(TestOrganization.REP, TestOrganization.PASSWORD);
        tasklist.openFilter("My tasks");
        // the shared filters and the process's name read in Chinese and English; no Camunda 8 banner for business users
        assertThat(tasklist.filterNames()).contains("我的任务 / My tasks", "我的组 / My groups", "我可见的全部 / All I may see");
        // the process's name ("从线索到回款 / Lead to cash" in the model) in the page's language only
        tasklist.waitFor("the process name in the page's language", d -> {
            String card = tasklist.taskEntryText(workTask);
            return card.contains(processName) && !card.contains(otherLanguageProcessName);
        });
        assertThat(browser.findElements(By.cssSelector(".ce-eol-banner")).stream().filter(WebElement::isDisplayed)).isEmpty();
        tasklist.openTask(workTask, workPrefix + deal);
        tasklist.waitForForm();
        waitForChrome(tasklist, completeLabel);
        tasklist.screenshot("tasknames-" + lang + "-1-rep-work-the-stage");
        tasklist.signOut();

        tasks.complete(businessKey, TASK_WORK_STAGE, TestOrganization.REP, Map.of(F_STAGE_ACTION, "advance",
                F_OUTCOMES_MET, "NEED_UNDERSTOOD,MARKET_INFO_CONFIRMED", F_EVIDENCE, "Confirmed by the CIO", F_CLAIMED_PROBABILITY, "25"));
        String approval = tasks.openTaskFor(businessKey, TASK_APPROVE_STAGE_ADVANCE, TestOrganization.MANAGER).getId();
        // a second deal of the team waits for approval too: the search must pick the right one
        String otherKey = qualifiedDeal(accountWord + " other " + suffix, "Other " + suffix);
        tasks.complete(otherKey, TASK_WORK_STAGE, TestOrganization.REP, Map.of(F_STAGE_ACTION, "advance",
                F_OUTCOMES_MET, "NEED_UNDERSTOOD,MARKET_INFO_CONFIRMED", F_EVIDENCE, "Confirmed by the CFO", F_CLAIMED_PROBABILITY, "25"));
        String otherApproval = tasks.openTaskFor(otherKey, TASK_APPROVE_STAGE_ADVANCE, TestOrganization.MANAGER).getId();

        tasklist.signIn(TestOrganization.MANAGER, TestOrganization.PASSWORD);
        tasklist.openFilter("My tasks");
        waitForChrome(tasklist, null);
        tasklist.searchTaskName(nameSearchType, dealName);
        tasklist.waitUntilTaskIsGone(otherApproval);
        tasklist.openTask(approval, approvePrefix + deal + (lang.equals("zh") ? "（" : " (") + "Ren Rep");
        tasklist.waitForForm();
        waitForChrome(tasklist, completeLabel);
        tasklist.screenshot("tasknames-" + lang + "-2-manager-finds-the-approval");

        // the manager approves: the Tasklist confirms the completion with a short notice in the person's language
        tasklist.choose("Your decision", approveOption);
        tasklist.complete(completeLabel);
        assertThat(tasklist.waitForNotification(submitted)).contains(submitted);
        tasklist.waitUntilTaskIsGone(approval);
        tasklist.screenshot("tasknames-" + lang + "-3-manager-approved-submitted");
    }

    /** The Tasklist's own texts are in the expected language: the Complete button, the search field's placeholder. */
    private static void waitForChrome(Tasklist tasklist, String completeLabel) {
        if (completeLabel != null) {
            tasklist.waitFor("the button '" + completeLabel + "'", ExpectedConditions.visibilityOfElementLocated(
                    By.xpath("//button[normalize-space()='" + completeLabel + "']")));
        }
    }

    private String qualifiedDeal(String accountName, String dealName) {
        return QualifiedDeals.open(accounts, intake, tasks, accountName, dealName);
    }

    @SuppressWarnings("unused")
    private static String text(WebElement element) {
        return element.getText();
    }
}
