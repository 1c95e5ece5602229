package com.salescadence.meeting;

import static com.salescadence.support.ProcessDriver.date;
import static com.salescadence.support.ProcessDriver.setClock;
import static com.salescadence.workflow.MeetingProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import com.salescadence.organization.OrganizationAdministration;
import com.salescadence.organization.OrganizationService;
import com.salescadence.support.CadenceIntegrationTest;
import com.salescadence.support.ProcessDriver;
import com.salescadence.support.TestOrganization;
import com.salescadence.web.browser.TasklistBrowserTestBase;

/**
 * The manager holds a 1:1 in the Camunda Tasklist (forms/hold-meeting.html), in headless Chromium: the agenda read
 * from the API with last meeting's open action, in Chinese and in English; an action item added in the grid, saved,
 * and the meeting completed: the action item becomes the rep's task.
 */
@CadenceIntegrationTest
class HoldMeetingBrowserTest extends TasklistBrowserTestBase {

    @Autowired ProcessEngine engine;
    @Autowired HistoryService history;
    @Autowired OrganizationService organization;
    @Autowired OrganizationAdministration administration;
    @Autowired MeetingService meetings;

    @BeforeEach
    void setUp() {
        TestOrganization.ensure(organization, administration);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void a_manager_holds_a_one_on_one_with_its_agenda_and_gives_the_rep_an_action_item_in_chinese_and_english() {
        ProcessDriver driver = new ProcessDriver(engine);
        // last week's 1:1, held with an action item still open
        LocalDateTime lastWeek = LocalDateTime.of(2024, 11, 4, 8, 0);
        startWeek(driver, lastWeek);
        Meeting earlier = meetings.ofWeek("2024-W45").stream().filter(m -> m.uid().equals("one-on-one-2024-W45-t.mgr1-t.rep1")).findFirst().orElseThrow();
        meetings.saveMinutes(earlier.id(), null, null, List.of(new ActionInput("Send the revised quote", TestOrganization.REP,
                LocalDate.of(2024, 11, 15))));
        driver.completeAs(TestOrganization.MANAGER, driver.task(driver.instance(HOLD_KEY, earlier.uid()), TASK_HOLD_MEETING), Map.of());
        LocalDateTime monday = lastWeek.plusWeeks(1);
        startWeek(driver, monday);
        setClock(monday.plusHours(2));
        Task task = driver.task(driver.instance(HOLD_KEY, "one-on-one-2024-W46-t.mgr1-t.rep1"), TASK_HOLD_MEETING);

        // in Chinese (the manager's language)
        TestOrganization.speak(administration, "zh", TestOrganization.MANAGER);
        tasklist.signIn(TestOrganization.MANAGER, TestOrganization.PASSWORD);
        browser().get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + task.getId());
        WebElement agenda = tasklist.waitFor("the agenda", d -> d.findElements(By.cssSelector("#hm-agenda [data-section]")).size() == 4
                ? d.findElement(By.id("hm-agenda")) : null);
        assertThat(agenda.getText()).contains("业绩", "商机健康度", "重点商机", "以往会议的未完成待办", "Send the revised quote");
        assertThat(browser().findElement(By.id("hm-brief")).getText()).contains("一对一会议", "Ren Rep");
        browser().findElement(By.id("hm-minutes")).sendKeys("复盘了本季度进展");
        click(By.id("hm-add"));
        WebElement what = tasklist.waitFor("the new action row", d -> d.findElements(By.cssSelector("#hm-actions input[type=text]")).stream().findFirst().orElse(null));
        what.sendKeys("预约客户高层拜访");
        new Select(browser().findElement(By.cssSelector("#hm-actions select"))).selectByValue(TestOrganization.REP);
        ((JavascriptExecutor) browser()).executeScript("arguments[0].value = '2024-11-22'; arguments[0].dispatchEvent(new Event('change'));",
                browser().findElement(By.cssSelector("#hm-actions input[type=date]")));
        click(By.id("hm-save"));
        tasklist.waitFor("saved", d -> d.findElement(By.id("hm-saved")).getText().contains("已保存") ? true : null);
        tasklist.screenshot("hold-meeting-1-agenda-and-action-zh");
        assertThat(meetings.actionsOf(meetings.get(((Number) engine.getTaskService().getVariable(task.getId(), MEETING_ID)).longValue()).id()))
                .extracting(ActionItem::what).containsExactly("预约客户高层拜访");

        // in English
        TestOrganization.speak(administration, "en", TestOrganization.MANAGER);
        tasklist.signOut();
        tasklist.signIn(TestOrganization.MANAGER, TestOrganization.PASSWORD);
        browser().get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + task.getId());
        agenda = tasklist.waitFor("the agenda", d -> d.findElements(By.cssSelector("#hm-agenda [data-section]")).size() == 4
                ? d.findElement(By.id("hm-agenda")) : null);
        assertThat(agenda.getText()).contains("Results", "Pipeline health", "Key deals", "Open actions from earlier meetings");
        tasklist.waitFor("the saved row", d -> d.findElements(By.cssSelector("#hm-actions input[type=text]")).size() == 1 ? true : null);
        tasklist.screenshot("hold-meeting-2-agenda-and-action-en");
        WebElement complete = tasklist.waitFor("the Complete button", d -> d.findElements(
                By.xpath("//button[normalize-space()='Complete' or normalize-space()='完成']")).stream().findFirst().orElse(null));
        ((JavascriptExecutor) browser()).executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", complete);
        tasklist.waitFor("the meeting to be completed", d -> history.createHistoricTaskInstanceQuery().taskId(task.getId()).finished().count() == 1);
        assertThat(engine.getTaskService().createTaskQuery().taskDefinitionKey(TASK_DO_ACTION_ITEM).taskAssignee(TestOrganization.REP).list())
                .extracting(Task::getName).anyMatch(name -> name.contains("预约客户高层拜访"));
    }

    /**
     * The dashboard's meeting compliance card (this quarter: 2036-Q2, the engine's clock), for the manager: their 1:1
     * with the rep held on time, the one with the teammate not held by its due time, the team meeting still open; the
     * figures the service counts, the labels in Chinese and in English.
     */
    @Test
    void the_dashboards_meeting_compliance_card_counts_the_quarters_meetings_in_chinese_and_english() {
        ProcessDriver driver = new ProcessDriver(engine);
        LocalDateTime monday = LocalDateTime.of(2036, 4, 7, 8, 0);
        startWeek(driver, monday);
        setClock(monday.plusHours(3));
        driver.completeAs(TestOrganization.MANAGER, driver.task(driver.instance(HOLD_KEY, "one-on-one-2036-W15-t.mgr1-t.rep1"),
                TASK_HOLD_MEETING), Map.of());
        setClock(monday.plusDays(1).plusHours(4));
        driver.runDueJobs("one-on-one-2036-W15-t.mgr1-t.rep2");
        MeetingCompliance expected = meetings.compliance(TestOrganization.MANAGER, LocalDate.of(2036, 4, 1), LocalDate.of(2036, 7, 1));
        MeetingCompliance.Counts oneOnOnes = expected.byKind().get(MeetingKind.ONE_ON_ONE);
        assertThat(List.of(oneOnOnes.held(), oneOnOnes.late(), oneOnOnes.notHeld(), oneOnOnes.open())).containsExactly(1L, 0L, 1L, 0L);
        assertThat(expected.byKind().get(MeetingKind.TEAM).open()).isEqualTo(1);

        tasklist.signIn(TestOrganization.MANAGER, TestOrganization.PASSWORD);
        browser().get("http://localhost:" + port + "/dashboard/");
        tasklist.waitFor("the manager's dashboard", d -> TestOrganization.MANAGER.equals(
                ((JavascriptExecutor) d).executeScript("return document.body.dataset.loadedPerson")) ? true : null);
        for (String[] language : List.of(new String[] {"zh", "会议合规（本季度）", "一对一会议", "团队会议", "全部会议", "按时召开率"},
                new String[] {"en", "Meeting compliance (this quarter)", "1:1 meeting", "Team meeting", "All meetings", "Held on time rate"})) {
            click(By.id("lang-" + language[0]));
            WebElement card = tasklist.waitFor("the meetings card in " + language[0], d -> d.findElement(By.cssSelector("#section-meetings h2"))
                    .getText().equals(language[1]) ? d.findElement(By.id("section-meetings")) : null);
            assertThat(card.findElements(By.cssSelector("#table-meetings th")).stream().map(WebElement::getText)).contains(language[5]);
            assertThat(row(card, language[2])).as(language[0]).containsExactly(language[2], "1", "0", "1", "0", rate(oneOnOnes));
            MeetingCompliance.Counts team = expected.byKind().get(MeetingKind.TEAM);
            assertThat(row(card, language[3])).as(language[0]).containsExactly(language[3], String.valueOf(team.held()),
                    String.valueOf(team.late()), String.valueOf(team.notHeld()), String.valueOf(team.open()), rate(team));
            MeetingCompliance.Counts total = expected.total();
            assertThat(row(card, language[4])).as(language[0]).containsExactly(language[4], String.valueOf(total.held()),
                    String.valueOf(total.late()), String.valueOf(total.notHeld()), String.valueOf(total.open()), rate(total));
            ((JavascriptExecutor) browser()).executeScript("arguments[0].scrollIntoView({block: 'center'});", card);
            assertThat((Boolean) ((JavascriptExecutor) browser()).executeScript("const w = arguments[0].querySelector('.table-wrap');"
                    + "return w.scrollWidth <= w.clientWidth;", card)).as("every column in sight, in " + language[0]).isTrue();
            tasklist.screenshot("dashboard-meeting-compliance-" + language[0]);
        }
    }

    private static List<String> row(WebElement card, String label) {
        return card.findElements(By.cssSelector("#table-meetings tbody tr")).stream()
                .map(tr -> tr.findElements(By.tagName("td")).stream().map(WebElement::getText).toList())
                .filter(cells -> !cells.isEmpty() && cells.get(0).equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + label));
    }

    private static String rate(MeetingCompliance.Counts counts) {
        return counts.ratePercent() == null ? "—" : counts.ratePercent().stripTrailingZeros().toPlainString() + "%";
    }

    private void startWeek(ProcessDriver driver, LocalDateTime monday) {
        setClock(monday);
        engine.getRuntimeService().startProcessInstanceByKey(KEY, Map.of(CYCLE_START, date(monday)));
        driver.runDueJobs("meetings:");
    }

    private void click(By by) {
        ((JavascriptExecutor) browser()).executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();",
                browser().findElement(by));
    }
}
