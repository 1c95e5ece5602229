package com.salescadence.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.salescadence.organization.OrganizationAdministration;
import com.salescadence.organization.OrganizationService;
import com.salescadence.support.CadenceIntegrationTest;
import com.salescadence.support.TestOrganization;

/**
 * The whole application on a real port: a deal driven from lead to cash through the REST API by a rep,
 * their manager and finance, with the permission checks a sales team relies on.
 */
@CadenceIntegrationTest
class LeadToCashApiIntegrationTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> JSON_LIST = new ParameterizedTypeReference<>() { };

    @LocalServerPort int port;
    @Autowired TestRestTemplate http;
    @Autowired OrganizationService organization;
    @Autowired OrganizationAdministration administration;

    private final String today = LocalDate.now().toString();

    @BeforeEach
    void people() {
        TestOrganization.ensure(organization, administration);
    }

    @Test
    void a_deal_goes_from_lead_to_cash_through_the_api_and_only_the_right_people_see_and_decide_it() {
        // the rep enters an account and a lead: the lead-to-cash process starts
        Map<String, Object> account = call(TestOrganization.REP, HttpMethod.POST, "/api/accounts",
                Map.of("name", "Huaxin Precision " + System.nanoTime(), "tier", "KEY", "industry", "Machinery"), HttpStatus.CREATED);
        Map<String, Object> lead = call(TestOrganization.REP, HttpMethod.POST, "/api/leads",
                Map.of("accountId", account.get("id"), "title", "MES rollout", "estimatedAmount", 300000), HttpStatus.CREATED);
        long leadId = ((Number) lead.get("id")).longValue();

        // bad input is refused with a message and nothing is stored
        Map<String, Object> refused = call(TestOrganization.REP, HttpMethod.POST, "/api/leads/" + leadId + "/qualification",
                qualification("lots of money", today), HttpStatus.BAD_REQUEST);
        assertThat((String) refused.get("error")).contains("Amount must be a number, got 'lots of money'.");
        refused = call(TestOrganization.REP, HttpMethod.POST, "/api/leads/" + leadId + "/qualification",
                qualification("300000", "2020-01-01"), HttpStatus.BAD_REQUEST);
        assertThat((String) refused.get("error")).contains("Expected close date 2020-01-01 is in the past.");
        assertThat(call(TestOrganization.REP, HttpMethod.GET, "/api/leads/" + leadId, null, HttpStatus.OK).get("status")).isEqualTo("OPEN");

        call(TestOrganization.REP, HttpMethod.POST, "/api/leads/" + leadId + "/qualification",
                qualification("300000", LocalDate.now().plusMonths(2).toString()), HttpStatus.OK);
        long dealId = list(TestOrganization.REP, "/api/opportunities").stream()
                .filter(o -> o.get("leadId") != null && ((Number) o.get("leadId")).longValue() == leadId)
                .map(o -> ((Number) o.get("id")).longValue()).findFirst().orElseThrow();
        String deal = "/api/opportunities/" + dealId;

        // another team cannot see the deal, a teammate neither; the manager and the leader above can
        call(TestOrganization.OTHER_REP, HttpMethod.GET, deal, null, HttpStatus.NOT_FOUND);
        call(TestOrganization.TEAMMATE, HttpMethod.GET, deal, null, HttpStatus.NOT_FOUND);
        assertThat(list(TestOrganization.OTHER_MANAGER, "/api/opportunities")).noneMatch(o -> ((Number) o.get("id")).longValue() == dealId);
        call(TestOrganization.MANAGER, HttpMethod.GET, deal, null, HttpStatus.OK);
        call(TestOrganization.LEADER, HttpMethod.GET, deal, null, HttpStatus.OK);

        // a claim over the stage cap is refused; a skipped outcome list is refused by the gate
        Map<String, Object> overCap = call(TestOrganization.REP, HttpMethod.POST, deal + "/stage-work",
                stageWork("NEED_UNDERSTOOD,MARKET_INFO_CONFIRMED", "80"), HttpStatus.BAD_REQUEST);
        assertThat((String) overCap.get("error")).contains("may claim at most 50%");
        Map<String, Object> skipped = call(TestOrganization.REP, HttpMethod.POST, deal + "/stage-work",
                Map.of("action", "advance", "outcomes", List.of("NEED_UNDERSTOOD"), "evidence", "x", "targetStage", "AGREEMENT"),
                HttpStatus.BAD_REQUEST);
        assertThat((String) skipped.get("error")).contains("stages cannot be skipped");
        Map<String, Object> unknown = call(TestOrganization.REP, HttpMethod.POST, deal + "/stage-work",
                Map.of("action", "advance", "outcomes", List.of("NEED_UNDERSTOOD"), "evidence", "x", "targetStage", "SIGNED"),
                HttpStatus.BAD_REQUEST);
        assertThat((String) unknown.get("error")).contains("Unknown stage 'SIGNED'");
        assertThat(call(TestOrganization.REP, HttpMethod.GET, deal, null, HttpStatus.OK).get("evidence")).asList().isEmpty();

        String[][] steps = {
                {"NEED_UNDERSTOOD,MARKET_INFO_CONFIRMED", "25", "VALIDATE"},
                {"BUDGET_TIMELINE_KNOWN,SOLUTION_DISCUSSED", "50", "DEVELOP"},
                {"PROPOSAL_ACCEPTED,CUSTOMER_PREFERS_US", "75", "AGREEMENT"},
                {"VERBAL_COMMITMENT,MAIN_TERMS_AGREED,CONTRACT_SIGNED", "100", "WON"}};
        boolean first = true;
        for (String[] step : steps) {
            call(TestOrganization.REP, HttpMethod.POST, deal + "/stage-work", stageWork(step[0], step[1]), HttpStatus.OK);
            if (first) {
                // another team's manager cannot approve; the rep cannot approve their own deal
                call(TestOrganization.OTHER_MANAGER, HttpMethod.POST, deal + "/advance-decision", Map.of("decision", "approve"), HttpStatus.NOT_FOUND);
                call(TestOrganization.REP, HttpMethod.POST, deal + "/advance-decision", Map.of("decision", "approve"), HttpStatus.NOT_FOUND);
                Map<String, Object> noComment = call(TestOrganization.MANAGER, HttpMethod.POST, deal + "/advance-decision",
                        Map.of("decision", "reject"), HttpStatus.BAD_REQUEST);
                assertThat((String) noComment.get("error")).contains("comment");
                first = false;
            }
            Map<String, Object> details = call(TestOrganization.MANAGER, HttpMethod.POST, deal + "/advance-decision",
                    Map.of("decision", "approve", "comment", "Evidence checked"), HttpStatus.OK);
            assertThat(opportunity(details).get("stageCode")).isEqualTo(step[2]);
        }
        assertThat(list(TestOrganization.REP, deal + "/stage-history")).extracting(h -> h.get("toStage"))
                .containsExactly("IDENTIFY", "VALIDATE", "DEVELOP", "AGREEMENT", "WON");

        // cash: finance checks credit, the rep confirms delivery, finance records the payment
        call(TestOrganization.REP, HttpMethod.POST, deal + "/credit-check", Map.of("decision", "approve"), HttpStatus.NOT_FOUND);
        call(TestOrganization.FINANCE, HttpMethod.POST, deal + "/credit-check", Map.of("decision", "approve", "note", "OK"), HttpStatus.OK);
        call(TestOrganization.REP, HttpMethod.POST, deal + "/delivery", Map.of("deliveredOn", today, "note", "Accepted"), HttpStatus.OK);
        Map<String, Object> tooMuch = call(TestOrganization.FINANCE, HttpMethod.POST, deal + "/payments",
                Map.of("amount", "300000.01", "receivedOn", today), HttpStatus.BAD_REQUEST);
        assertThat((String) tooMuch.get("error")).contains("more than the outstanding 300000.00");
        Map<String, Object> paid = call(TestOrganization.FINANCE, HttpMethod.POST, deal + "/payments",
                Map.of("amount", "300000", "receivedOn", today, "reference", "BANK-42"), HttpStatus.OK);
        @SuppressWarnings("unchecked")
        Map<String, Object> invoice = (Map<String, Object>) paid.get("invoice");
        assertThat(invoice.get("status")).isEqualTo("PAID");
        assertThat(list(TestOrganization.FINANCE, "/api/invoices/" + invoice.get("id") + "/payments")).hasSize(1);
        call(TestOrganization.OTHER_REP, HttpMethod.GET, "/api/invoices/" + invoice.get("id"), null, HttpStatus.NOT_FOUND);

        // the manager was told about each request, in the product even without a mail server
        assertThat(list(TestOrganization.MANAGER, "/api/notifications")).anyMatch(n -> "STAGE_ADVANCE_REQUESTED".equals(n.get("kind")));
    }

    @Test
    void a_rep_cannot_open_a_lead_on_another_teams_account_nor_learn_its_name() {
        Map<String, Object> account = call(TestOrganization.OTHER_REP, HttpMethod.POST, "/api/accounts",
                Map.of("name", "Other team customer " + System.nanoTime(), "tier", "SECOND", "industry", "Retail"), HttpStatus.CREATED);
        Object accountId = account.get("id");
        List<Map<String, Object>> leadsBefore = leadsOf(TestOrganization.REP);

        Map<String, Object> refused = call(TestOrganization.REP, HttpMethod.POST, "/api/leads",
                Map.of("accountId", accountId, "title", "Poaching", "estimatedAmount", 100000), HttpStatus.NOT_FOUND);
        assertThat(refused.toString()).contains("No account " + accountId).doesNotContain((String) account.get("name"));
        call(TestOrganization.REP, HttpMethod.GET, "/api/accounts/" + accountId, null, HttpStatus.NOT_FOUND);
        assertThat(leadsOf(TestOrganization.REP)).as("nothing stored").hasSameSizeAs(leadsBefore);

        // the account's own rep and their manager still can
        call(TestOrganization.OTHER_REP, HttpMethod.POST, "/api/leads",
                Map.of("accountId", accountId, "title", "Store refit", "estimatedAmount", 100000), HttpStatus.CREATED);
    }

    private List<Map<String, Object>> leadsOf(String user) {
        ResponseEntity<List<Map<String, Object>>> leads = http.withBasicAuth(user, TestOrganization.PASSWORD)
                .exchange("/api/leads", HttpMethod.GET, null, JSON_LIST);
        assertThat(leads.getStatusCode()).isEqualTo(HttpStatus.OK);
        return leads.getBody();
    }

    @Test
    void the_engine_rest_api_needs_authentication_and_shows_a_rep_only_their_own_tasks() {
        Map<String, Object> account = call(TestOrganization.REP, HttpMethod.POST, "/api/accounts",
                Map.of("name", "Jinghai Logistics " + System.nanoTime(), "tier", "SECOND"), HttpStatus.CREATED);
        Map<String, Object> lead = call(TestOrganization.REP, HttpMethod.POST, "/api/leads",
                Map.of("accountId", account.get("id"), "title", "WMS"), HttpStatus.CREATED);
        String tasks = "/engine-rest/task?processInstanceBusinessKey=" + lead.get("id");

        assertThat(http.getForEntity("/engine-rest/task", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity("/api/opportunities", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(list(TestOrganization.REP, tasks)).hasSize(1);
        assertThat(list(TestOrganization.MANAGER, tasks)).as("the manager sees the team's tasks").hasSize(1);
        assertThat(list(TestOrganization.OTHER_REP, tasks)).isEmpty();
        assertThat(list(TestOrganization.OTHER_MANAGER, tasks)).isEmpty();

        // completing another rep's task through the engine API is refused by Camunda authorization
        String taskId = (String) list(TestOrganization.REP, tasks).get(0).get("id");
        ResponseEntity<String> stolen = http.withBasicAuth(TestOrganization.OTHER_REP, TestOrganization.PASSWORD)
                .postForEntity("/engine-rest/task/" + taskId + "/complete", json(Map.of("variables", Map.of())), String.class);
        assertThat(stolen.getStatusCode().is4xxClientError()).isTrue();
    }

    @Test
    void the_api_is_documented() {
        ResponseEntity<String> docs = http.getForEntity("/v3/api-docs", String.class);
        assertThat(docs.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(docs.getBody()).contains("/api/opportunities/{id}/advance-decision", "/api/leads", "/api/invoices");
    }

    // --- helpers -------------------------------------------------------------------------------

    private Map<String, Object> qualification(String amount, String closeDate) {
        return Map.of("decision", "qualify", "budget", "In the capex plan", "authority", "CIO", "need", "Paper-based production",
                "timeline", "Q1", "opportunityName", "MES rollout", "amount", amount, "expectedCloseDate", closeDate);
    }

    private Map<String, Object> stageWork(String outcomes, String probability) {
        return Map.of("action", "advance", "outcomes", List.of(outcomes.split(",")),
                "evidence", "Confirmed in writing by the customer's CIO", "claimedProbability", probability);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> opportunity(Map<String, Object> details) {
        return (Map<String, Object>) details.get("opportunity");
    }

    private Map<String, Object> call(String user, HttpMethod method, String path, Object body, HttpStatus expected) {
        ResponseEntity<Map<String, Object>> response = http.withBasicAuth(user, TestOrganization.PASSWORD)
                .exchange(path, method, body == null ? null : json(body), JSON);
        assertThat(response.getStatusCode()).as(method + " " + path + " as " + user + ": " + response.getBody()).isEqualTo(expected);
        return response.getBody();
    }

    private List<Map<String, Object>> list(String user, String path) {
        ResponseEntity<List<Map<String, Object>>> response = http.withBasicAuth(user, TestOrganization.PASSWORD)
                .exchange(path, HttpMethod.GET, null, JSON_LIST);
        assertThat(response.getStatusCode()).as("GET " + path + " as " + user).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private static HttpEntity<Object> json(Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
