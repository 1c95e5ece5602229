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
import com.salescadence.web.browser.TasklistBrowserTestBase;

/**
 * The account plan forms in the Camunda Tasklist in headless Chromium: a manager completes the yearly
 * review of the team's accounts (one numbered slot per second-tier account, no dynamic list), and the
 * owner writes the key-account plan.
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

        // the manager opens it: the brief, the table of both accounts and one slot per account, no third slot
        tasklist.signIn(manager, TestOrganization.PASSWORD);
        tasklist.openFilter("My tasks");
        tasklist.openTask(task.getId(), "Yearly account review");
        tasklist.waitForForm();
        assertThat(tasklist.fieldValue("Your accounts below the key tier")).contains("2 second-tier account(s)").contains(other.name());
        assertThat(tasklist.tableText("Second-tier accounts")).contains(second.get(0).name()).contains(second.get(1).name())
                .contains(String.valueOf(second.get(0).id()));
        assertThat(tasklist.fieldValue("Account (1)")).isEqualTo(second.get(0).name() + " (Remo Review)");
        assertThat(tasklist.isReadOnly("Account (1)")).isTrue();
        assertThat(tasklist.fieldValue("Account (2)")).isEqualTo(second.get(1).name() + " (Remo Review)");
        assertThat(tasklist.hasField("Account (3)")).as("the unused slots are hidden").isFalse();

        // writes one review per account and the collective review, and completes the task
        tasklist.type("Review (1)", "Grew 12 %, renew the frame contract");
        tasklist.type("Review (2)", "Lost the tender, keep in touch");
        tasklist.type("Collective review of all other accounts", "Served by the partner; no action");
        tasklist.screenshot("account-plan-1-yearly-review");
        tasklist.complete();
        tasklist.waitUntilTaskIsGone(task.getId());
        tasklist.screenshot("account-plan-2-yearly-review-completed");

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
    void the_owner_writes_the_key_account_plan_in_the_tasklist_and_it_is_stored_as_a_submitted_version() {
        // given a key account of the rep whose revision passed phase 1 (the senior manager set the direction)
        Account account = accounts.create("Northern Logistics " + System.nanoTime(), AccountTier.KEY, "Logistics", TestOrganization.REP);
        int year = LocalDate.now().getYear();
        ProcessInstance revision = revisions.start(account.id(), year,
                Date.from(LocalDate.now().atStartOfDay(ZoneId.systemDefault()).toInstant()));
        tasks.complete(revision.getBusinessKey(), TASK_PREPARE_PLAN, TestOrganization.LEADER, Map.of(F_DIRECTION,
                "Become their main logistics partner", F_TIMELINE, "Plan by March", F_DEVELOP_WEEKS, 10L));
        String develop = tasks.openTaskFor(revision.getBusinessKey(), TASK_DEVELOP_PLAN, TestOrganization.REP).getId();

        // the rep opens "Write the account plan": the brief shows the account and the direction
        tasklist.signIn(TestOrganization.REP, TestOrganization.PASSWORD);
        tasklist.openFilter("My tasks");
        tasklist.openTask(develop, "Write the account plan");
        tasklist.waitForForm();
        assertThat(tasklist.fieldValue("Account and plan")).contains(account.name()).contains("Become their main logistics partner");
        assertThat(tasklist.isReadOnly("Account and plan")).isTrue();

        // writes every section and the five-year forecast
        tasklist.type("Executive summary", "Grow from transport to warehousing");
        tasklist.type("Strategic options", "Cross-sell warehousing; bid for the 2028 tender");
        tasklist.type("Business risks", "Tender in the second year");
        tasklist.type("Customer overview and analysis", "Retailer with 2000 stores");
        tasklist.type("Goals and objectives", "Share of wallet from 20 % to 30 %");
        tasklist.type("Actions and resources", "Team of four, quarterly executive meeting");
        String[] forecast = {"1000000", "1100000", "1250000", "1400000", "1600000"};
        for (int i = 0; i < forecast.length; i++) {
            tasklist.type("Forecast year " + (i + 1), forecast[i]);
        }
        tasklist.type("Appendix", "Org chart of the customer");
        tasklist.screenshot("account-plan-3-write-the-plan");
        tasklist.complete();
        tasklist.waitUntilTaskIsGone(develop);

        AccountPlan plan = plans.find(account.id(), year).orElseThrow();
        PlanVersion version = plans.latest(plan.id()).orElseThrow();
        assertThat(version.versionNo()).isEqualTo(1);
        assertThat(version.status()).isEqualTo(PlanVersionStatus.SUBMITTED);
        PlanContent content = version.content();
        assertThat(content.executiveSummary()).isEqualTo("Grow from transport to warehousing");
        assertThat(content.strategicOptions()).isEqualTo("Cross-sell warehousing; bid for the 2028 tender");
        assertThat(content.businessRisks()).isEqualTo("Tender in the second year");
        assertThat(content.customerAnalysis()).isEqualTo("Retailer with 2000 stores");
        assertThat(content.goalsObjectives()).isEqualTo("Share of wallet from 20 % to 30 %");
        assertThat(content.actionsResources()).isEqualTo("Team of four, quarterly executive meeting");
        assertThat(content.appendix()).isEqualTo("Org chart of the customer");
        for (int i = 0; i < forecast.length; i++) {
            assertThat(content.forecastYear(i + 1)).as("forecast year " + (i + 1)).isEqualByComparingTo(forecast[i]);
        }
        assertThat(tasks.openTaskFor(revision.getBusinessKey(), TASK_REVIEW_PLAN, TestOrganization.LEADER))
                .as("the senior manager reviews it next").isNotNull();
        runtime.deleteProcessInstance(revision.getId(), "test done");
    }
}
