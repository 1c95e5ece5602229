package com.salescadence.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.salescadence.organization.OrganizationAdministration;
import com.salescadence.organization.OrganizationService;
import com.salescadence.support.Burst;
import com.salescadence.support.Burst.Answer;
import com.salescadence.support.CadenceIntegrationTest;
import com.salescadence.support.TestOrganization;
import com.salescadence.support.WebAppSession;
import com.salescadence.support.WeeklyCycles;

/**
 * Issue 18 (the concurrency walk) and issue 13 item 7: every write that a double click or a client's retry repeats,
 * sent {@value #AT_ONCE} times at once. Each has at most one effect; the other requests answer 409 with a message (or,
 * for a write that sets a value, the same 2xx); never a 5xx. The writes are a table (path, body, who, what counts as
 * its effect), walked in the order a deal and a week go: account, lead, qualification, stage work, approve against
 * reject, credit check, delivery, payment; the weekly commit through /api, /engine-rest (complete and submit-form) and
 * the Tasklist's own "Complete"; a person, a quota, a language; a go decision, a Camunda Form's submit-form on
 * /engine-rest, a small deal's outcome, a deal's edit; a person moved, changed and leaving. (The same import twice at
 * once: ImportAbuseIntegrationTest.)
 */
@CadenceIntegrationTest
class ConcurrentWritesIntegrationTest {

    static final int AT_ONCE = 10;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REP = TestOrganization.REP;
    private static final String MANAGER = TestOrganization.MANAGER;
    private static final String FINANCE = TestOrganization.FINANCE;
    private static final String ADMIN = "t.admin";

    @LocalServerPort int port;
    @Autowired OrganizationService organization;
    @Autowired OrganizationAdministration administration;
    @Autowired JdbcTemplate jdbc;
    @Autowired ProcessEngine engine;

    /** What each write of the walk answered, for the failure message. */
    private final List<String> walked = new ArrayList<>();

    @BeforeEach
    void people() {
        TestOrganization.ensure(organization, administration);
    }

    @AfterEach
    void clock() {
        ClockUtil.reset();
    }

