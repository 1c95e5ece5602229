package com.salescadence.forecasting;

import static com.salescadence.support.JsonFigures.list;
import static com.salescadence.support.JsonFigures.map;
import static com.salescadence.support.TestOrganization.OTHER_MANAGER;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
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
import org.springframework.jdbc.support.GeneratedKeyHolder;

import com.salescadence.organization.OrganizationAdministration;
import com.salescadence.organization.OrganizationService;
import com.salescadence.organization.Role;
import com.salescadence.pipeline.AccountService;
import com.salescadence.support.CadenceIntegrationTest;
import com.salescadence.support.RestCalls;
import com.salescadence.support.TestOrganization;

/**
 * /api/forecasting/backtest over a small constructed history in 1998-1999 (older than any other test's deals, so the
 * company's verdicts are these deals alone), IBM stages (10 / 25 / 50 / 75), prior weight 20 deals, thin below 20
 * verdicts; quarter 1999-Q1 graded (date 1999-04-15, quarters 1). Every figure is worked out in the comments.
 */
@CadenceIntegrationTest
class BacktestApiIntegrationTest {

    static final String HEAD = "bt.head";
    static final String MGR = "bt.mgr";
    static final String REP = "bt.rep";
    static final String REP2 = "bt.rep2";
    static final String ADMIN = "bt.admin";
    static final String URL = "/api/forecasting/backtest?date=1999-04-15&quarters=1";

    @Autowired TestRestTemplate http;
    @Autowired JdbcClient jdbc;
    @Autowired OrganizationService organization;
    @Autowired OrganizationAdministration administration;
    @Autowired AccountService accounts;

    @BeforeEach
    void history() {
        TestOrganization.ensure(organization, administration);
        if (organization.findPerson(HEAD).isEmpty()) {
            // a branch of its own: a head above one first-line team
            add(HEAD, "Bai Head", Role.MANAGER, null);
            add(MGR, "Bao Manager", Role.MANAGER, HEAD);
            add(REP, "Bu Rep", Role.REP, MGR);
            add(REP2, "Bi Rep", Role.REP, MGR);
            add(ADMIN, "Back-test Admin", Role.ADMIN, null);
        }
        long account = TestOrganization.account(accounts, REP).id();
        // H: IDENTIFY then DEVELOP, won 1 Nov 1998 (before the graded quarter: teaches, is not booked in it)
        deal(account, REP, true, "WON", 50_000, "1998-11-01", "IDENTIFY 1998-10-01", "DEVELOP 1998-10-15");
        // P: IDENTIFY, won 100,000 on 10 Feb 1999 (after week 1, before week 6)
        long p = deal(account, REP, true, "WON", 100_000, "1999-02-10", "IDENTIFY 1999-01-04");
        // Q: DEVELOP 200,000, lost 20 Mar 1999 (after both weeks)
        long q = deal(account, REP, true, "LOST", 200_000, "1999-03-20", "DEVELOP 1999-01-04");
        // N: open DEVELOP 300,000 expected in May: next quarter, not in Q1's forecast
        long n = deal(account, REP, true, "OPEN", 300_000, null, "DEVELOP 1999-02-01");
        // R: the teammate's small (out-of-funnel) sale, 25,000 on 25 Mar: booked, teaches nothing
        deal(account, REP2, false, "WON", 25_000, "1999-03-25", "IDENTIFY 1999-03-01");
        // week 1999-W01: an early weekly snapshot (superseded by the later one of the same week) and the reconstructed one
        line(snapshot("WEEKLY", "1999-01-04T08:00:00"), q, REP, "DEVELOP", 999_999, 50, 50, "1999-03-15");
        long s1 = snapshot("HISTORY", "1999-01-10T23:59:59");
        line(s1, p, REP, "IDENTIFY", 100_000, 10, 20, "1999-02-15");
        line(s1, q, REP, "DEVELOP", 200_000, 50, 60, "1999-03-15");
        // week 1999-W06: Q, and N closing next quarter; a manual snapshot of the same week does not count
        long s2 = snapshot("WEEKLY", "1999-02-14T23:59:59");
        line(s2, q, REP, "DEVELOP", 200_000, 50, 60, "1999-03-15");
        line(s2, n, REP, "DEVELOP", 300_000, 50, 60, "1999-05-01");
        line(snapshot("MANUAL", "1999-02-14T23:59:59"), q, REP, "DEVELOP", 999_999, 50, 50, "1999-03-15");
        // the weekly commit of 1999-W06: the rep committed 80,000
        commit("1999-02-08", REP, 80_000);
    }

    @AfterEach
    void removeHistory() {
        String mine = "(select id from opportunity where owner_id in ('" + REP + "', '" + REP2 + "'))";
        jdbc.sql("delete from pipeline_snapshot_line where opportunity_id in " + mine).update();
        jdbc.sql("delete from pipeline_snapshot where taken_at >= ? and taken_at < ? and taken_by = 'bt'")
                .params(LocalDate.of(1999, 1, 1).atStartOfDay(), LocalDate.of(1999, 4, 1).atStartOfDay()).update();
        jdbc.sql("delete from commit_report where person_id = ?").params(REP).update();
        jdbc.sql("delete from report_submission where person_id = ?").params(REP).update();
        jdbc.sql("delete from cadence_cycle where cycle_key = '1999-W06'").update();
        jdbc.sql("delete from stage_history where opportunity_id in " + mine).update();
        jdbc.sql("delete from opportunity where owner_id in ('" + REP + "', '" + REP2 + "')").update();
    }

