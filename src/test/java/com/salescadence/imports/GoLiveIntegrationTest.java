package com.salescadence.imports;

import static com.salescadence.imports.GoLiveTeam.ADMIN;
import static com.salescadence.imports.GoLiveTeam.LEADER;
import static com.salescadence.imports.GoLiveTeam.NORTH;
import static com.salescadence.imports.GoLiveTeam.NORTH_REPS;
import static com.salescadence.imports.GoLiveTeam.REPS;
import static com.salescadence.imports.GoLiveTeam.SOUTH;
import static com.salescadence.imports.GoLiveTeam.SOUTH_REPS;
import static com.salescadence.imports.TeamHistory.NEXT_QUARTER;
import static com.salescadence.imports.TeamHistory.NOW;
import static com.salescadence.imports.TeamHistory.QUARTER;
import static com.salescadence.imports.TeamHistory.STAGES;
import static com.salescadence.imports.TeamHistory.THIS_MONDAY;
import static com.salescadence.imports.TeamHistory.count;
import static com.salescadence.imports.TeamHistory.same;
import static com.salescadence.imports.TeamHistory.sum;
import static com.salescadence.support.JsonFigures.amount;
import static com.salescadence.support.JsonFigures.list;
import static com.salescadence.support.JsonFigures.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.salescadence.imports.TeamHistory.Deal;
import com.salescadence.metrics.MetricRules;
import com.salescadence.organization.OrganizationAdministration;
import com.salescadence.organization.OrganizationService;
import com.salescadence.support.CadenceIntegrationTest;
import com.salescadence.support.ProcessDriver;
import com.salescadence.support.RestCalls;

/**
 * Issue 12's "done when" as a test: on a database with no demo data and nobody but the first administrator, the
 * administrator adds a team of eight through /api/people (two first-line managers under a sales leader, four reps,
 * finance; each sets a password with the link of their welcome mail), sets the quotas by CSV import (a first-line
 * manager's explicit, the other's the sum of the reports), imports a generated year of history ({@link TeamHistory}:
 * deals with dated stage paths, lost stages, 13 weeks of commits, and small deals still open, out of the funnel), then
 * in a later import the orders and payments of the won deals, naming them by the ref or the name they were imported with
 * (refused whole first for a bad row). Then on the first day every dashboard figure of a rep, of each first-line manager
 * and of the leader is checked against values computed here from the same data: the funnel (conversion, days, losses,
 * win rate, cycle), the unfulfilled share, commit accuracy and its trend, linearity, weekly progress from the
 * reconstructed snapshot, pipeline growth, the forecast, the pipeline and coverage without the small deals.
 * Business clock Wed 19 Nov 2025 10:00 (week 2025-W47, quarter 2025-Q4); the browser's part is GoLiveBrowserTest.
 */
@CadenceIntegrationTest
class GoLiveIntegrationTest {

    static final BigDecimal REP_QUOTA = new BigDecimal("3000000");
    static final BigDecimal SOUTH_QUOTA = new BigDecimal("5000000");
    /** Two small deals (below out-of-funnel-below, 50,000) of the first rep, open: in no forecast, pipeline or coverage. */
    private static final String SMALL_DEALS = """
            History of g.rep.an,Small one,g.rep.an,30000,2025-12-10,IDENTIFY,,2025-11-01,,S-1,
            History of g.rep.an,Small two,g.rep.an,15000,2025-12-20,IDENTIFY,,2025-11-05,,S-2,
            """;