    @Test
    void each_write_of_a_deal_repeated_at_once_has_one_effect_and_the_rest_answer_409() throws Exception {
        String name = "Burst account " + System.nanoTime();
        once("a new account", REP, "POST", "/api/accounts", Map.of("name", name, "tier", "KEY", "industry", "Tools"),
                () -> count("select count(*) from account where name = ?", name));
        long account = jdbc.queryForObject("select id from account where name = ?", Long.class, name);

        once("a new lead", REP, "POST", "/api/leads", Map.of("accountId", account, "title", "Burst MES", "estimatedAmount", 300000),
                () -> count("select count(*) from lead where account_id = ?", account));
        long lead = jdbc.queryForObject("select id from lead where account_id = ?", Long.class, account);

        once("the qualification", REP, "POST", "/api/leads/" + lead + "/qualification", Map.of("decision", "qualify",
                        "budget", "In the plan", "authority", "CIO", "need", "MES", "timeline", "Q1", "opportunityName", "Burst MES",
                        "amount", "300000", "expectedCloseDate", LocalDate.now().plusMonths(2).toString()),
                () -> count("select count(*) from opportunity where lead_id = ?", lead));
        long deal = jdbc.queryForObject("select id from opportunity where lead_id = ?", Long.class, lead);
        String path = "/api/opportunities/" + deal;

        String[][] stages = {
                {"NEED_UNDERSTOOD,MARKET_INFO_CONFIRMED", "25"},
                {"BUDGET_TIMELINE_KNOWN,SOLUTION_DISCUSSED", "50"},
                {"PROPOSAL_ACCEPTED,CUSTOMER_PREFERS_US", "75"},
                {"VERBAL_COMMITMENT,MAIN_TERMS_AGREED,CONTRACT_SIGNED", "100"}};
        for (int i = 0; i < stages.length; i++) {
            once("stage work " + (i + 1), REP, "POST", path + "/stage-work", Map.of("action", "advance",
                            "outcomes", List.of(stages[i][0].split(",")), "evidence", "Confirmed in writing", "claimedProbability", stages[i][1]),
                    () -> count("select count(*) from advance_request where opportunity_id = ? and status = 'PENDING'", deal));
            if (i == 0) {
                // approve and reject at once by the rightful approver: one decision wins, the other gets 409, never 403 or 500
                List<Answer> answers = burst(MANAGER, "POST", path + "/advance-decision", i2 -> i2 % 2 == 0
                        ? Map.of("decision", "approve", "comment", "Checked") : Map.of("decision", "reject", "comment", "Not yet"));
                record("approve against reject", answers);
                assertOneWinsTheRestConflict("approve against reject", answers);
                assertThat(count("select count(*) from advance_request where opportunity_id = ? and status <> 'PENDING'", deal))
                        .as("one decision").isEqualTo(1);
                if (count("select count(*) from advance_request where opportunity_id = ? and status = 'REJECTED'", deal) == 1) {
                    once("stage work again", REP, "POST", path + "/stage-work", Map.of("action", "advance",
                                    "outcomes", List.of(stages[0][0].split(",")), "evidence", "Confirmed again", "claimedProbability", "25"),
                            () -> count("select count(*) from advance_request where opportunity_id = ? and status = 'PENDING'", deal));
                    once("the approval", MANAGER, "POST", path + "/advance-decision", Map.of("decision", "approve", "comment", "OK"),
                            () -> count("select count(*) from advance_request where opportunity_id = ? and status = 'APPROVED'", deal));
                }
            } else {
                int approvedBefore = (int) count("select count(*) from advance_request where opportunity_id = ? and status = 'APPROVED'", deal);
                once("approval " + (i + 1), MANAGER, "POST", path + "/advance-decision", Map.of("decision", "approve", "comment", "OK"),
                        () -> count("select count(*) from advance_request where opportunity_id = ? and status = 'APPROVED'", deal)
                                - approvedBefore);
            }
        }
        assertThat(jdbc.queryForObject("select status from opportunity where id = ?", String.class, deal)).isEqualTo("WON");

        once("the credit check", FINANCE, "POST", path + "/credit-check", Map.of("decision", "approve", "note", "OK"),
                () -> count("select count(*) from sales_order where opportunity_id = ? and credit_checked_by is not null", deal));
        once("the delivery", REP, "POST", path + "/delivery", Map.of("deliveredOn", LocalDate.now().toString(), "note", "Accepted"),
                () -> count("select count(*) from sales_order where opportunity_id = ? and delivered_at is not null", deal));
        once("a payment", FINANCE, "POST", path + "/payments", Map.of("amount", "100000", "receivedOn", LocalDate.now().toString(),
                        "reference", "BURST-1"),
                () -> count("select count(*) from payment where reference = ?", "BURST-1"));
    }

    @Test
    void a_weekly_commit_completed_twenty_times_at_once_is_stored_once_through_the_api_the_engine_api_and_the_tasklist()
            throws Exception {
        WeeklyCycles weeks = new WeeklyCycles(engine);
        String[] reps = {REP, TestOrganization.TEAMMATE, TestOrganization.OTHER_REP};
        String key = weeks.open(LocalDateTime.of(2021, 6, 6, 8, 0));
        long cycle = jdbc.queryForObject("select id from cadence_cycle where cycle_key = ?", Long.class, key);
        Map<String, Object> empty = Map.of("items", List.of(), "projectTracking", "On track");
        once("the commit through /api", REP, "POST", "/api/cadence/cycles/" + cycle + "/commit", empty,
                () -> count("select count(*) from commit_report where cycle_id = ? and person_id = ?", cycle, REP));

        Map<String, Object> variables = Map.of("variables", Map.of(
                "commitItems", Map.of("value", "[]", "type", "Json"), "projectTracking", Map.of("value", "On track")));
        Task teammate = weeks.commitTask(key, reps[1]);
        once("complete on /engine-rest", reps[1], "POST", "/engine-rest/task/" + teammate.getId() + "/complete", variables,
                () -> count("select count(*) from commit_report where cycle_id = ? and person_id = ?", cycle, reps[1]));

        Task other = weeks.commitTask(key, reps[2]);
        WebAppSession tasklist = new WebAppSession(port);
        assertThat(tasklist.signIn("tasklist", reps[2], TestOrganization.PASSWORD)).isEqualTo(200);
        String body = JSON.writeValueAsString(variables);
        List<Answer> answers = Burst.send(20, () -> tasklist.post(
                "/camunda/api/engine/engine/default/task/" + other.getId() + "/submit-form", body), tasklist.client());
        record("the Tasklist's Complete", answers);
        assertOneWinsTheRestConflict("the Tasklist's Complete", answers);
        assertThat(count("select count(*) from commit_report where cycle_id = ? and person_id = ?", cycle, reps[2])).isEqualTo(1);
    }