    @Test
    void each_method_graded_by_hand() {
        Map<String, Object> backtest = RestCalls.call(http, MGR, HttpMethod.GET, URL, null, HttpStatus.OK);
        assertThat(backtest).containsEntry("from", "1999-01-01").containsEntry("to", "1999-04-01").containsEntry("quarters", 1);
        Map<String, Object> team = team(backtest, "BRANCH", MGR);
        List<Map<String, Object>> weeks = list(team.get("weeks"));
        assertThat(weeks).extracting(w -> w.get("week")).containsExactly("1999-W01", "1999-W06");
        // booked by the end of Q1: P 100,000 + R 25,000 = 125,000
        // W01 (10 Jan, the reconstructed snapshot): nothing booked; P IDENTIFY 100,000 (10%, claimed 20%), Q DEVELOP
        // 200,000 (50%, 60%). Verdicts known: H only: IDENTIFY 1 of 1, DEVELOP 1 of 1, thin: the company's, also H alone:
        // IDENTIFY (1 + 20 x 0.1) / 21 = 3/21, DEVELOP (1 + 20 x 0.5) / 21 = 11/21.
        //   configured 10,000 + 100,000 = 110,000; claimed 20,000 + 120,000 = 140,000;
        //   learned 14,285.71 + 104,761.90 = 119,047.61
        Map<String, Object> w1 = weeks.get(0);
        figure(w1, "bookedSoFar", "0.00");
        figure(w1, "actual", "125000.00");
        figure(w1, "configured", "110000.00");
        figure(w1, "claimed", "140000.00");
        // no look-ahead: P's win (10 Feb) and Q's loss (20 Mar) are after the week. Read, they would make IDENTIFY 2 of 2,
        // (2 + 2) / 22, and DEVELOP 1 of 2, 11/22: 18,181.82 + 100,000 = 118,181.82
        figure(w1, "learned", "119047.61");
        assertThat(w1.get("commit")).isNull();
        // W06 (14 Feb): P booked 100,000; Q alone closes in Q1 (N in May); DEVELOP still H alone (P never entered it): 11/21
        //   configured 100,000 + 100,000 = 200,000; claimed 100,000 + 120,000 = 220,000; learned 100,000 + 104,761.90
        Map<String, Object> w6 = weeks.get(1);
        figure(w6, "bookedSoFar", "100000.00");
        figure(w6, "configured", "200000.00");
        figure(w6, "claimed", "220000.00");
        figure(w6, "learned", "204761.90");
        // the week's commit 80,000, booked in the week (8-14 Feb) P 100,000
        figure(w6, "commit", "80000.00");
        figure(w6, "commitActual", "100000.00");
        // errors (forecast - actual) / actual:
        //   configured W01 -15,000 / 125,000 = -0.12, W06 +75,000 / 125,000 = +0.60: APE 0.36, bias +0.24
        //   learned    W01 -5,952.39 / 125,000 = -0.0476191, W06 +79,761.90 / 125,000 = +0.6380952: APE 0.3429, bias +0.2952
        //   claimed    W01 +0.12, W06 +0.76: APE 0.44, bias +0.44
        //   commit     W06 (80,000 - 100,000) / 100,000 = -0.20 (W01 has no commit): APE 0.20, bias -0.20
        grade(team, "CONFIGURED", "0.3600", "0.2400", 2);
        grade(team, "LEARNED", "0.3429", "0.2952", 2);
        grade(team, "CLAIMED", "0.4400", "0.4400", 2);
        Map<String, Object> commit = map(team.get("commit"));
        assertThat(new BigDecimal(String.valueOf(commit.get("ape")))).isEqualByComparingTo("0.2000");
        assertThat(new BigDecimal(String.valueOf(commit.get("bias")))).isEqualByComparingTo("-0.2000");
        assertThat(commit).containsEntry("weeks", 1);
    }

    @Test
    void the_branch_and_each_first_line_team_in_it() {
        Map<String, Object> backtest = RestCalls.call(http, HEAD, HttpMethod.GET, URL, null, HttpStatus.OK);
        assertThat(list(backtest.get("teams"))).extracting(t -> t.get("level") + " " + t.get("personId"))
                .containsExactly("BRANCH " + HEAD, "TEAM " + MGR);
        grade(team(backtest, "TEAM", MGR), "LEARNED", "0.3429", "0.2952", 2);
        grade(team(backtest, "BRANCH", HEAD), "CONFIGURED", "0.3600", "0.2400", 2);
    }

