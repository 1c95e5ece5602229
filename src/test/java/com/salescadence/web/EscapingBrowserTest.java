package com.salescadence.web;

import static com.salescadence.workflow.LeadToCashProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.salescadence.organization.OrganizationAdministration;
import com.salescadence.organization.OrganizationService;
import com.salescadence.pipeline.AccountService;
import com.salescadence.pipeline.AccountTier;
import com.salescadence.pipeline.Lead;
import com.salescadence.pipeline.NewLead;
import com.salescadence.pipeline.process.LeadIntake;
import com.salescadence.support.CadenceIntegrationTest;
import com.salescadence.support.TestOrganization;
import com.salescadence.support.WeeklyCycles;
import com.salescadence.web.browser.TasklistBrowserTestBase;
import com.salescadence.workflow.TaskActions;

/**
 * Text a user typed is shown as text in the Tasklist's forms: a deal and an account named like markup
 * appear as those characters in the read-only brief, in the table of the weekly commit and in its
 * checklist options, and create no element and run no script. (Mails: FaultsIntegrationTest sends them
 * as text/plain.)
 */
@CadenceIntegrationTest
class EscapingBrowserTest extends TasklistBrowserTestBase {

    private static final String HOSTILE_DEAL = "<script>alert(1)</script><img src=x onerror=\"window.__xss=1\">";
    private static final String HOSTILE_ACCOUNT = "<b onmouseover=alert(2)>ACME</b> & <iframe src=javascript:alert(3)>";

    @Autowired OrganizationService organization;
    @Autowired OrganizationAdministration administration;
    @Autowired AccountService accounts;
    @Autowired LeadIntake intake;
    @Autowired TaskActions tasks;
    @Autowired ProcessEngine engine;

    @BeforeEach
    void setUp() {
        TestOrganization.ensure(organization, administration);
        TestOrganization.speak(administration, "en"); // the assertions read the English texts
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void a_deal_named_like_markup_shows_as_text_in_the_tasklist_forms() {
        Lead lead = intake.receive(new NewLead(accounts.create(HOSTILE_ACCOUNT, AccountTier.KEY, "Testing", TestOrganization.REP).id(),
                TestOrganization.REP, HOSTILE_DEAL, "Web", TestOrganization.amount("300000")));
        String businessKey = String.valueOf(lead.id());
        tasks.complete(businessKey, TASK_QUALIFY_LEAD, TestOrganization.REP, Map.of(F_QUALIFICATION_DECISION, "qualify",
                F_BUDGET, "In the plan", F_AUTHORITY, "CIO", F_NEED, "Planning", F_TIMELINE, "This quarter",
                F_OPPORTUNITY_NAME, HOSTILE_DEAL, F_AMOUNT, "300000", F_EXPECTED_CLOSE_DATE, LocalDate.now().plusMonths(2).toString()));
        String workTask = tasks.openTaskFor(businessKey, TASK_WORK_STAGE, TestOrganization.REP).getId();
        WeeklyCycles weeks = new WeeklyCycles(engine);
        String cycle = weeks.open(LocalDate.now().with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY)).atTime(8, 0));
        String commitTask = weeks.commitTask(cycle, TestOrganization.REP).getId();

        tasklist.signIn(TestOrganization.REP, TestOrganization.PASSWORD);
        tasklist.openFilter("My tasks");

        // the brief of the stage (a read-only text area)
        tasklist.openTask(workTask, "Work the stage");
        tasklist.waitForForm();
        assertThat(tasklist.fieldValue("Stage, win rate")).contains(HOSTILE_DEAL);
        assertThat(tasklist.injectedElements()).isZero();

        // the weekly commit grid (an embedded form): the deal's row, its name as text
        tasklist.openTask(commitTask, "Submit weekly commit");
        com.salescadence.web.browser.CommitGrid grid = new com.salescadence.web.browser.CommitGrid(browser(), tasklist).waitForRows(1);
        assertThat(grid.text()).contains(HOSTILE_DEAL);
        assertThat(grid.row(HOSTILE_DEAL).getText()).startsWith(HOSTILE_DEAL);
        tasklist.screenshot("escaping-weekly-commit");
        assertThat(tasklist.injectedElements()).as("elements or scripts created from the deal's name").isZero();
    }
}
