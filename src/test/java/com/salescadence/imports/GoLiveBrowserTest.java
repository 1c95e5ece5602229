package com.salescadence.imports;

import static com.salescadence.imports.GoLiveTeam.ADMIN;
import static com.salescadence.imports.GoLiveTeam.LEADER;
import static com.salescadence.imports.GoLiveTeam.NORTH;
import static com.salescadence.imports.GoLiveTeam.NORTH_REPS;
import static com.salescadence.imports.GoLiveTeam.SOUTH;
import static com.salescadence.support.JsonFigures.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.salescadence.organization.OrganizationAdministration;
import com.salescadence.organization.OrganizationService;
import com.salescadence.support.CadenceIntegrationTest;
import com.salescadence.support.ProcessDriver;
import com.salescadence.support.TestOrganization;
import com.salescadence.web.browser.TasklistBrowserTestBase;

/**
 * Issue 12's going live in the browser, in Chinese (zh-CN): the first administrator, signed in through the Tasklist, opens
 * 人员 from its header and adds the sales leader, both first-line managers and the first rep on the people page (the rest of
 * the team through the API, as GoLiveIntegrationTest), imports the quotas on the import page, and (through the API) the
 * team's year of history; then the northern branch's manager opens the dashboard on the first day and sees the figures the
 * API gives, which GoLiveIntegrationTest checks against computed values. Screenshots: target/screenshots/golive-*.png.
 */
@CadenceIntegrationTest
class GoLiveBrowserTest extends TasklistBrowserTestBase {

    @Autowired TestRestTemplate http;
    @Autowired OrganizationService organization;
    @Autowired OrganizationAdministration administration;
    @Autowired IdentityService identity;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void the_first_administrator_adds_the_team_on_the_page_imports_quotas_and_the_manager_sees_the_dashboard_in_chinese()
            throws IOException {
        ProcessDriver.setClock(TeamHistory.NOW);
        GoLiveTeam.firstAdministrator(administration);
        useBrowserLanguage("zh-CN");
        WebDriver browser = browser();
        tasklist.signIn(ADMIN, TestOrganization.PASSWORD);
        tasklist.waitFor("the People entry in the Tasklist's header",
                ExpectedConditions.elementToBeClickable(By.cssSelector("a.cadence-people-link"))).click();
        tasklist.waitFor("the people page", ExpectedConditions.textToBe(By.tagName("h1"), "人员与配额"));
        tasklist.waitFor("the administrator in the table", d -> d.findElements(By.cssSelector("#people tbody tr[data-login='" + ADMIN + "']"))
                .size() == 1);
        tasklist.screenshot("golive-1-people-empty-zh");

        // the first four on the page, managers first (a manager is chosen among the people already added)
        for (String login : List.of(LEADER, NORTH, SOUTH, NORTH_REPS.get(0))) {
            List<String> p = GoLiveTeam.PEOPLE.get(login);
            browser.findElement(By.id("f-login")).sendKeys(login);
            browser.findElement(By.id("f-name")).sendKeys(p.get(0));
            browser.findElement(By.id("f-email")).sendKeys(login + "@golive.test");
            new Select(browser.findElement(By.id("f-role"))).selectByValue(p.get(1));
            if (!p.get(2).isEmpty()) {
                tasklist.waitFor("the manager " + p.get(2) + " to choose", d -> !d.findElements(
                        By.cssSelector("#f-manager option[value='" + p.get(2) + "']")).isEmpty());
                new Select(browser.findElement(By.id("f-manager"))).selectByValue(p.get(2));
            }
            browser.findElement(By.id("f-title")).sendKeys(p.get(3));
            new Select(browser.findElement(By.id("f-language"))).selectByValue("zh");
            browser.findElement(By.id("save")).click();
            tasklist.waitFor(login + " added", ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "（" + login + "）"));
            tasklist.waitFor(login + " in the table", d -> d.findElements(By.cssSelector("#people tbody tr[data-login='" + login + "']"))
                    .size() == 1);
            assertThat(organization.person(login).managerId()).isEqualTo(p.get(2).isEmpty() ? null : p.get(2));
        }
        assertThat(browser.findElement(By.id("message")).getText()).startsWith("已添加 An Rep（g.rep.an）");
        List<String> rep = browser.findElement(By.cssSelector("#people tbody tr[data-login='" + NORTH_REPS.get(0) + "']"))
                .findElements(By.tagName("td")).stream().map(e -> e.getText()).toList();
        assertThat(rep).startsWith(NORTH_REPS.get(0), "An Rep", "销售代表", "Ning North", "Account manager", "中文");
        browser.manage().window().setSize(new Dimension(1400, 1400));
        tasklist.screenshot("golive-2-people-added-zh");

