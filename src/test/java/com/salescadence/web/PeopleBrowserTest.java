package com.salescadence.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import com.salescadence.organization.OrganizationAdministration;
import com.salescadence.organization.OrganizationService;
import com.salescadence.organization.Person;
import com.salescadence.organization.QuotaService;
import com.salescadence.organization.Role;
import com.salescadence.support.CadenceIntegrationTest;
import com.salescadence.support.TestOrganization;
import com.salescadence.web.browser.TasklistBrowserTestBase;

/**
 * The people page in headless Chromium, signed in through the Tasklist as an administrator: the People entry in
 * the Tasklist's header, adding a person, moving them to another manager, a quota whose manager shows the sum of
 * the reports, the page in Chinese, and the set-password page refusing a bad link in both languages.
 */
@CadenceIntegrationTest
class PeopleBrowserTest extends TasklistBrowserTestBase {

    private static final String ADMIN = "p.admin";


    @Autowired OrganizationService organization;
    @Autowired OrganizationAdministration administration;

    @BeforeEach
    void setUp() {
        TestOrganization.ensure(organization, administration);
        if (organization.findPerson(ADMIN).isEmpty()) {
            administration.add(new Person(ADMIN, "Pei Admin", "p.admin@test.local", Role.ADMIN, null, null), TestOrganization.PASSWORD);
        }
    }

    @Test
    void an_administrator_adds_a_person_moves_them_and_sets_a_quota_in_english_and_chinese() {
        WebDriver browser = browser();
        tasklist.signIn(ADMIN, TestOrganization.PASSWORD);
        WebElement entry = tasklist.waitFor("the People entry in the Tasklist's header",
                ExpectedConditions.elementToBeClickable(By.cssSelector("a.cadence-people-link")));
        String people = "zh".equals(organization.languageOf(ADMIN)) ? "人员" : "People";
        tasklist.waitFor("the entry to read " + people, d -> entry.getText().equals(people));
        tasklist.screenshot("people-0-tasklist-header");
        entry.click();
        tasklist.waitFor("the people table", d -> d.findElements(By.cssSelector("#people tbody tr[data-login='" + TestOrganization.REP + "']")).size() == 1);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("People and quotas");

        // add a person under Meng Manager
        browser.findElement(By.id("f-login")).sendKeys("b.wu");
        browser.findElement(By.id("f-name")).sendKeys("Wu <b>Browser</b>");
        browser.findElement(By.id("f-email")).sendKeys("wu@test.local");
        new Select(browser.findElement(By.id("f-role"))).selectByValue("REP");
        new Select(browser.findElement(By.id("f-manager"))).selectByValue(TestOrganization.MANAGER);
        browser.findElement(By.id("f-title")).sendKeys("Account manager");
        new Select(browser.findElement(By.id("f-language"))).selectByValue("en");
        browser.findElement(By.id("save")).click();
        tasklist.waitFor("the person added", ExpectedConditions.textToBePresentInElementLocated(By.id("message"),
                "Wu <b>Browser</b> (b.wu) was added"));
        assertThat(row("people", "b.wu")).containsExactly("b.wu", "Wu <b>Browser</b>", "Rep", "Meng Manager", "Account manager",
                "English", "wu@test.local", "Active", "Edit");
        assertThat(browser.findElements(By.cssSelector("#people b"))).as("a name is text, never markup").isEmpty();
        assertThat(organization.person("b.wu").managerId()).isEqualTo(TestOrganization.MANAGER);

        // move them to Ou Manager
        browser.findElement(By.cssSelector("#people tr[data-login='b.wu'] button.edit")).click();
        tasklist.waitFor("the move section", ExpectedConditions.visibilityOfElementLocated(By.id("changes")));
        new Select(browser.findElement(By.id("move-manager"))).selectByValue(TestOrganization.OTHER_MANAGER);
        browser.findElement(By.id("move")).click();
        tasklist.waitFor("the move done", ExpectedConditions.textToBePresentInElementLocated(By.id("message"),
                "now reports to " + TestOrganization.OTHER_MANAGER));
        assertThat(row("people", "b.wu").get(3)).isEqualTo("Ou Manager");
        assertThat(organization.person("b.wu").managerId()).isEqualTo(TestOrganization.OTHER_MANAGER);

        // a rep's quota: their manager has the sum of the reports
        new Select(browser.findElement(By.id("q-person"))).selectByValue(TestOrganization.REP);
        browser.findElement(By.id("q-quota")).sendKeys("100000");
        browser.findElement(By.id("q-stretch")).sendKeys("120000");
        browser.findElement(By.cssSelector("#quota-form button[type=submit]")).click();
        tasklist.waitFor("the quota saved", ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Quota saved."));
        assertThat(row("quotas", TestOrganization.REP)).containsExactly("Ren Rep (t.rep1)", "Rep", "100,000", "120,000", "CNY", "Own quota");
        assertThat(row("quotas", TestOrganization.MANAGER)).containsExactly("Meng Manager (t.mgr1)", "Manager", "100,000", "120,000",
                "CNY", "Sum of the reports");
        assertThat(browser.findElement(By.id("period")).getDomProperty("value")).isEqualTo(QuotaService.quarterOf(LocalDate.now()));
        tasklist.screenshot("people-en");

        // the same page in Chinese
        browser.findElement(By.id("lang-zh")).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("人员与配额");
        assertThat(row("quotas", TestOrganization.MANAGER).get(5)).isEqualTo("下属配额之和");
        assertThat(row("people", "b.wu").get(2)).isEqualTo("销售代表");
        assertThat(browser.findElement(By.id("message")).getText()).isEqualTo("配额已保存。");
        assertThat(browser.findElements(By.cssSelector("#quotas tbody tr[data-login='" + ADMIN + "']"))).as("quotas: sales people only").isEmpty();
        tasklist.screenshot("people-zh");

        // the set-password page: a link that is not valid is refused in words, in both languages
        browser.get("http://localhost:" + port + "/password/#token=not-a-real-token");
        tasklist.waitFor("the refusal", ExpectedConditions.textToBePresentInElementLocated(By.id("error"), "This link is not valid"));
        assertThat(browser.findElement(By.id("error")).getText()).doesNotContain("此链接无效");
        assertThat(browser.findElement(By.id("form")).isDisplayed()).isFalse();
        browser.findElement(By.id("lang-zh")).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("设置密码");
        assertThat(browser.findElement(By.id("error")).getText()).startsWith("此链接无效").doesNotContain("This link");
        tasklist.screenshot("password-zh");
    }

    private List<String> row(String table, String login) {
        return browser().findElement(By.cssSelector("#" + table + " tbody tr[data-login='" + login + "']"))
                .findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
    }
}