    @Test
    void people_quotas_and_languages_set_at_once_are_set_once() throws Exception {
        String login = "t.burst" + (System.nanoTime() % 100000);
        once("a new person", ADMIN, "POST", "/api/people", Map.of("login", login, "name", "Bu Rst", "email", login + "@example.com",
                "role", "REP", "managerId", MANAGER, "language", "zh"), () -> count("select count(*) from person where id = ?", login));
        idempotent("a quota", ADMIN, "PUT", "/api/quotas/" + login + "/2026-Q4", Map.of("quota", "100000", "stretch", "120000"),
                () -> count("select count(*) from quota where person_id = ?", login));
        idempotent("my language", REP, "PUT", "/api/me/language", Map.of("language", "en"),
                () -> count("select count(*) from person where id = ? and language = 'en'", REP));
    }

    @Test
    void a_go_decision_a_small_deals_outcome_a_deal_edit_and_a_task_form_sent_at_once_have_one_effect() throws Exception {
        long large = qualifiedDeal("1500000");
        once("the go decision", MANAGER, "POST", "/api/opportunities/" + large + "/go-decision",
                Map.of("decision", "go", "reasoning", "Strategic account"),
                () -> count("select count(*) from opportunity where id = ? and go_decision = 'GO'", large));
        // the stage work of a Tasklist form (Camunda Form), submitted 10 times at once through /engine-rest
        String task = engine.getTaskService().createTaskQuery().processVariableValueEquals("opportunityId", large)
                .taskDefinitionKey("Task_WorkStage").singleResult().getId();
        once("the stage form's submit-form", REP, "POST", "/engine-rest/task/" + task + "/submit-form", Map.of("variables", Map.of(
                        "stageAction", Map.of("value", "advance"), "outcomesMet", Map.of("value", "NEED_UNDERSTOOD,MARKET_INFO_CONFIRMED"),
                        "evidence", Map.of("value", "Confirmed in writing"), "claimedProbability", Map.of("value", 25))),
                () -> count("select count(*) from advance_request where opportunity_id = ? and status = 'PENDING'", large));

        long small = qualifiedDeal("40000");
        once("the small deal's outcome", REP, "POST", "/api/opportunities/" + small + "/small-deal-outcome",
                Map.of("outcome", "won"), () -> count("select count(*) from opportunity where id = ? and status = 'WON'", small));

        long edited = qualifiedDeal("300000");
        idempotent("a deal's new amount", REP, "PATCH", "/api/deals/" + edited, Map.of("amount", "480000.00"),
                () -> count("select count(*) from deal_change where opportunity_id = ? and field = 'AMOUNT'", edited));
    }

    @Test
    void people_moved_changed_and_leaving_at_once_are_moved_changed_and_leave_once() throws Exception {
        String login = "t.mover" + (System.nanoTime() % 100000);
        Map<String, Object> person = Map.of("login", login, "name", "Mo Ver", "email", login + "@example.com", "role", "REP",
                "managerId", MANAGER, "language", "zh");
        once("a new person", ADMIN, "POST", "/api/people", person, () -> count("select count(*) from person where id = ?", login));
        idempotent("a move", ADMIN, "POST", "/api/people/" + login + "/move", Map.of("managerId", TestOrganization.OTHER_MANAGER),
                () -> count("select count(*) from person where id = ? and manager_id = ?", login, TestOrganization.OTHER_MANAGER));
        idempotent("a change", ADMIN, "PUT", "/api/people/" + login, Map.of("name", "Mo Ver Two", "email", login + "@example.com",
                "role", "REP", "language", "en"), () -> count("select count(*) from person where id = ? and full_name = 'Mo Ver Two'", login));
        // leaving is a state: a request that read the person before the first stored answers what it is (left on this
        // day, this successor); one that reads them gone answers 409 "has left already" (it was 400 "cannot be changed")
        idempotent("leaving", ADMIN, "POST", "/api/people/" + login + "/leave", Map.of("successorId", TestOrganization.OTHER_REP),
                () -> count("select count(*) from person where id = ? and active = false", login));
    }

