package com.salescadence.forecasting;

import static com.salescadence.support.JsonFigures.list;
import static com.salescadence.support.JsonFigures.map;
import static com.salescadence.support.TestOrganization.OTHER_MANAGER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.salescadence.organization.OrganizationAdministration;
import com.salescadence.organization.OrganizationService;
import com.salescadence.organization.Role;
import com.salescadence.pipeline.AccountService;
import com.salescadence.support.CadenceIntegrationTest;
import com.salescadence.support.RestCalls;
import com.salescadence.support.TestOrganization;

/**
 * /api/forecasting/win-rates over a small dated history in 2001 (older than any other test's deals, so the company is
 * these deals alone), IBM stages, prior weight 20 deals; each expected rate is worked out in the comments.
 */
@CadenceIntegrationTest
class WinRatesApiIntegrationTest {

    static final String MGR = "wr.mgr";
    static final String REP = "wr.rep";
    static final String REP2 = "wr.rep2";
    static final String ADMIN = "wr.admin";

    @Autowired TestRestTemplate http;
    @Autowired JdbcClient jdbc;
    @Autowired OrganizationService organization;
    @Autowired OrganizationAdministration administration;
    @Autowired AccountService accounts;

    @BeforeEach
    void history() {
        TestOrganization.ensure(organization, administration);
        if (organization.findPerson(MGR).isEmpty()) {
            // a branch of its own (no manager above), so no other test's team changes
            add(MGR, "Wang Manager", Role.MANAGER, null);
            add(REP, "Wu Rep", Role.REP, MGR);
            add(REP2, "Wei Rep", Role.REP, MGR);
            add(ADMIN, "Win-rate Admin", Role.ADMIN, null);
        }
        long account = TestOrganization.account(accounts, REP).id();
        // A: moved back from VALIDATE to IDENTIFY and forward again, then DEVELOP, won 20 Mar: once per stage
        deal(account, REP, true, "WON", "2001-03-20", "IDENTIFY 2001-03-01", "VALIDATE 2001-03-05", "IDENTIFY 2001-03-07",
                "VALIDATE 2001-03-09", "DEVELOP 2001-03-12", "WON 2001-03-20");
        // B: lost from IDENTIFY on 10 Apr
        deal(account, REP, true, "LOST", "2001-04-10", "IDENTIFY 2001-04-01", "LOST 2001-04-10");
        // C: a small (out-of-funnel) deal won: teaches nothing
        deal(account, REP, false, "WON", "2001-05-02", "IDENTIFY 2001-05-01");
        // D: won on 15 Jan 2002: unknown at the end of 2001
        deal(account, REP, true, "WON", "2002-01-15", "IDENTIFY 2001-11-01", "WON 2002-01-15");
        // E: the teammate's, lost from VALIDATE
        deal(account, REP2, true, "LOST", "2001-02-20", "IDENTIFY 2001-02-01", "VALIDATE 2001-02-10", "LOST 2001-02-20");
        // F: open in DEVELOP, 200,000 claimed at 60%, expected to close 15 Dec 2001
        deal(account, REP, true, "OPEN", "2001-12-15", "DEVELOP 2001-10-01");
    }

    /** These deals leave with the test: the company's figures of the other tests stay theirs. */
    @AfterEach
    void removeHistory() {
        String mine = "(select id from opportunity where owner_id in ('" + REP + "', '" + REP2 + "'))";
        jdbc.sql("delete from stage_history where opportunity_id in " + mine).update();
        jdbc.sql("delete from opportunity where owner_id in ('" + REP + "', '" + REP2 + "')").update();
    }

    @Test
    void three_forecasts_side_by_side() {
        Map<String, Object> f = RestCalls.call(http, MGR, HttpMethod.GET, "/api/forecasting/forecasts?date=2001-12-31", null, HttpStatus.OK);
        assertThat(f).containsEntry("quarter", "2001-Q4").containsEntry("method", "CONFIGURED");
        // F alone: 200,000 x 50% configured; x 60% claimed; learned DEVELOP: the rep (1 verdict), the team (1) and the
        // company (1) are all thin, so the company's (1 + 20 x 0.5) / (1 + 20) = 11/21: 200,000 x 11/21 = 104,761.90
        assertThat(new java.math.BigDecimal(String.valueOf(f.get("configured")))).isEqualByComparingTo("100000.00");
        assertThat(new java.math.BigDecimal(String.valueOf(f.get("claimed")))).isEqualByComparingTo("120000.00");
        assertThat(new java.math.BigDecimal(String.valueOf(f.get("learned")))).isEqualByComparingTo("104761.90");
        assertThat(new java.math.BigDecimal(String.valueOf(f.get("booked")))).isEqualByComparingTo("0.00");
        assertThat(f.get("commit")).isNull();
        RestCalls.call(http, REP2, HttpMethod.GET, "/api/forecasting/forecasts?person=" + REP, null, HttpStatus.FORBIDDEN);
    }