    @Autowired TestRestTemplate http;
    @Autowired OrganizationService organization;
    @Autowired OrganizationAdministration administration;
    @Autowired JdbcClient jdbc;
    @Autowired org.camunda.bpm.engine.IdentityService identityService;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void an_administrator_brings_a_team_and_its_year_of_history_in_and_the_dashboard_is_right_on_the_first_day() {
        ProcessDriver.setClock(NOW);
        // the first administrator, as a production start creates them (FirstAdministrator); nobody else, no demo data
        GoLiveTeam.firstAdministrator(administration);
        assertThat(jdbc.sql("select count(*) from person where id <> ?").param(ADMIN).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from opportunity").query(Long.class).single()).isZero();

        addTheTeam();
        importQuotas();
        TeamHistory team = TeamHistory.generate(REPS, 120, 6, 11);
        everyCaseIsThere(team);
        importHistory(team);
        importOrdersLater(team);

        // ---- the first day's figures ----
        Predicate<Deal> north = d -> NORTH_REPS.contains(d.owner());
        Predicate<Deal> south = d -> SOUTH_REPS.contains(d.owner());
        String rep = REPS.get(0);
        team.checkFunnel(http, rep, d -> d.owner().equals(rep));
        team.checkFunnel(http, NORTH, north);
        team.checkFunnel(http, LEADER, d -> true);
        team.checkUnfulfilled(http, rep, d -> d.owner().equals(rep));
        team.checkUnfulfilled(http, SOUTH, south);
        team.checkUnfulfilled(http, LEADER, d -> true);
        for (String r : REPS) {
            team.checkAccuracyTrend(http, r);
        }
        team.checkManagersAccuracy(http, NORTH, NORTH_REPS);
        team.checkManagersAccuracy(http, SOUTH, SOUTH_REPS);
        team.checkManagersAccuracy(http, LEADER, REPS);
        team.checkWeeklyProgress(http, rep, List.of(rep), REP_QUOTA);
        team.checkWeeklyProgress(http, NORTH, NORTH_REPS, REP_QUOTA.multiply(BigDecimal.valueOf(2)));     // the sum of the reports
        team.checkWeeklyProgress(http, SOUTH, SOUTH_REPS, SOUTH_QUOTA);                            // its own quota
        forecastPipelineAndCoverage(team, rep, List.of(rep), REP_QUOTA, 2, "45000");
        forecastPipelineAndCoverage(team, NORTH, NORTH_REPS, REP_QUOTA.multiply(BigDecimal.valueOf(2)), 2, "45000");
        forecastPipelineAndCoverage(team, SOUTH, SOUTH_REPS, SOUTH_QUOTA, 0, "0");
        forecastPipelineAndCoverage(team, LEADER, REPS, REP_QUOTA.multiply(BigDecimal.valueOf(2)).add(SOUTH_QUOTA), 2, "45000");
        linearity(team, rep, List.of(rep), REP_QUOTA);
        linearity(team, SOUTH, SOUTH_REPS, SOUTH_QUOTA);
        // the imported commits count in no report compliance
        assertThat(list(RestCalls.call(http, LEADER, HttpMethod.GET, "/api/metrics/compliance", null, HttpStatus.OK).get("cycles"))).isEmpty();
    }

    /** Eight people through /api/people; each sets a password with the one-time link of the welcome mail. */
    private void addTheTeam() {
        GoLiveTeam.PEOPLE.keySet().forEach(login -> GoLiveTeam.add(http, login));
        List<Map<String, Object>> people = RestCalls.list(http, ADMIN, "/api/people");
        assertThat(people).extracting(p -> p.get("login")).containsExactlyInAnyOrderElementsOf(
                java.util.stream.Stream.concat(java.util.stream.Stream.of(ADMIN), GoLiveTeam.PEOPLE.keySet().stream()).toList());
        GoLiveTeam.setPasswords(http, jdbc, identityService);
        assertThat(RestCalls.call(http, NORTH_REPS.get(0), HttpMethod.GET, "/api/people/me", null, HttpStatus.OK))
                .containsEntry("login", NORTH_REPS.get(0)).containsEntry("administrator", false);
        assertThat(organization.person(NORTH_REPS.get(0)).managerId()).isEqualTo(NORTH);
        assertThat(organization.person(LEADER).managerId()).isNull();
    }

    /** The reps' quotas and the southern branch's own by CSV; the northern branch and the leader have the sum of their reports. */
    private void importQuotas() {
        Map<String, Object> imported = ImportFiles.post(http, ADMIN, Map.of("quotas", GoLiveTeam.quotasFile()), false);
        assertThat(imported).as("%s", imported).containsEntry("status", "DONE");
        GoLiveTeam.checkQuotas(http);
    }

    /** The generated data holds every case the figures tell apart. */
    private static void everyCaseIsThere(TeamHistory team) {
        List<Deal> deals = team.deals;
        for (int i = 0; i < STAGES.size(); i++) {
            int stage = i;
            assertThat(count(deals, d -> "LOST".equals(d.fate()) && d.entered().size() - 1 == stage)).as("lost from " + i).isPositive();
            assertThat(count(deals, d -> d.open() && d.entered().size() - 1 == stage)).as("open in " + i).isPositive();
        }
        for (String rep : REPS) {
            assertThat(count(deals, d -> d.owner().equals(rep) && d.won() && !d.closed().isBefore(QUARTER))).as(rep + " won this quarter")
                    .isPositive();
        }
        assertThat(count(deals, d -> d.order() != null && d.order().paid() != null)).as("paid orders").isPositive();
        assertThat(count(deals, d -> d.order() != null && d.order().paid() == null)).as("unpaid orders").isPositive();
        assertThat(count(deals, d -> d.won() && d.order() == null)).as("wins without an order").isPositive();
        assertThat(count(deals, d -> d.won() && !d.closed().isBefore(THIS_MONDAY.minusWeeks(1)) && d.closed().isBefore(THIS_MONDAY)))
                .as("won last week").isPositive();
    }

    /** Accounts, deals (and the small ones), stage history and commits; a dry run first. No orders yet. */
    private void importHistory(TeamHistory team) {
        Map<String, byte[]> files = team.files(false);
        files.put("opportunities", (new String(files.get("opportunities"), StandardCharsets.UTF_8) + SMALL_DEALS).getBytes(StandardCharsets.UTF_8));
        Map<String, Object> dry = ImportFiles.post(http, ADMIN, files, true);
        assertThat(dry).as("%s", dry).containsEntry("status", "VALIDATED");
        Map<String, Object> imported = ImportFiles.post(http, ADMIN, files, false);
        assertThat(imported).as("%s", imported).containsEntry("status", "DONE");
        assertThat((String) imported.get("message")).contains((team.deals.size() + 2) + " opportunities")
                .contains(team.commits.size() + " weekly commits").contains("weekly snapshots reconstructed").doesNotContain("orders");
        // before the orders every won deal is unfulfilled
        Map<String, Object> share = map(TeamHistory.overview(http, LEADER).get("unfulfilledShareAllTime"));
        amount(share, "value", "1");
    }

    /**
     * The orders and payments of the won deals in an import of their own, naming half the deals by the ref they were
     * imported with and half by their name: refused whole for bad rows first (nothing stored), then stored.
     */
    private void importOrdersLater(TeamHistory team) {
        byte[] orders = team.ordersFile(d -> Integer.parseInt(d.ref().substring(2)) % 2 == 0 ? d.ref() : "Deal " + d.ref());
        String good = new String(orders, StandardCharsets.UTF_8);
        int rows = good.split("\n").length - 1;
        Deal open = team.deals.stream().filter(Deal::open).findFirst().orElseThrow();
        String firstRow = good.split("\n")[1];
        String bad = good + "NO-SUCH-DEAL,2025-11-01,,\n" + open.ref() + ",2025-11-01,,\n" + firstRow + "\n";
        Map<String, Object> refused = ImportFiles.post(http, ADMIN, Map.of("orders", bad.getBytes(StandardCharsets.UTF_8)), false);
        assertThat(refused).as("%s", refused).containsEntry("status", "REJECTED");
        assertThat(list(refused.get("problems"))).extracting(p -> p.get("line") + " " + p.get("column")).containsExactly(
                (rows + 2) + " deal", (rows + 3) + " deal", (rows + 4) + " deal");
        assertThat(list(refused.get("problems"))).extracting(p -> (String) p.get("reason")).satisfiesExactly(
                r -> assertThat(r).startsWith("No deal 'NO-SUCH-DEAL'"),
                r -> assertThat(r).isEqualTo("Only a won deal has an order; deal '" + open.ref() + "' is open."),
                r -> assertThat(r).startsWith("Duplicate: the order of deal"));
        assertThat(list(refused.get("problems")).get(1)).containsEntry("reasonZh", "只有赢单的商机才有订单；商机“" + open.ref() + "”尚未关闭。");
        assertThat(jdbc.sql("select count(*) from sales_order").query(Long.class).single()).isZero();

        Map<String, Object> imported = ImportFiles.post(http, ADMIN, Map.of("orders", orders), false);
        assertThat(imported).as("%s", imported).containsEntry("status", "DONE");
        assertThat((String) imported.get("message")).contains(rows + " orders");
        assertThat(jdbc.sql("select count(*) from sales_order").query(Long.class).single()).isEqualTo(rows);
        // the same file again: every deal has its order already
        Map<String, Object> again = ImportFiles.post(http, ADMIN, Map.of("orders", orders), true);
        assertThat(again).containsEntry("status", "REJECTED");
        assertThat((String) map(list(again.get("problems")).get(0)).get("reason")).endsWith("already has an order.");
    }

    /**
     * The forecast (weighted by the stage's win rate, deals closing this quarter), the pipeline this quarter and all open,
     * coverage: funnel deals only; the small deals beside them.
     */
    private void forecastPipelineAndCoverage(TeamHistory team, String viewer, List<String> owners, BigDecimal quota, int smallCount,
                                             String smallAmount) {
        List<Deal> mine = team.deals.stream().filter(d -> owners.contains(d.owner())).toList();
        BigDecimal weighted = TeamHistory.weighted(mine, NOW);
        BigDecimal booked = team.wonIn(owners, QUARTER, NEXT_QUARTER);
        BigDecimal thisQuarter = sum(mine.stream().filter(d -> d.open() && d.expectedClose().isBefore(NEXT_QUARTER)).toList());
        BigDecimal allOpen = sum(mine.stream().filter(Deal::open).toList());
        Map<String, Object> overview = TeamHistory.overview(http, viewer);
        amount(overview, "booked", booked.toPlainString());
        Map<String, Object> forecast = map(overview.get("forecast"));
        BigDecimal remaining = quota.subtract(booked).max(BigDecimal.ZERO);
        amount(map(forecast.get("inputs")), "weighted", weighted.toPlainString());
        amount(map(forecast.get("inputs")), "remainingQuota", remaining.toPlainString());
        amount(map(forecast.get("inputs")), "gap", remaining.subtract(weighted).toPlainString());
        Map<String, Object> pipeline = map(overview.get("pipeline"));
        amount(pipeline, "thisQuarter", thisQuarter.toPlainString());
        amount(pipeline, "allOpen", allOpen.toPlainString());
        Map<String, Object> small = map(pipeline.get("smallDealsInProgress"));
        assertThat(small).as(viewer + " small deals").containsEntry("count", smallCount);
        amount(small, "amount", smallAmount);
        Map<String, Object> coverage = map(overview.get("coverage"));
        amount(map(coverage.get("inputs")), "openPipeline", thisQuarter.toPlainString());
        same(coverage.get("value"), MetricRules.coverageRatio(thisQuarter, quota, booked), viewer + " coverage");
    }

    /** This month's (November's) ended weeks' commits against the month's third of the quarter quota over its 4 Mondays. */
    private void linearity(TeamHistory team, String viewer, List<String> reps, BigDecimal quota) {
        BigDecimal commits = team.commits.stream().filter(c -> reps.contains(c.rep()) && c.monday().getMonthValue() == 11)
                .map(TeamHistory.Commit::commit).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal weeklyShare = quota.divide(BigDecimal.valueOf(12), 2, RoundingMode.HALF_UP);
        Map<String, Object> linearity = map(TeamHistory.overview(http, viewer).get("linearity"));
        Map<String, Object> inputs = map(linearity.get("inputs"));
        amount(inputs, "commits", commits.toPlainString());
        amount(inputs, "weeks", "2");
        amount(inputs, "weeklyShare", weeklyShare.toPlainString());
        same(linearity.get("value"), MetricRules.shown(MetricRules.ratio(commits, weeklyShare.multiply(BigDecimal.valueOf(2)))), viewer + " linearity");
    }
}