        // the rest through the API; everyone sets a password with the link of their mail
        GoLiveTeam.PEOPLE.keySet().stream().filter(login -> organization.findPerson(login).isEmpty())
                .forEach(login -> GoLiveTeam.add(http, login));
        GoLiveTeam.setPasswords(http, jdbc, identity);

        // the quotas on the import page
        Path quotas = Files.createTempFile("golive-quotas", ".csv");
        Files.write(quotas, GoLiveTeam.quotasFile());
        browser.get("http://localhost:" + port + "/import/");
        tasklist.waitFor("the import page", ExpectedConditions.textToBe(By.tagName("h1"), "从 CSV 导入"));
        new Select(browser.findElement(By.id("type"))).selectByValue("quotas");
        browser.findElement(By.id("file")).sendKeys(quotas.toAbsolutePath().toString());
        browser.findElement(By.id("import")).click();
        tasklist.waitFor("the quotas imported", d -> d.findElement(By.id("status")).getText().startsWith("导入完成"));
        tasklist.screenshot("golive-3-quotas-imported-zh");
        GoLiveTeam.checkQuotas(http);
        browser.get("http://localhost:" + port + "/people/");
        tasklist.waitFor("the quotas of the quarter", d -> d.findElements(By.cssSelector("#quotas tbody tr[data-login='" + NORTH + "']"))
                .size() == 1);
        assertThat(browser.findElement(By.cssSelector("#quotas tbody tr[data-login='" + NORTH + "']")).getText()).contains("6,000,000")
                .contains("下属配额之和");
        tasklist.screenshot("golive-4-quotas-zh");

        // the year of history, orders and payments included
        TeamHistory team = TeamHistory.generate(GoLiveTeam.REPS, 120, 6, 11);
        Map<String, Object> imported = ImportFiles.post(http, ADMIN, team.files(true), false);
        assertThat(imported).as("%s", imported).containsEntry("status", "DONE");

        // the northern branch's manager opens the dashboard on the first day
        useBrowserLanguage("zh-CN");
        browser = browser();
        tasklist.signIn(NORTH, TestOrganization.PASSWORD);
        browser.get("http://localhost:" + port + "/dashboard/");
        tasklist.waitFor("the dashboard of " + NORTH, d -> NORTH.equals(
                ((JavascriptExecutor) d).executeScript("return document.body.dataset.loadedPerson")));
        assertThat(browser.findElement(By.id("person-name")).getText()).isEqualTo("Ning North");
        Map<String, Object> overview = TeamHistory.overview(http, NORTH);
        BigDecimal forecast = new BigDecimal(String.valueOf(map(map(overview.get("forecast")).get("inputs")).get("weighted")));
        assertThat(forecast).isEqualByComparingTo(TeamHistory.weighted(team.deals.stream()
                .filter(d -> NORTH_REPS.contains(d.owner())).toList(), TeamHistory.NOW));
        for (String figure : List.of("forecast", "weeklyProgress", "commitAccuracy", "coverage", "unfulfilledShare")) {
            assertThat(browser.findElement(By.cssSelector("#kpis [data-figure='" + figure + "']")).getText()).as(figure)
                    .doesNotContain("—").isNotBlank();
        }
        long height = (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new Dimension(1400, (int) Math.min(height + 140, 6000)));
        tasklist.screenshot("golive-5-dashboard-north-zh");
        assertThat(TeamHistory.overview(http, SOUTH)).containsKey("forecast");

