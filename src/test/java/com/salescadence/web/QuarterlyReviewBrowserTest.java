package com.salescadence.web;

import static com.salescadence.workflow.QuarterlyReviewProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

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
import org.springframework.beans.factory.annotation.Autowired;

import com.salescadence.cadence.Cadence;
import com.salescadence.cadence.Cycle;
import com.salescadence.cadence.CycleService;
import com.salescadence.cadence.process.CycleTimers;
import com.salescadence.cadence.quarterly.ManagerReview;
import com.salescadence.cadence.quarterly.QuarterlyReviewService;
import com.salescadence.cadence.quarterly.QuarterlyTarget;
import com.salescadence.organization.OrganizationAdministration;
import com.salescadence.organization.OrganizationService;
import com.salescadence.organization.QuotaService;
import com.salescadence.support.CadenceIntegrationTest;
import com.salescadence.support.TestOrganization;
import com.salescadence.web.browser.Chromium;
import com.salescadence.web.browser.Tasklist;
import com.salescadence.workflow.TaskActions;
import com.salescadence.web.browser.TasklistBrowserTestBase;

/**
 * The manager's quarterly review in the Camunda Tasklist, in headless Chromium: the reps' reviews are a
 * table, each rep has a prefilled line with the proposed target, and the form can be completed (the 7.24
 * Tasklist keeps Complete disabled for a form-js dynamic list, which this form no longer has).
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

    @BeforeEach
    void setUp() {
        TestOrganization.ensure(organization, administration);
        TestOrganization.speak(administration, "en"); // the assertions read the English texts
    }

    @Test
    void a_manager_holds_the_quarterly_review_in_the_tasklist_and_sets_every_reps_target() {
        // given the review of 2027-Q4 (a quarter no other test uses): the rep prepared with a proposal, the teammate did not
        runtime.startProcessInstanceByKey(KEY, Map.of(CYCLE_START, Date.from(LocalDateTime.of(2028, 1, 10, 9, 0)
                .atZone(ZoneId.systemDefault()).toInstant())));
        runJobsOfQuarterlyCycles();
        Cycle cycle = cycles.find(Cadence.QUARTERLY_REVIEW, "2027-Q4").orElseThrow();
        tasks.complete(cycle.cycleKey() + ":" + TestOrganization.REP, TASK_PREPARE_QUARTERLY_REVIEW, TestOrganization.REP,
                Map.of(F_NEXT_QUARTER_PLAN, "Two framework deals with the utilities", F_PROPOSED_TARGET, "130000"));
        // the reminder, the preparation deadline and the start of the managers' reviews fire (as an admin walking the quarter would)
        String managerKey = cycle.cycleKey() + ":" + TestOrganization.MANAGER;
        for (int i = 0; i < 5 && runtime.createProcessInstanceQuery().processDefinitionKey(MANAGER_REVIEW_KEY)
                .processInstanceBusinessKey(managerKey).count() == 0; i++) {
            timers.fireNext(cycle);
            runJobsOfQuarterlyCycles();
        }
        String reviewTask = tasks.openTaskFor(managerKey, TASK_RUN_QUARTERLY_REVIEW, TestOrganization.MANAGER).getId();

        // the manager opens the review: both reps' reviews in the table, one prefilled line per rep, no more
        tasklist.signIn(TestOrganization.MANAGER, TestOrganization.PASSWORD);
        tasklist.openFilter("My tasks");
        tasklist.openTask(reviewTask, "Run quarterly review");
        tasklist.waitForForm();
        assertThat(tasklist.fieldValue("Team results, growth, flags and key accounts")).contains("Quarter under review: 2027-Q4")
                .contains("Not prepared: Tang Teammate");
        assertThat(tasklist.tableText("Your reps' reviews")).contains("Ren Rep (on time)").contains("Two framework deals with the utilities")
                .contains("130000").contains("Tang Teammate (missed)").contains("(not prepared)");
        assertThat(tasklist.tableText("Rep (1)")).contains("Ren Rep");
        assertThat(tasklist.fieldValue("Next-quarter target (1)")).isEqualTo("130000");
        assertThat(tasklist.tableText("Rep (2)")).contains("Tang Teammate");
        assertThat(tasklist.fieldValue("Next-quarter target (2)")).isEmpty();
        assertThatThrownBy(() -> tasklist.fieldValue("Next-quarter target (3)")).as("slot 3 has no rep: hidden")
                .isInstanceOf(org.openqa.selenium.NoSuchElementException.class);

        // keeps the rep's proposal, sets the teammate's target, records both outcomes and the notes
        tasklist.type("Outcome of the review (1)", "Leads the utilities account team");
        tasklist.type("Next-quarter target (2)", "95000");
        tasklist.type("Outcome of the review (2)", "Pipeline coaching every Monday");
        tasklist.type("Notes of the review", "Award: Ren Rep, deal of the quarter");
        tasklist.screenshot("quarterly-review-1-run-quarterly-review");
        tasklist.complete();
        tasklist.waitUntilTaskIsGone(reviewTask);
        tasklist.screenshot("quarterly-review-2-completed");

        assertThat(history.createHistoricTaskInstanceQuery().taskId(reviewTask).finished().count()).isEqualTo(1);
        ManagerReview recorded = reviews.managerReview(cycle.id(), TestOrganization.MANAGER).orElseThrow();
        assertThat(recorded.notes()).isEqualTo("Award: Ren Rep, deal of the quarter");
        assertThat(reviews.targets(recorded.id()))
                .extracting(QuarterlyTarget::personId, QuarterlyTarget::targetQuarter, QuarterlyTarget::outcome)
                .containsExactlyInAnyOrder(tuple(TestOrganization.REP, "2028-Q1", "Leads the utilities account team"),
                        tuple(TestOrganization.TEAMMATE, "2028-Q1", "Pipeline coaching every Monday"));
        assertThat(quotas.find(TestOrganization.REP, "2028-Q1").orElseThrow().quotaAmount()).isEqualByComparingTo("130000");
        assertThat(quotas.find(TestOrganization.TEAMMATE, "2028-Q1").orElseThrow().quotaAmount()).isEqualByComparingTo("95000");
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