    @Test
    void the_same_access_as_the_metrics() {
        Map<String, Object> own = RestCalls.call(http, REP, HttpMethod.GET, URL, null, HttpStatus.OK);
        // the rep's own: R (the teammate's) is not theirs: actual 100,000; configured W01 110,000: +0.10, W06 200,000: +1.00
        Map<String, Object> rep = team(own, "BRANCH", REP);
        grade(rep, "CONFIGURED", "0.5500", "0.5500", 2);
        RestCalls.call(http, REP, HttpMethod.GET, URL + "&person=" + REP2, null, HttpStatus.FORBIDDEN);
        RestCalls.call(http, MGR, HttpMethod.GET, URL + "&person=" + REP, null, HttpStatus.OK);
        RestCalls.call(http, OTHER_MANAGER, HttpMethod.GET, URL + "&person=" + REP, null, HttpStatus.FORBIDDEN);
        Map<String, Object> all = RestCalls.call(http, ADMIN, HttpMethod.GET, URL + "&person=" + MGR, null, HttpStatus.OK);
        assertThat(list(all.get("teams"))).extracting(t -> t.get("personId")).containsExactly(MGR);
        RestCalls.call(http, ADMIN, HttpMethod.GET, "/api/forecasting/backtest?quarters=5", null, HttpStatus.BAD_REQUEST);
        RestCalls.call(http, ADMIN, HttpMethod.GET, "/api/forecasting/backtest?date=" + LocalDate.now().plusYears(1), null,
                HttpStatus.BAD_REQUEST);
    }

    private static Map<String, Object> team(Map<String, Object> backtest, String level, String person) {
        return list(backtest.get("teams")).stream().filter(t -> level.equals(t.get("level")) && person.equals(t.get("personId")))
                .findFirst().orElseThrow();
    }

    private static void grade(Map<String, Object> team, String method, String ape, String bias, int weeks) {
        Map<String, Object> g = list(team.get("methods")).stream().filter(m -> method.equals(m.get("method"))).findFirst().orElseThrow();
        assertThat(new BigDecimal(String.valueOf(g.get("ape")))).as(method).isEqualByComparingTo(ape);
        assertThat(new BigDecimal(String.valueOf(g.get("bias")))).as(method).isEqualByComparingTo(bias);
        assertThat(g).as(method).containsEntry("weeks", weeks);
    }

    private static void figure(Map<String, Object> week, String name, String expected) {
        assertThat(new BigDecimal(String.valueOf(week.get(name)))).as(week.get("week") + " " + name).isEqualByComparingTo(expected);
    }

    private void add(String id, String name, Role role, String manager) {
        ForecastingFixtures.person(administration, id, name, role, manager);
    }

    private long snapshot(String kind, String takenAt) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into pipeline_snapshot (taken_at, kind, cycle_id, person_id, taken_by) values (?, ?, null, null, 'bt')")
                .params(LocalDateTime.parse(takenAt), kind).update(key, "id");
        return key.getKey().longValue();
    }

    private void line(long snapshot, long deal, String owner, String stage, long amount, int winRate, int claimed, String close) {
        jdbc.sql("""
                insert into pipeline_snapshot_line (snapshot_id, opportunity_id, owner_id, amount, currency, stage_model, stage_code,
                  win_rate, probability, status, expected_close_date, weighted) values (?, ?, ?, ?, 'CNY', 'ibm', ?, ?, ?, 'OPEN', ?, ?)""")
                .params(snapshot, deal, owner, amount, stage, winRate, claimed, LocalDate.parse(close), amount * winRate / 100).update();
    }

    private void commit(String monday, String person, long amount) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        LocalDate start = LocalDate.parse(monday);
        jdbc.sql("insert into cadence_cycle (cadence, cycle_key, starts_at, period_start, period_end) values ('WEEKLY_COMMIT', ?, ?, ?, ?)")
                .params("1999-W06", start.atTime(9, 0), start, start.plusDays(6)).update(key, "id");
        long cycle = key.getKey().longValue();
        GeneratedKeyHolder submission = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into report_submission (cycle_id, person_id, report_type, due_at, status, submitted_at)
                values (?, ?, 'COMMIT', ?, 'ON_TIME', ?)""")
                .params(cycle, person, start.atTime(12, 0), start.atTime(10, 0)).update(submission, "id");
        jdbc.sql("""
                insert into commit_report (submission_id, cycle_id, person_id, commit_amount, upside_amount, last_week_actual, submitted_at)
                values (?, ?, ?, ?, 0, 0, ?)""")
                .params(submission.getKey().longValue(), cycle, person, amount, start.atTime(10, 0)).update();
    }

    /** A deal with its dated stage entries ("STAGE yyyy-mm-dd"), closed at noon of {@code closed} (null: open, expected in May). */
    private long deal(long account, String owner, boolean inFunnel, String status, long amount, String closed, String... entries) {
        return ForecastingFixtures.deal(jdbc, account, owner, inFunnel, status, amount, closed == null ? LocalDate.of(1999, 5, 1) : LocalDate.parse(closed),
                closed == null ? null : LocalDate.parse(closed).atTime(12, 0), entries);
    }
}
