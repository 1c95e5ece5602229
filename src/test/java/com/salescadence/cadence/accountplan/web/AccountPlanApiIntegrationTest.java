package com.salescadence.cadence.accountplan.web;

import static com.salescadence.workflow.AccountPlanProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.salescadence.cadence.accountplan.TierReview;
import com.salescadence.cadence.accountplan.TierReviewService;
import com.salescadence.organization.OrganizationAdministration;
import com.salescadence.organization.Person;
import com.salescadence.organization.Role;
import com.salescadence.pipeline.Account;
import com.salescadence.pipeline.AccountService;
import com.salescadence.pipeline.AccountTier;
import com.salescadence.organization.OrganizationService;
import com.salescadence.support.CadenceIntegrationTest;
import com.salescadence.support.TestOrganization;

/**
 * An account plan revision driven through the REST API: who may start it, who may write and review
 * it, bad input refused with nothing stored, and every version kept.
 */
@CadenceIntegrationTest
class AccountPlanApiIntegrationTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };

    @Autowired TestRestTemplate http;
    @Autowired OrganizationService organization;
    @Autowired OrganizationAdministration administration;
    @Autowired AccountService accounts;
    @Autowired RuntimeService runtime;
    @Autowired TaskService taskService;
    @Autowired IdentityService identityService;
    @Autowired TierReviewService tierReviews;
    @Autowired org.camunda.bpm.engine.HistoryService history;

    @BeforeEach
    void people() {
        TestOrganization.ensure(organization, administration);
    }

    @Test
    void a_plan_is_started_by_the_manager_written_by_the_owner_reviewed_by_the_senior_manager_and_every_version_is_kept() {
        Map<String, Object> account = call(TestOrganization.REP, HttpMethod.POST, "/api/accounts",
                Map.of("name", "Plan API account " + System.nanoTime(), "tier", "KEY", "industry", "Logistics"), HttpStatus.CREATED);
        long accountId = ((Number) account.get("id")).longValue();
        String base = "/api/account-plans/" + accountId;

        // only the owner's manager (or above) or an admin starts a revision; other teams do not even see the account
        call(TestOrganization.REP, HttpMethod.POST, base + "/revisions", null, HttpStatus.FORBIDDEN);
        call(TestOrganization.OTHER_MANAGER, HttpMethod.POST, base + "/revisions", null, HttpStatus.NOT_FOUND);
        Map<String, Object> started = call(TestOrganization.MANAGER, HttpMethod.POST, base + "/revisions", null, HttpStatus.CREATED);
        assertThat((String) started.get("businessKey")).startsWith("account:" + accountId + ":");
        Map<String, Object> twice = call(TestOrganization.MANAGER, HttpMethod.POST, base + "/revisions", null, HttpStatus.BAD_REQUEST);
        assertThat((String) twice.get("error")).contains("is in progress");
        call(TestOrganization.OTHER_REP, HttpMethod.GET, base, null, HttpStatus.NOT_FOUND);

        // phase 1: the senior manager sets the direction (the manager has no such task)
        Map<String, Object> direction = Map.of("direction", "Win the 2027 tender", "timeline", "Plan by March", "developWeeks", 10);
        call(TestOrganization.MANAGER, HttpMethod.POST, base + "/direction", direction, HttpStatus.NOT_FOUND);
        Map<String, Object> tooLong = call(TestOrganization.LEADER, HttpMethod.POST, base + "/direction",
                Map.of("direction", "Win", "timeline", "Q1", "developWeeks", 20), HttpStatus.BAD_REQUEST);
        assertThat((String) tooLong.get("error")).contains("between 8 and 12, got 20");
        assertThat(call(TestOrganization.LEADER, HttpMethod.POST, base + "/direction", direction, HttpStatus.OK))
                .containsEntry("status", "DEVELOPING").containsEntry("developWeeks", 10);

        // a bad plan is refused whole and nothing is stored; a teammate cannot write the owner's plan
        Map<String, Object> bad = plan("Summary", List.of(100, -5, 0, 10, 20));
        bad.remove("businessRisks");
        Map<String, Object> refused = call(TestOrganization.REP, HttpMethod.POST, base + "/versions", bad, HttpStatus.BAD_REQUEST);
        assertThat((String) refused.get("error")).contains("Business risks is required.").contains("must not be negative, got -5");
        call(TestOrganization.TEAMMATE, HttpMethod.POST, base + "/versions", plan("Not mine", List.of(1, 1, 1, 1, 1)), HttpStatus.NOT_FOUND);
        assertThat(versions(TestOrganization.REP, base)).isEmpty();

        // a draft, then the submitted plan, sent back with a comment, resubmitted and approved
        Map<String, Object> draft = new HashMap<>(Map.of("draft", true, "executiveSummary", "Started"));
        assertThat(call(TestOrganization.REP, HttpMethod.POST, base + "/versions", draft, HttpStatus.CREATED).get("status")).isEqualTo("DRAFT");
        assertThat(call(TestOrganization.REP, HttpMethod.POST, base + "/versions", plan("First", List.of(1000, 1100, 1200, 1300, 1400)),
                HttpStatus.CREATED)).containsEntry("versionNo", 2).containsEntry("status", "SUBMITTED");
        call(TestOrganization.REP, HttpMethod.POST, base + "/review", Map.of("decision", "approve"), HttpStatus.NOT_FOUND);
        Map<String, Object> noComment = call(TestOrganization.LEADER, HttpMethod.POST, base + "/review", Map.of("decision", "return"),
                HttpStatus.BAD_REQUEST);
        assertThat((String) noComment.get("error")).contains("A comment is required");
        assertThat(call(TestOrganization.LEADER, HttpMethod.POST, base + "/review",
                Map.of("decision", "return", "comment", "Add the tender risk"), HttpStatus.OK)).containsEntry("status", "RETURNED");
        // the owner's form reads the returned plan from GET /api/account-plans/tasks/{taskId}: the owner and the managers above
        String developTask = taskService.createTaskQuery().processInstanceBusinessKey((String) started.get("businessKey"))
                .taskDefinitionKey(TASK_DEVELOP_PLAN).singleResult().getId();
        String sheetPath = "/api/account-plans/tasks/" + developTask;
        Map<String, Object> sheet = call(TestOrganization.REP, HttpMethod.GET, sheetPath, null, HttpStatus.OK);
        assertThat(sheet).containsEntry("latestVersion", 2).containsEntry("direction", "Win the 2027 tender").containsEntry("owner", "Ren Rep");
        assertThat(sheet.get("sections")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("executiveSummary", "First");
        assertThat(sheet.get("lastReview")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("comment", "Add the tender risk");
        assertThat(sheet.get("years")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).hasSize(5)
                .extracting(y -> ((Number) ((Map<?, ?>) y).get("amount")).intValue()).containsExactly(1000, 1100, 1200, 1300, 1400);
        call(TestOrganization.MANAGER, HttpMethod.GET, sheetPath, null, HttpStatus.OK);
        call(TestOrganization.LEADER, HttpMethod.GET, sheetPath, null, HttpStatus.OK);
        call(TestOrganization.TEAMMATE, HttpMethod.GET, sheetPath, null, HttpStatus.FORBIDDEN);
        call(TestOrganization.OTHER_MANAGER, HttpMethod.GET, sheetPath, null, HttpStatus.FORBIDDEN);
        call(TestOrganization.REP, HttpMethod.GET, "/api/account-plans/tasks/no-such-task", null, HttpStatus.NOT_FOUND);
        call(TestOrganization.REP, HttpMethod.POST, base + "/versions", plan("Second", List.of(1000, 1500, 2000, 2500, 3000)), HttpStatus.CREATED);
        call(TestOrganization.LEADER, HttpMethod.POST, base + "/review", Map.of("decision", "approve"), HttpStatus.OK);

        assertThat(versions(TestOrganization.MANAGER, base)).extracting(v -> v.get("versionNo"), v -> v.get("status"))
                .containsExactly(org.assertj.core.api.Assertions.tuple(1, "DRAFT"), org.assertj.core.api.Assertions.tuple(2, "RETURNED"),
                        org.assertj.core.api.Assertions.tuple(3, "APPROVED"));
        Map<String, Object> returned = call(TestOrganization.REP, HttpMethod.GET, base + "/versions/2", null, HttpStatus.OK);
        assertThat(returned).containsEntry("executiveSummary", "First").containsEntry("reviewerComment", "Add the tender risk")
                .containsEntry("reviewerId", TestOrganization.LEADER);
        assertThat(((Number) returned.get("forecastYear5")).intValue()).isEqualTo(1400);
        call(TestOrganization.REP, HttpMethod.GET, base + "/versions/9", null, HttpStatus.NOT_FOUND);
        call(TestOrganization.OTHER_REP, HttpMethod.GET, base + "/versions/2", null, HttpStatus.NOT_FOUND);

        // the approved key-account plan is monitored quarterly, with a progress report every six months
        @SuppressWarnings("unchecked")
        Map<String, Object> monitoring = (Map<String, Object>) ((List<Map<String, Object>>) call(TestOrganization.REP, HttpMethod.GET, base,
                null, HttpStatus.OK).get("plans")).get(0).get("monitoring");
        assertThat(monitoring).containsEntry("frequency", "QUARTERLY");
        assertThat((List<?>) monitoring.get("reviewDates")).hasSize(4);
        assertThat((List<?>) monitoring.get("progressReportDates")).hasSize(2);
        Map<String, Object> tooEarly = call(TestOrganization.MANAGER, HttpMethod.POST, base + "/monitoring",
                Map.of("kind", "quarterly-review", "onTrack", "yes", "notes", "ok"), HttpStatus.NOT_FOUND);
        assertThat((String) tooEarly.get("error")).contains("QuarterlyPlanReview");

        // only an admin starts the yearly cycle by hand
        call(TestOrganization.MANAGER, HttpMethod.POST, "/api/account-plans/cycles", Map.of("year", 2018), HttpStatus.FORBIDDEN);
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_manager_with_42_second_tier_accounts_reads_them_from_the_api_and_is_refused_at_each_row_left_without_a_review() {
        // a team of its own with 42 second-tier accounts (the old form stopped at 30)
        String suffix = String.valueOf(System.nanoTime() % 1_000_000);
        String manager = "t.many" + suffix;
        String rep = "t.manyrep" + suffix;
        administration.add(new Person(manager, "Mona Many", manager + "@test.local", Role.MANAGER, TestOrganization.LEADER, null),
                TestOrganization.PASSWORD);
        administration.add(new Person(rep, "Rafa Many", rep + "@test.local", Role.REP, manager, null), TestOrganization.PASSWORD);
        List<Account> second = new ArrayList<>();
        for (int i = 1; i <= 42; i++) {
            second.add(accounts.create("Many " + suffix + " no " + i, AccountTier.SECOND, "Retail", rep));
        }
        ProcessInstance review = runtime.startProcessInstanceByKey(TIER_REVIEW_KEY, "account-plans:2017:" + manager,
                Map.of(MANAGER_ID, manager, PLAN_YEAR, 2017, CYCLE_START, new Date()));
        try {
            Task task = taskService.createTaskQuery().processInstanceId(review.getId()).singleResult();
            assertThat(runtime.getVariables(review.getId()).keySet()).as("ids only").containsExactlyInAnyOrder(MANAGER_ID, PLAN_YEAR, CYCLE_START);
            String path = "/api/account-plans/tier-reviews/2017";

            // the rows of the form, for the manager (and whoever may see the manager); 403 for anyone else
            Map<String, Object> read = call(manager, HttpMethod.GET, path + "?managerId=" + manager, null, HttpStatus.OK);
            List<Map<String, Object>> rows = (List<Map<String, Object>>) read.get("secondTier");
            assertThat(rows).hasSize(42).extracting(r -> ((Number) r.get("accountId")).longValue())
                    .containsExactlyElementsOf(second.stream().map(Account::id).toList());
            assertThat(rows.get(0)).containsEntry("ownerName", "Rafa Many").containsEntry("name", second.get(0).name());
            call(TestOrganization.LEADER, HttpMethod.GET, path + "?managerId=" + manager, null, HttpStatus.OK);
            assertThat((String) call(TestOrganization.MANAGER, HttpMethod.GET, path + "?managerId=" + manager, null, HttpStatus.FORBIDDEN)
                    .get("error")).contains("您无权").contains("not allowed");
            call(rep, HttpMethod.GET, path + "?managerId=" + manager, null, HttpStatus.FORBIDDEN);

            // 41 reviews and another team's account: refused at the row without a review, nothing stored, the task open
            List<Map<String, Object>> posted = new ArrayList<>();
            for (int i = 0; i < 42; i++) {
                posted.add(Map.of("accountId", second.get(i).id(), "notes", i == 40 ? " " : "Account " + (i + 1) + " reviewed"));
            }
            List<Map<String, Object>> withForeign = new ArrayList<>(posted);
            withForeign.add(Map.of("accountId", TestOrganization.account(accounts, TestOrganization.REP).id(), "notes", "x"));
            Map<String, Object> checked = call(manager, HttpMethod.POST, path + "/check", Map.of(SECOND_TIER_ROWS, withForeign), HttpStatus.BAD_REQUEST);
            assertThat((Map<String, List<String>>) checked.get("rows")).containsOnlyKeys(String.valueOf(second.get(40).id()))
                    .containsEntry(String.valueOf(second.get(40).id()), List.of("请填写对该客户的年度评审。 / Write the yearly review of this account."));
            assertThat((List<String>) checked.get("general")).singleElement().asString().contains("is not a second-tier account of your team");
            Map<String, Object> refused = call(manager, HttpMethod.POST, path, Map.of(SECOND_TIER_ROWS, posted), HttpStatus.BAD_REQUEST);
            assertThat((String) refused.get("error")).contains(second.get(40).name() + "：请填写对该客户的年度评审。");
            assertThat((Map<String, Object>) refused.get("rows")).containsOnlyKeys(String.valueOf(second.get(40).id()));
            assertThat(tierReviews.reviews(2017, manager)).isEmpty();
            assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).as("still open").isEqualTo(1);
            call(manager, HttpMethod.POST, path, Map.of(SECOND_TIER_ROWS, "all fine"), HttpStatus.BAD_REQUEST);

            // all 42 reviewed: recorded, one per account; the instance and its history never held them
            posted.set(40, Map.of("accountId", second.get(40).id(), "notes", "Declining"));
            assertThat(call(manager, HttpMethod.POST, path + "/check", Map.of(SECOND_TIER_ROWS, posted), HttpStatus.OK)).containsEntry("ok", true);
            call(manager, HttpMethod.POST, path, Map.of(SECOND_TIER_ROWS, posted), HttpStatus.OK);
            List<TierReview> recorded = tierReviews.reviews(2017, manager);
            assertThat(recorded).hasSize(42).allMatch(r -> r.tier() == AccountTier.SECOND);
            assertThat(recorded).filteredOn(r -> r.accountId() == second.get(0).id()).singleElement().extracting(TierReview::notes)
                    .isEqualTo("Account 1 reviewed");
            assertThat(recorded).filteredOn(r -> r.accountId() == second.get(40).id()).singleElement().extracting(TierReview::notes)
                    .isEqualTo("Declining");
            assertThat(history.createHistoricVariableInstanceQuery().includeDeleted().processInstanceId(review.getId())
                    .list()).extracting(v -> v.getName()).doesNotContain(SECOND_TIER_ROWS, F_COLLECTIVE_NOTES);
        } finally {
            runtime.createProcessInstanceQuery().processInstanceId(review.getId()).list()
                    .forEach(i -> runtime.deleteProcessInstance(i.getId(), "test done"));
        }
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> versions(String user, String base) {
        List<Map<String, Object>> plans = (List<Map<String, Object>>) call(user, HttpMethod.GET, base, null, HttpStatus.OK).get("plans");
        return plans.isEmpty() ? List.of() : (List<Map<String, Object>>) plans.get(0).get("versions");
    }

    private static Map<String, Object> plan(String summary, List<Integer> forecast) {
        Map<String, Object> plan = new HashMap<>();
        plan.put("executiveSummary", summary);
        plan.put("strategicOptions", "Cross-sell warehousing");
        plan.put("businessRisks", "Tender in 2027");
        plan.put("customerAnalysis", "Retailer, 2000 stores");
        plan.put("goalsObjectives", "Share of wallet 30%");
        plan.put("actionsResources", "Team of four");
        plan.put("forecast", forecast);
        return plan;
    }

    private Map<String, Object> call(String user, HttpMethod method, String path, Object body, HttpStatus expected) {
        ResponseEntity<Map<String, Object>> response = http.withBasicAuth(user, TestOrganization.PASSWORD)
                .exchange(path, method, body == null ? null : json(body), JSON);
        assertThat(response.getStatusCode()).as(method + " " + path + " as " + user + ": " + response.getBody()).isEqualTo(expected);
        return response.getBody();
    }

    private static HttpEntity<Object> json(Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
