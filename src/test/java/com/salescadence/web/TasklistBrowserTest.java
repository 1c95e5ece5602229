package com.salescadence.web;

import static com.salescadence.workflow.LeadToCashProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
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
import com.salescadence.cadence.CommitReport;
import com.salescadence.cadence.Cycle;
import com.salescadence.cadence.CycleService;
import com.salescadence.cadence.WeeklyCommitService;
import com.salescadence.organization.OrganizationAdministration;
import com.salescadence.organization.OrganizationService;
import com.salescadence.pipeline.AccountService;
import com.salescadence.pipeline.Lead;
import com.salescadence.pipeline.LeadService;
import com.salescadence.pipeline.NewLead;
import com.salescadence.pipeline.Opportunity;
import com.salescadence.pipeline.OpportunityService;
import com.salescadence.pipeline.Qualification;
import com.salescadence.pipeline.process.LeadIntake;
import com.salescadence.support.CadenceIntegrationTest;
import com.salescadence.support.TestOrganization;
import com.salescadence.web.browser.Chromium;
import com.salescadence.web.browser.CommitGrid;
import com.salescadence.web.browser.Tasklist;
import com.salescadence.workflow.TaskActions;
import com.salescadence.workflow.WeeklyCommitProcess;
import com.salescadence.web.browser.TasklistBrowserTestBase;

/**
 * The Camunda Tasklist in headless Chromium, as a rep and their manager use it: the rep asks to advance
 * a deal through the stage form, the manager's rejection without a comment is refused by the server and
 * shown in the Tasklist, and the approval moves the deal to the next stage.
 */
@CadenceIntegrationTest
class TasklistBrowserTest extends TasklistBrowserTestBase {

    private static final String EVIDENCE = "Met the CIO and the plant manager; market figures confirmed by e-mail";

    @Autowired OrganizationService organization;
    @Autowired OrganizationAdministration administration;
    @Autowired AccountService accounts;
    @Autowired LeadIntake intake;
    @Autowired TaskActions tasks;
    @Autowired OpportunityService opportunities;
    @Autowired HistoryService history;
    @Autowired LeadService leads;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired CycleService cycles;
    @Autowired WeeklyCommitService commits;

    @BeforeEach
    void setUp() {
        TestOrganization.ensure(organization, administration);
        TestOrganization.speak(administration, "en"); // the assertions read the English texts
    }

    @Test
    void a_rep_asks_to_advance_in_the_tasklist_and_the_manager_approves_after_a_refused_rejection() {
        // given a qualified deal of 300,000: the rep has an open "Work the stage" task in IBM's Identify stage
        String dealName = "Smart factory rollout " + System.nanoTime();
        String businessKey = qualifiedDeal(dealName);
        long dealId = dealOf(businessKey).id();
        String workTask = tasks.openTaskFor(businessKey, TASK_WORK_STAGE, TestOrganization.REP).getId();

        // the rep opens it from "My tasks" and sees the deal and the outcomes of the stage
        tasklist.signIn(TestOrganization.REP, TestOrganization.PASSWORD);
        tasklist.openFilter("My tasks");
        tasklist.openTask(workTask, "Work the stage");
        tasklist.waitForForm();
        assertThat(tasklist.fieldValue("Stage, win rate")).contains(dealName).contains("Identify");
        assertThat(tasklist.isReadOnly("Stage, win rate")).as("the brief is read-only").isTrue();
        assertThat(tasklist.options("Verifiable outcomes reached")).anySatisfy(o -> assertThat(o).contains("Customer's business and need understood"))
                .anySatisfy(o -> assertThat(o).contains("Market information confirmed with the customer"));

        // and asks to advance with both outcomes, evidence and 25 %
        tasklist.choose("What do you want to do?", "Ask my manager to advance");
        tasklist.choose("Verifiable outcomes reached", "Customer's business and need understood");
        tasklist.choose("Verifiable outcomes reached", "Market information confirmed with the customer");
        tasklist.type("Evidence for the outcomes", EVIDENCE);
        tasklist.type("Probability you claim", "25");
        tasklist.screenshot("tasklist-1-rep-work-the-stage");
        tasklist.complete();
        tasklist.waitUntilTaskIsGone(workTask);
        assertThat(history.createHistoricTaskInstanceQuery().taskId(workTask).finished().count()).as("the rep's task is completed").isEqualTo(1);
        assertThat(opportunities.evidence(dealId)).extracting(e -> e.outcomeCode())
                .contains("NEED_UNDERSTOOD", "MARKET_INFO_CONFIRMED");
        tasklist.signOut();

        // the manager's rejection without a comment is refused by the server, and the Tasklist says why
        String approveTask = tasks.openTaskFor(businessKey, TASK_APPROVE_STAGE_ADVANCE, TestOrganization.MANAGER).getId();
        tasklist.signIn(TestOrganization.MANAGER, TestOrganization.PASSWORD);
        tasklist.openFilter("My tasks");
        tasklist.openTask(approveTask, "Approve advance to");
        tasklist.waitForForm();
        assertThat(tasklist.fieldValue("About this stage advance")).contains(dealName);
        tasklist.choose("Your decision", "Reject: send back to the rep");
        tasklist.complete();
        String refusal = tasklist.waitForNotification("A comment telling the rep what is missing is required");
        tasklist.screenshot("tasklist-2-manager-refusal");
        assertThat(refusal).contains("A comment telling the rep what is missing is required");
        assertThat(tasks.openTaskFor(businessKey, TASK_APPROVE_STAGE_ADVANCE, TestOrganization.MANAGER).getId())
                .as("the refused decision leaves the task open").isEqualTo(approveTask);
        assertThat(dealOf(businessKey).stageCode()).isEqualTo("IDENTIFY");

        // then approves with a comment: the deal moves on to Validate at the claimed 25 %
        tasklist.choose("Your decision", "Approve the advance");
        tasklist.type("Comment for the rep", "Evidence checked, go ahead");
        tasklist.complete();
        tasklist.waitUntilTaskIsGone(approveTask);
        tasklist.screenshot("tasklist-3-final");

        Opportunity deal = opportunities.get(dealId);
        assertThat(deal.stageCode()).isEqualTo("VALIDATE");
        assertThat(deal.probability()).isEqualTo(25);
        assertThat(tasks.openTaskFor(businessKey, TASK_WORK_STAGE, TestOrganization.REP).getId())
                .as("the rep works the next stage").isNotEqualTo(workTask);
    }

