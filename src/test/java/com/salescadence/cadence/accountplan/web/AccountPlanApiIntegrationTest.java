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
        assertThat((String) refused.get("error")).contains("Business risks is required.").contains("Forecast year 2 may not be negative");
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
    void a_manager_with_more_second_tier_accounts_than_the_form_has_slots_stores_the_rest_through_the_api_then_completes_the_form() {
        // a team of its own with two second-tier accounts more than the form's 30 slots
        String suffix = String.valueOf(System.nanoTime() % 1_000_000);
        String manager = "t.many" + suffix;
        String rep = "t.manyrep" + suffix;
        administration.add(new Person(manager, "Mona Many", manager + "@test.local", Role.MANAGER, TestOrganization.LEADER, null),
                TestOrganization.PASSWORD);
        administration.add(new Person(rep, "Rafa Many", rep + "@test.local", Role.REP, manager, null), TestOrganization.PASSWORD);
        List<Account> second = new ArrayList<>();
        for (int i = 1; i <= TIER_REVIEW_SLOTS + 2; i++) {
            second.add(accounts.create("Many " + suffix + " no " + i, AccountTier.SECOND, "Retail", rep));
        }
        ProcessInstance review = runtime.startProcessInstanceByKey(TIER_REVIEW_KEY, "account-plans:2017:" + manager,
                Map.of(MANAGER_ID, manager, PLAN_YEAR, 2017, CYCLE_START, new Date()));
        try {
            Task task = taskService.createTaskQuery().processInstanceId(review.getId()).singleResult();
            Account first = second.get(0);
            Account beyond1 = second.get(TIER_REVIEW_SLOTS);
            Account beyond2 = second.get(TIER_REVIEW_SLOTS + 1);

            // the form's brief names the two beyond the slots; the slots hold the first 30
            assertThat((String) taskService.getVariable(task.getId(), TIER_BRIEF)).contains("Review the other 2 through the API")
                    .contains("/api/account-plans/tier-reviews/2017/notes").contains(beyond1.name()).contains(beyond2.name())
                    .doesNotContain(first.name());
            assertThat(taskService.getVariable(task.getId(), TIER_SLOT_LABEL + TIER_REVIEW_SLOTS)).asString()
                    .startsWith(second.get(TIER_REVIEW_SLOTS - 1).name());
            assertThat(taskService.getVariable(task.getId(), TIER_SLOT_LABEL + (TIER_REVIEW_SLOTS + 1))).isNull();

            // the API stores the two without completing; another team's account is refused, someone else has no such review
            String notesPath = "/api/account-plans/tier-reviews/2017/notes";
            Map<String, Object> foreign = call(manager, HttpMethod.PUT, notesPath, Map.of(SECOND_TIER_ROWS,
                    List.of(Map.of("accountId", TestOrganization.account(accounts, TestOrganization.REP).id(), "notes", "x"))),
                    HttpStatus.BAD_REQUEST);
            assertThat((String) foreign.get("error")).contains("is not a second-tier account of your team");
            call(TestOrganization.MANAGER, HttpMethod.PUT, notesPath, Map.of(SECOND_TIER_ROWS, List.of()), HttpStatus.NOT_FOUND);
            call(manager, HttpMethod.PUT, notesPath, Map.of(SECOND_TIER_ROWS,
                    List.of(Map.of("accountId", beyond1.id(), "notes", "Grew 10 %"), Map.of("accountId", beyond2.id(), "notes", "Declining"))),
                    HttpStatus.OK);
            assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).as("still open").isEqualTo(1);
            assertThat(call(manager, HttpMethod.GET, "/api/account-plans/tier-reviews/2017", null, HttpStatus.OK).get("storedNotes"))
                    .asString().contains("Grew 10 %").contains("Declining");

            // completing without the slots' notes is refused and lists the accounts still without a review
            Map<String, Object> incomplete = call(manager, HttpMethod.POST, "/api/account-plans/tier-reviews/2017", Map.of(), HttpStatus.BAD_REQUEST);
            assertThat((String) incomplete.get("error")).contains("Review of " + first.name() + " is required")
                    .doesNotContain("Review of " + beyond1.name());

            // the Tasklist submits the 30 slots: all 32 reviews are recorded
            Map<String, Object> form = new HashMap<>();
            for (int slot = 1; slot <= TIER_REVIEW_SLOTS; slot++) {
                form.put(TIER_SLOT_LABEL + slot, taskService.getVariable(task.getId(), TIER_SLOT_LABEL + slot));
                form.put(TIER_SLOT_NOTES + slot, "Slot " + slot + " reviewed");
            }
            identityService.setAuthentication(manager, List.of());
            try {
                taskService.complete(task.getId(), form);
            } finally {
                identityService.clearAuthentication();
            }
            List<TierReview> recorded = tierReviews.reviews(2017, manager);
            assertThat(recorded).hasSize(TIER_REVIEW_SLOTS + 2).allMatch(r -> r.tier() == AccountTier.SECOND);
            assertThat(recorded).filteredOn(r -> r.accountId() == first.id()).singleElement().extracting(TierReview::notes).isEqualTo("Slot 1 reviewed");
            assertThat(recorded).filteredOn(r -> r.accountId() == beyond2.id()).singleElement().extracting(TierReview::notes).isEqualTo("Declining");
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