    @Test
    void rates_of_the_rep_their_team_and_the_company_with_no_look_ahead() {
        Map<String, Object> rates = RestCalls.call(http, MGR, HttpMethod.GET, "/api/forecasting/win-rates?person=" + MGR + "&date=2001-12-31",
                null, HttpStatus.OK);
        assertThat(rates).containsEntry("stageModel", "ibm").containsEntry("asOf", "2001-12-31");
        // the rep: IDENTIFY A won, B lost: (1 + 20 x 0.10) / (2 + 20) = 3/22; VALIDATE A: (1 + 5) / 21; DEVELOP A: (1 + 10) / 21;
        // AGREEMENT nothing: the configured 0.75
        Map<String, Map<String, Object>> rep = stages(rates, "PERSON", REP);
        rate(rep, "IDENTIFY", 2, 1, 3.0 / 22);
        rate(rep, "VALIDATE", 1, 1, 6.0 / 21);
        rate(rep, "DEVELOP", 1, 1, 11.0 / 21);
        rate(rep, "AGREEMENT", 0, 0, 0.75);
        // the team (A, B, E): IDENTIFY 1 of 3: 3/23; VALIDATE A won, E lost: (1 + 5) / 22
        Map<String, Map<String, Object>> team = stages(rates, "TEAM", MGR);
        rate(team, "IDENTIFY", 3, 1, 3.0 / 23);
        rate(team, "VALIDATE", 2, 1, 6.0 / 22);
        rate(stages(rates, "COMPANY", null), "IDENTIFY", 3, 1, 3.0 / 23);
        // a month later D's win is known: the rep's IDENTIFY (2 + 2) / (3 + 20)
        Map<String, Object> later = RestCalls.call(http, REP, HttpMethod.GET, "/api/forecasting/win-rates?date=2002-01-31", null, HttpStatus.OK);
        rate(stages(later, "PERSON", REP), "IDENTIFY", 3, 2, 4.0 / 23);
        Map<String, Object> identify = stages(later, "PERSON", REP).get("IDENTIFY");
        assertThat(((Number) identify.get("low")).doubleValue()).isLessThan(4.0 / 23);
        assertThat(((Number) identify.get("high")).doubleValue()).isGreaterThan(4.0 / 23);
    }

    @Test
    void the_same_access_as_the_metrics() {
        RestCalls.call(http, REP, HttpMethod.GET, "/api/forecasting/win-rates?date=2001-12-31", null, HttpStatus.OK);
        RestCalls.call(http, REP, HttpMethod.GET, "/api/forecasting/win-rates?person=" + REP2, null, HttpStatus.FORBIDDEN);
        RestCalls.call(http, MGR, HttpMethod.GET, "/api/forecasting/win-rates?person=" + REP, null, HttpStatus.OK);
        RestCalls.call(http, OTHER_MANAGER, HttpMethod.GET, "/api/forecasting/win-rates?person=" + REP, null, HttpStatus.FORBIDDEN);
        Map<String, Object> all = RestCalls.call(http, ADMIN, HttpMethod.GET, "/api/forecasting/win-rates?person=" + MGR, null, HttpStatus.OK);
        assertThat(list(all.get("rates"))).extracting(r -> r.get("personId")).contains(MGR, REP, REP2);
        RestCalls.call(http, ADMIN, HttpMethod.GET, "/api/forecasting/win-rates?date=" + LocalDate.now().plusYears(1), null,
                HttpStatus.BAD_REQUEST);
    }

    private static Map<String, Map<String, Object>> stages(Map<String, Object> rates, String level, String person) {
        Map<String, Object> row = list(rates.get("rates")).stream()
                .filter(r -> level.equals(r.get("level")) && java.util.Objects.equals(person, r.get("personId"))).findFirst().orElseThrow();
        Map<String, Map<String, Object>> byStage = new java.util.HashMap<>();
        list(row.get("stages")).forEach(s -> byStage.put((String) s.get("stage"), map(s)));
        return byStage;
    }

    private static void rate(Map<String, Map<String, Object>> stages, String stage, int decided, int won, double expected) {
        Map<String, Object> s = stages.get(stage);
        assertThat(s).as(stage).containsEntry("decided", decided).containsEntry("won", won);
        assertThat(((Number) s.get("rate")).doubleValue()).as(stage).isCloseTo(expected, within(0.00006));
    }

    private void add(String id, String name, Role role, String manager) {
        ForecastingFixtures.person(administration, id, name, role, manager);
    }

    /** A deal with its dated stage entries ("STAGE yyyy-mm-dd"): 100,000 closed at noon of {@code closed}, or 200,000 open expected then. */
    private void deal(long account, String owner, boolean inFunnel, String status, String closed, String... entries) {
        boolean open = "OPEN".equals(status);
        ForecastingFixtures.deal(jdbc, account, owner, inFunnel, status, open ? 200_000 : 100_000, LocalDate.parse(closed),
                open ? null : LocalDate.parse(closed).atTime(12, 0), entries);
    }
}