    /** A deal of the rep qualified through /api on a new account: its id. */
    private long qualifiedDeal(String amount) throws Exception {
        String name = "Burst deal account " + System.nanoTime();
        ApiAnswer account = single(REP, "POST", "/api/accounts", Map.of("name", name, "tier", "KEY", "industry", "Tools"));
        long accountId = ((Number) account.json().get("id")).longValue();
        ApiAnswer lead = single(REP, "POST", "/api/leads", Map.of("accountId", accountId, "title", "Burst", "estimatedAmount", amount));
        long leadId = ((Number) lead.json().get("id")).longValue();
        single(REP, "POST", "/api/leads/" + leadId + "/qualification", Map.of("decision", "qualify", "budget", "Yes",
                "authority", "CIO", "need", "MES", "timeline", "Q1", "opportunityName", "Burst " + amount, "amount", amount,
                "expectedCloseDate", LocalDate.now().plusMonths(2).toString()));
        return jdbc.queryForObject("select id from opportunity where lead_id = ?", Long.class, leadId);
    }

    private record ApiAnswer(int status, Map<?, ?> json) {
    }

    private ApiAnswer single(String user, String method, String path, Map<String, Object> body) throws Exception {
        var response = java.net.http.HttpClient.newHttpClient().send(Burst.json(port, user, method, path, JSON.writeValueAsString(body)),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 299);
        return new ApiAnswer(response.statusCode(), JSON.readValue(response.body(), Map.class));
    }

    /** The write repeated at once: exactly one effect, one 2xx, the others 409 with a message. */
    private void once(String what, String user, String method, String path, Map<String, Object> body, LongSupplier effect)
            throws Exception {
        List<Answer> answers = burst(user, method, path, i -> body);
        record(what, answers);
        assertOneWinsTheRestConflict(what, answers);
        assertThat(effect.getAsLong()).as(what + ": one effect; " + walked).isEqualTo(1);
    }

    /** A write that sets a value: every answer 2xx (or 409 with a message), one effect. */
    private void idempotent(String what, String user, String method, String path, Map<String, Object> body, LongSupplier effect)
            throws Exception {
        List<Answer> answers = burst(user, method, path, i -> body);
        record(what, answers);
        assertThat(answers).as(what + ": " + answers).allSatisfy(a -> assertThat(a.status()).isIn(200, 201, 204, 409));
        assertThat(answers).as(what).anyMatch(Answer::ok);
        answers.stream().filter(a -> a.status() == 409).forEach(a -> assertThat(message(a)).as(what).isNotBlank());
        assertThat(effect.getAsLong()).as(what + ": one effect").isEqualTo(1);
    }

    private void assertOneWinsTheRestConflict(String what, List<Answer> answers) {
        assertThat(answers).as(what + ": never a server error " + answers).noneMatch(a -> a.status() >= 500);
        assertThat(answers.stream().filter(Answer::ok).count()).as(what + ": one request wins " + answers).isEqualTo(1);
        assertThat(answers.stream().filter(a -> !a.ok())).as(what + ": the others lost a race " + answers)
                .allSatisfy(a -> {
                    assertThat(a.status()).isEqualTo(409);
                    assertThat(message(a)).isNotBlank();
                });
    }

    private List<Answer> burst(String user, String method, String path, java.util.function.IntFunction<Map<String, Object>> body)
            throws Exception {
        AtomicInteger n = new AtomicInteger();
        Supplier<java.net.http.HttpRequest> request = () -> {
            try {
                return Burst.json(port, user, method, path, JSON.writeValueAsString(body.apply(n.getAndIncrement())));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        return Burst.send(AT_ONCE, request);
    }

    private void record(String what, List<Answer> answers) {
        walked.add(what + " " + answers.stream().map(Answer::status).sorted().toList());
    }

    private static String message(Answer answer) {
        try {
            Map<?, ?> body = JSON.readValue(answer.body(), Map.class);
            Object message = body.get("error") != null ? body.get("error") : body.get("message");
            return message == null ? "" : message.toString();
        } catch (Exception e) {
            return "";
        }
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }
}