    @Test
    void a_rep_submits_the_weekly_commit_in_the_tasklist_from_the_prefilled_deals() {
        // given a deal of 80,000 closing in three days and this week's cycle: the rep has "Submit weekly commit"
        String dealName = "Line sensors retrofit " + System.nanoTime();
        long dealId = leads.qualify(leads.create(new NewLead(TestOrganization.account(accounts, TestOrganization.REP).id(),
                TestOrganization.REP, dealName, "Web", TestOrganization.amount("80000"))).id(), new Qualification(true,
                "Approved", "Plant manager", "Sensors fail weekly", "This week", null, dealName, TestOrganization.amount("80000"),
                LocalDate.now().plusDays(3))).opportunityId();
        runtime.startProcessInstanceByKey(WeeklyCommitProcess.KEY);
        runJobsOfWeeklyCycles();
        Cycle cycle = cycles.recent(Cadence.WEEKLY_COMMIT, 1).get(0);
        String task = tasks.openTaskFor(cycle.cycleKey() + ":" + TestOrganization.REP, WeeklyCommitProcess.TASK_SUBMIT_WEEKLY_COMMIT,
                TestOrganization.REP).getId();

        // the rep opens it: the deal is a row of the grid, proposed as pipeline at 10 %, its checks hidden
        tasklist.signIn(TestOrganization.REP, TestOrganization.PASSWORD);
        tasklist.openFilter("My tasks");
        tasklist.openTask(task, "Submit weekly commit");
        CommitGrid grid = new CommitGrid(browser(), tasklist).waitForRows(1);
        assertThat(grid.week()).contains(cycle.cycleKey());
        assertThat(grid.visibleChecks(dealName)).isZero();

        // commits it with the configuration final, and writes the project tracking
        grid.category(dealName, "commit");
        assertThat(grid.visibleChecks(dealName)).as("a row in commit asks for the checks").isEqualTo(5);
        grid.check(dealName, "configurationFinal");
        grid.projectTracking("Retrofit plan agreed with the plant");
        tasklist.screenshot("tasklist-4-weekly-commit");
        tasklist.complete();
        tasklist.waitUntilTaskIsGone(task);

        CommitReport report = commits.report(cycle.id(), TestOrganization.REP).orElseThrow();
        assertThat(report.commitAmount()).isEqualByComparingTo("80000");
        assertThat(report.projectTracking()).isEqualTo("Retrofit plan agreed with the plant");
        assertThat(commits.items(report.id())).singleElement().satisfies(item -> {
            assertThat(item.opportunityId()).isEqualTo(dealId);
            assertThat(item.configurationFinal()).isTrue();
            assertThat(item.endUserContractSigned()).isFalse();
        });
    }

    private void runJobsOfWeeklyCycles() {
        for (int i = 0; i < 50 && !jobsOfWeeklyCycle().isEmpty(); i++) {
            jobsOfWeeklyCycle().forEach(job -> management.executeJob(job.getId()));
        }
    }

    private List<Job> jobsOfWeeklyCycle() {
        return management.createJobQuery().executable().list().stream()
                .filter(j -> j.getProcessInstanceId() != null && j.getProcessDefinitionKey().startsWith("weekly-")).toList();
    }

    /** A lead of the rep, qualified through the same task action the Tasklist completes. */
    private String qualifiedDeal(String dealName) {
        Lead lead = intake.receive(new NewLead(TestOrganization.account(accounts, TestOrganization.REP).id(),
                TestOrganization.REP, dealName, "Web", TestOrganization.amount("300000")));
        String businessKey = String.valueOf(lead.id());
        tasks.complete(businessKey, TASK_QUALIFY_LEAD, TestOrganization.REP, Map.of(F_QUALIFICATION_DECISION, "qualify",
                F_BUDGET, "In the capex plan", F_AUTHORITY, "CIO", F_NEED, "Paper-based production planning",
                F_TIMELINE, "This quarter", F_OPPORTUNITY_NAME, dealName, F_AMOUNT, "300000",
                F_EXPECTED_CLOSE_DATE, LocalDate.now().plusMonths(2).toString()));
        return businessKey;
    }

    private Opportunity dealOf(String businessKey) {
        long leadId = Long.parseLong(businessKey);
        return opportunities.listVisibleTo(TestOrganization.REP).stream()
                .filter(o -> o.leadId() != null && o.leadId() == leadId)
                .findFirst().orElseThrow(() -> new AssertionError("no opportunity for lead " + leadId));
    }
}