        theAdministratorsLaterChangesOnThePage(team);
    }

    /**
     * Back on the people page as the administrator (zh-CN): the refusals in Chinese (a login taken, a loop, the last
     * administrator's role), an edit, and a rep who leaves with their open deals going to a colleague.
     */
    private void theAdministratorsLaterChangesOnThePage(TeamHistory team) {
        useBrowserLanguage("zh-CN");
        WebDriver browser = browser();
        tasklist.signIn(ADMIN, TestOrganization.PASSWORD);
        browser.get("http://localhost:" + port + "/people/");
        tasklist.waitFor("the people", d -> d.findElements(By.cssSelector("#people tbody tr[data-login='g.rep.du']")).size() == 1);

        // a login taken
        browser.findElement(By.id("f-login")).sendKeys(NORTH_REPS.get(0));
        browser.findElement(By.id("f-name")).sendKeys("Someone Else");
        browser.findElement(By.id("f-email")).sendKeys("else@golive.test");
        browser.findElement(By.id("save")).click();
        assertThat(refusal(browser)).startsWith("登录名").doesNotContain("Login name");
        tasklist.screenshot("golive-6-login-taken-zh");
        browser.get("http://localhost:" + port + "/people/");

        // the leader under one of their own managers: a loop
        edit(browser, LEADER);
        new Select(browser.findElement(By.id("move-manager"))).selectByValue(NORTH);
        browser.findElement(By.id("move")).click();
        assertThat(refusal(browser)).doesNotContain(" / ").containsPattern("\\p{IsHan}");
        assertThat(organization.person(LEADER).managerId()).isNull();
        browser.get("http://localhost:" + port + "/people/");

        // the only administrator may not stop being one
        edit(browser, ADMIN);
        new Select(browser.findElement(By.id("f-role"))).selectByValue("REP");
        browser.findElement(By.id("save")).click();
        assertThat(refusal(browser)).doesNotContain(" / ").containsPattern("\\p{IsHan}");
        assertThat(organization.person(ADMIN).role()).isEqualTo(com.salescadence.organization.Role.ADMIN);
        browser.get("http://localhost:" + port + "/people/");

        // an edit: a new title
        edit(browser, NORTH_REPS.get(1));
        browser.findElement(By.id("f-title")).clear();
        browser.findElement(By.id("f-title")).sendKeys("Senior account manager");
        browser.findElement(By.id("save")).click();
        tasklist.waitFor("the new title", ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#people tbody tr[data-login='" + NORTH_REPS.get(1) + "']"), "Senior account manager"));

        // g.rep.du leaves; their open deals go to g.rep.cai
        String leaver = GoLiveTeam.SOUTH_REPS.get(1);
        String successor = GoLiveTeam.SOUTH_REPS.get(0);
        long open = TeamHistory.count(team.deals, d -> d.owner().equals(leaver) && d.open());
        assertThat(open).isPositive();
        edit(browser, leaver);
        new Select(browser.findElement(By.id("successor"))).selectByValue(successor);
        browser.findElement(By.id("leave")).click();
        browser.switchTo().alert().accept();
        tasklist.waitFor("the leaver gone from the active people", d -> d.findElements(
                By.cssSelector("#people tbody tr[data-login='" + leaver + "']")).isEmpty());
        assertThat(jdbc.sql("select active from person where id = ?").param(leaver).query(Boolean.class).single()).isFalse();
        assertThat(jdbc.sql("select count(*) from opportunity where owner_id = ? and status = 'OPEN'").param(leaver).query(Long.class)
                .single()).isZero();
        assertThat(jdbc.sql("select count(*) from opportunity where owner_id = ? and status = 'WON'").param(leaver).query(Long.class)
                .single()).as("won deals stay the leaver's").isEqualTo(TeamHistory.count(team.deals, d -> d.owner().equals(leaver) && d.won()));
        browser.findElement(By.id("show-leavers")).click();
        tasklist.waitFor("the leaver among those who left", d -> d.findElements(
                By.cssSelector("#people tbody tr[data-login='" + leaver + "']")).size() == 1);
        tasklist.screenshot("golive-7-after-leave-zh");
    }

    private void edit(WebDriver browser, String login) {
        tasklist.waitFor("the edit button of " + login, ExpectedConditions.elementToBeClickable(
                By.cssSelector("#people tr[data-login='" + login + "'] button.edit"))).click();
        tasklist.waitFor("the move section", ExpectedConditions.visibilityOfElementLocated(By.id("changes")));
    }

    private String refusal(WebDriver browser) {
        tasklist.waitFor("the refusal", ExpectedConditions.visibilityOfElementLocated(By.id("error")));
        return browser.findElement(By.id("error")).getText();
    }
}
