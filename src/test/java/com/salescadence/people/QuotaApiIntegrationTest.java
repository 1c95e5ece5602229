package com.salescadence.people;

import static com.salescadence.support.RestCalls.call;
import static com.salescadence.support.RestCalls.list;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

import com.salescadence.organization.OrganizationAdministration;
import com.salescadence.organization.OrganizationService;
import com.salescadence.organization.QuotaService;
import com.salescadence.support.CadenceIntegrationTest;
import com.salescadence.support.TestOrganization;

/**
 * Quotas through /api/quotas: a manager without an own quota has the sum of their reports' (said as
 * SUM_OF_REPORTS), an own quota wins (EXPLICIT) until removed, and the metrics read the same rule.
 */
@CadenceIntegrationTest
class QuotaApiIntegrationTest {

    private static final String ADMIN = PeopleApiIntegrationTest.ADMIN;


    @Autowired TestRestTemplate http;
    @Autowired OrganizationService organization;
    @Autowired OrganizationAdministration administration;

    private final String quarter = QuotaService.quarterOf(LocalDate.now());

    @BeforeEach
    void people() {
        TestOrganization.ensure(organization, administration);
        PeopleApiIntegrationTest.ensureAdministrator(organization, administration);
    }

    @Test
    void a_managers_quota_is_their_own_or_the_sum_of_their_reports_in_the_api_and_in_the_metrics() {
        put(TestOrganization.REP, "100000", "120000", HttpStatus.OK);
        Map<String, Object> rep2 = put(TestOrganization.TEAMMATE, "200000.50", "250000", HttpStatus.OK);
        assertThat(rep2).containsEntry("source", "EXPLICIT").containsEntry("currency", "CNY");
        assertThat(new BigDecimal(rep2.get("quota").toString())).isEqualByComparingTo("200000.50");

        Map<String, Map<String, Object>> board = board();
        assertThat(board.get(TestOrganization.MANAGER)).containsEntry("source", "SUM_OF_REPORTS");
        assertThat(amount(board.get(TestOrganization.MANAGER), "quota")).isEqualByComparingTo("300000.50");
        assertThat(amount(board.get(TestOrganization.MANAGER), "stretch")).isEqualByComparingTo("370000");
        assertThat(board.get(TestOrganization.OTHER_MANAGER)).containsEntry("source", "NONE").doesNotContainKey("quota");
        assertThat(board.get(TestOrganization.LEADER)).containsEntry("source", "SUM_OF_REPORTS");
        assertThat(amount(board.get(TestOrganization.LEADER), "quota")).isEqualByComparingTo("300000.50");
        assertThat(metricsQuota(TestOrganization.MANAGER)).isEqualByComparingTo("300000.50");
        assertThat(metricsQuota(TestOrganization.LEADER)).isEqualByComparingTo("300000.50");

        // an own quota wins, in the board and the metrics, up the lines too
        put(TestOrganization.MANAGER, "500000", "600000", HttpStatus.OK);
        board = board();
        assertThat(board.get(TestOrganization.MANAGER)).containsEntry("source", "EXPLICIT");
        assertThat(amount(board.get(TestOrganization.LEADER), "quota")).isEqualByComparingTo("500000");
        assertThat(metricsQuota(TestOrganization.MANAGER)).isEqualByComparingTo("500000");
        assertThat(metricsQuota(TestOrganization.LEADER)).isEqualByComparingTo("500000");

        // removed: the sum again
        Map<String, Object> removed = call(http, ADMIN, HttpMethod.DELETE, "/api/quotas/" + TestOrganization.MANAGER + "/" + quarter,
                null, HttpStatus.OK);
        assertThat(removed).containsEntry("source", "SUM_OF_REPORTS");
        assertThat(metricsQuota(TestOrganization.MANAGER)).isEqualByComparingTo("300000.50");

        // another quarter is separate
        assertThat(list(http, ADMIN, "/api/quotas?period=2031-Q1")).allSatisfy(l -> assertThat(l).containsEntry("source", "NONE"));
    }

    @Test
    void bad_quotas_are_refused_and_only_administrators_set_them() {
        Map<String, Object> lowStretch = put(TestOrganization.OTHER_REP, "100000", "90000", HttpStatus.BAD_REQUEST);
        assertThat((String) lowStretch.get("error")).contains("The stretch target must be at least the quota.");
        Map<String, Object> currency = call(http, ADMIN, HttpMethod.PUT, "/api/quotas/" + TestOrganization.OTHER_REP + "/" + quarter,
                Map.of("quota", "1", "stretch", "2", "currency", "XYZ"), HttpStatus.BAD_REQUEST);
        assertThat((String) currency.get("error")).contains("Currency 'XYZ' is not one this system uses");
        Map<String, Object> period = call(http, ADMIN, HttpMethod.PUT, "/api/quotas/" + TestOrganization.OTHER_REP + "/2026-Q5",
                Map.of("quota", "1", "stretch", "2"), HttpStatus.BAD_REQUEST);
        assertThat((String) period.get("error")).contains("Period must look like 2026-Q4.");
        call(http, ADMIN, HttpMethod.PUT, "/api/quotas/p.nobody/" + quarter, Map.of("quota", "1", "stretch", "2"), HttpStatus.BAD_REQUEST);
        call(http, ADMIN, HttpMethod.PUT, "/api/quotas/" + TestOrganization.OTHER_REP + "/" + quarter, Map.of("quota", "-5", "stretch", "2"),
                HttpStatus.BAD_REQUEST);
        call(http, TestOrganization.OTHER_MANAGER, HttpMethod.PUT, "/api/quotas/" + TestOrganization.OTHER_REP + "/" + quarter,
                Map.of("quota", "1", "stretch", "2"), HttpStatus.FORBIDDEN);
        call(http, TestOrganization.OTHER_MANAGER, HttpMethod.GET, "/api/quotas", null, HttpStatus.FORBIDDEN);
        assertThat(board().get(TestOrganization.OTHER_REP)).containsEntry("source", "NONE");
    }

    @Test
    void the_openapi_document_describes_people_quotas_and_password_links_with_their_typed_bodies() {
        String docs = http.getForEntity("/v3/api-docs", String.class).getBody();
        assertThat(docs).contains("/api/people", "/api/people/{login}/move", "/api/people/{login}/leave", "/api/quotas/{login}/{period}",
                "/api/password", "\"NewPerson\"", "\"QuotaLine\"", "SUM_OF_REPORTS", "\"Handover\"");
    }

    private Map<String, Object> put(String person, String quota, String stretch, HttpStatus expected) {
        return call(http, ADMIN, HttpMethod.PUT, "/api/quotas/" + person + "/" + quarter, Map.of("quota", quota, "stretch", stretch),
                expected);
    }

    private Map<String, Map<String, Object>> board() {
        List<Map<String, Object>> lines = list(http, ADMIN, "/api/quotas?period=" + quarter);
        Map<String, Map<String, Object>> byLogin = new java.util.HashMap<>();
        lines.forEach(l -> byLogin.put((String) l.get("login"), l));
        return byLogin;
    }

    private BigDecimal metricsQuota(String person) {
        return amount(call(http, ADMIN, HttpMethod.GET, "/api/metrics/overview?person=" + person, null, HttpStatus.OK), "quota");
    }

    private static BigDecimal amount(Map<String, Object> json, String key) {
        return new BigDecimal(json.get(key).toString());
    }
}
