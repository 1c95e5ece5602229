package com.salescadence.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

import com.salescadence.organization.OrganizationAdministration;
import com.salescadence.organization.OrganizationService;
import com.salescadence.support.CadenceIntegrationTest;
import com.salescadence.support.RestCalls;
import com.salescadence.support.TestOrganization;
import com.salescadence.support.WebAppSession;

/**
 * Issue 18 item 14: Cockpit and Admin are the administrators' (README), managers and reps sign in to the Tasklist
 * only; an expected close date beyond the horizon (cadence.pipeline.close-date-horizon-years, 10) is refused with a
 * message and the lead stays open.
 */
@CadenceIntegrationTest
class WebAppAccessAndHorizonIntegrationTest {

    @LocalServerPort int port;
    @Autowired TestRestTemplate http;
    @Autowired OrganizationService organization;
    @Autowired OrganizationAdministration administration;

    @BeforeEach
    void people() {
        TestOrganization.ensure(organization, administration);
    }

    @Test
    void only_administrators_sign_in_to_cockpit_and_admin() throws Exception {
        for (String person : new String[] {TestOrganization.MANAGER, TestOrganization.LEADER, TestOrganization.REP, TestOrganization.FINANCE}) {
            for (String app : new String[] {"cockpit", "admin"}) {
                assertThat(new WebAppSession(port).signIn(app, person, TestOrganization.PASSWORD)).as(person + " in " + app).isEqualTo(403);
            }
            assertThat(new WebAppSession(port).signIn("tasklist", person, TestOrganization.PASSWORD)).as(person + " in the Tasklist")
                    .isEqualTo(200);
        }
        for (String app : new String[] {"cockpit", "admin", "tasklist"}) {
            assertThat(new WebAppSession(port).signIn(app, "t.admin", TestOrganization.PASSWORD)).as("the administrator in " + app)
                    .isEqualTo(200);
        }
    }

    @Test
    void a_close_date_beyond_ten_years_is_refused_with_a_message() {
        Map<String, Object> account = RestCalls.call(http, TestOrganization.REP, HttpMethod.POST, "/api/accounts",
                Map.of("name", "Horizon Tools " + System.nanoTime(), "tier", "KEY"), HttpStatus.CREATED);
        Map<String, Object> lead = RestCalls.call(http, TestOrganization.REP, HttpMethod.POST, "/api/leads",
                Map.of("accountId", account.get("id"), "title", "Far deal", "estimatedAmount", 300000), HttpStatus.CREATED);
        String qualification = "/api/leads/" + lead.get("id") + "/qualification";
        Map<String, Object> refused = RestCalls.call(http, TestOrganization.REP, HttpMethod.POST, qualification,
                qualify(LocalDate.now().plusYears(10).plusDays(2)), HttpStatus.BAD_REQUEST);
        assertThat((String) refused.get("error")).contains("is too far ahead", "10 years", "太远");
        assertThat(RestCalls.call(http, TestOrganization.REP, HttpMethod.GET, "/api/leads/" + lead.get("id"), null, HttpStatus.OK)
                .get("status")).isEqualTo("OPEN");

        RestCalls.call(http, TestOrganization.REP, HttpMethod.POST, qualification, qualify(LocalDate.now().plusYears(9)), HttpStatus.OK);
    }

    private static Map<String, Object> qualify(LocalDate close) {
        return Map.of("decision", "qualify", "budget", "In the plan", "authority", "CIO", "need", "Planning", "timeline", "Later",
                "opportunityName", "Far deal", "amount", "300000", "expectedCloseDate", close.toString());
    }
}
