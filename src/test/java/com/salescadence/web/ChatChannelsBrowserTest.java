package com.salescadence.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import com.salescadence.notification.ChatChannels;
import com.salescadence.notification.DeliveryPreference;
import com.salescadence.organization.OrganizationAdministration;
import com.salescadence.organization.OrganizationService;
import com.salescadence.organization.Person;
import com.salescadence.organization.Role;
import com.salescadence.support.CadenceIntegrationTest;
import com.salescadence.support.TestOrganization;
import com.salescadence.web.browser.TasklistBrowserTestBase;

/**
 * The chat channels page in headless Chromium, signed in through the Tasklist as an administrator (opened by the
 * Notifications entry of the Tasklist's header): setting a team's
 * DingTalk robot (its address and secret shown masked afterwards), a rep's channels, the page in English and Chinese.
 */
@CadenceIntegrationTest
class ChatChannelsBrowserTest extends TasklistBrowserTestBase {

    private static final String ADMIN = "c.admin";
    private static final String TOKEN = "0123456789abcdef0123456789abcdef";
    private static final String SECRET = "SEC1234567890abcdefghijklmnopqrstuvwxyz";

    @Autowired OrganizationService organization;
    @Autowired OrganizationAdministration administration;
    @Autowired ChatChannels chat;

    @BeforeEach
    void setUp() {
        TestOrganization.ensure(organization, administration);
        if (organization.findPerson(ADMIN).isEmpty()) {
            administration.add(new Person(ADMIN, "Chen Admin", "c.admin@test.local", Role.ADMIN, null, null), TestOrganization.PASSWORD);
        }
    }

    @Test
    void an_administrator_sets_a_teams_robot_and_a_reps_channels_in_english_and_chinese() {
        WebDriver browser = browser();
        tasklist.signIn(ADMIN, TestOrganization.PASSWORD);
        WebElement entry = tasklist.waitFor("the Notifications entry in the Tasklist's header",
                ExpectedConditions.elementToBeClickable(By.cssSelector("a.cadence-chat-link")));
        // the header's links read in the signed-in person's language, all of them (they used to read the browser's)
        String notifications = "zh".equals(organization.languageOf(ADMIN)) ? "通知" : "Notifications";
        tasklist.waitFor("the entry to read " + notifications, d -> entry.getText().equals(notifications));
        assertThat(browser.findElement(By.cssSelector("a.cadence-people-link")).getText())
                .isEqualTo("zh".equals(organization.languageOf(ADMIN)) ? "人员" : "People");
        tasklist.screenshot("tasklist-header-admin");
        // the header's links on one line: the Tasklist's header keeps its one-row height at 1400 px
        assertThat(entry.getLocation().getY()).isEqualTo(browser.findElement(By.cssSelector("a.cadence-dashboard-link")).getLocation().getY());
        entry.click();
        tasklist.waitFor("the admin part", ExpectedConditions.visibilityOfElementLocated(By.id("admin")));
        tasklist.waitFor("the teams", d -> d.findElements(By.cssSelector("#r-team option[value='" + TestOrganization.MANAGER + "']")).size() == 1);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Chat channels");

        new Select(browser.findElement(By.id("r-team"))).selectByValue(TestOrganization.MANAGER);
        new Select(browser.findElement(By.id("r-kind"))).selectByValue("DINGTALK");
        browser.findElement(By.id("r-url")).sendKeys("https://oapi.dingtalk.com/robot/send?access_token=" + TOKEN);
        browser.findElement(By.id("r-secret")).sendKeys(SECRET);
        browser.findElement(By.cssSelector("#robot-form button[type=submit]")).click();
        tasklist.waitFor("the robot in the table", d -> d.findElements(By.cssSelector("#robots tr[data-team='" + TestOrganization.MANAGER + "']")).size() == 1);
        List<String> robot = row("robots", "data-team", TestOrganization.MANAGER);
        assertThat(robot.subList(0, 4)).containsExactly("Meng Manager (t.mgr1)", "DingTalk (钉钉)",
                "https://oapi.dingtalk.com/robot/send?access_token=\u2022\u2022\u2022\u2022cdef", "\u2022\u2022\u2022\u2022wxyz");
        assertThat(browser.getPageSource()).doesNotContain(TOKEN).doesNotContain(SECRET);
        assertThat(chat.find(TestOrganization.MANAGER).orElseThrow().secret()).isEqualTo(SECRET);

        // Ren Rep, in Meng Manager's team, chooses chat: reached by that robot
        tasklist.waitFor("Ren Rep's row", d -> d.findElements(By.cssSelector("#people tr[data-person='" + TestOrganization.REP + "'] select")).size() == 1);
        assertThat(row("people", "data-person", TestOrganization.REP).get(2)).isEqualTo("Meng Manager · DingTalk (钉钉)");
        new Select(browser.findElement(By.cssSelector("#people tr[data-person='" + TestOrganization.REP + "'] select"))).selectByValue("CHAT");
        // the message already reads "Saved." from the robot: wait for the choice itself to be stored
        tasklist.waitFor("Ren Rep's choice stored", d -> chat.preference(TestOrganization.REP) == DeliveryPreference.CHAT);
        tasklist.waitFor("saved", ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Saved."));
        tasklist.screenshot("chat-channels-en");

        browser.findElement(By.id("lang-zh")).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("聊天渠道");
        assertThat(row("robots", "data-team", TestOrganization.MANAGER).get(1)).isEqualTo("钉钉（DingTalk）");
        assertThat(new Select(browser.findElement(By.cssSelector("#people tr[data-person='" + TestOrganization.REP + "'] select")))
                .getFirstSelectedOption().getText()).isEqualTo("聊天群");
        assertThat(browser.findElement(By.id("message")).getText()).isEqualTo("已保存。");
        assertThat(browser.findElement(By.id("mine-robot")).getText()).startsWith("您的团队尚未设置聊天机器人");
        tasklist.screenshot("chat-channels-zh");

        // a person who reads English: every link of the header in English, still on one line
        String language = organization.languageOf(ADMIN);
        administration.setLanguage(ADMIN, "en");
        try {
            browser.get("http://localhost:" + port + "/camunda/app/tasklist/");
            WebElement chatLink = tasklist.waitFor("the Notifications entry in English", d -> {
                WebElement a = d.findElement(By.cssSelector("a.cadence-chat-link"));
                return "Notifications".equals(a.getText()) ? a : null;
            });
            assertThat(browser.findElement(By.cssSelector("a.cadence-people-link")).getText()).isEqualTo("People");
            assertThat(browser.findElement(By.cssSelector("a.cadence-dashboard-link")).getText()).isEqualTo("Dashboard");
            assertThat(chatLink.getLocation().getY()).isEqualTo(browser.findElement(By.cssSelector("a.cadence-dashboard-link")).getLocation().getY());
            tasklist.screenshot("tasklist-header-admin-en");
        } finally {
            administration.setLanguage(ADMIN, language);
        }
    }

    private List<String> row(String table, String attribute, String key) {
        return browser().findElement(By.cssSelector("#" + table + " tbody tr[" + attribute + "='" + key + "']"))
                .findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
    }
}
