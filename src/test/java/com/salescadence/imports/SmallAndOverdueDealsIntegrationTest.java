package com.salescadence.imports;

import static com.salescadence.support.JsonFigures.amount;
import static com.salescadence.support.JsonFigures.figure;
import static com.salescadence.support.JsonFigures.list;
import static com.salescadence.support.JsonFigures.map;
import static com.salescadence.support.TestOrganization.MANAGER;
import static com.salescadence.support.TestOrganization.REP;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

import com.salescadence.cadence.forecast.ForecastPrefill;
import com.salescadence.cadence.forecast.MonthlyForecastService;
import com.salescadence.organization.OrganizationAdministration;
import com.salescadence.organization.OrganizationService;
import com.salescadence.organization.Person;
import com.salescadence.organization.QuotaService;
import com.salescadence.organization.Role;
import com.salescadence.support.ProcessDriver;
import com.salescadence.support.RestCalls;
import com.salescadence.support.CadenceIntegrationTest;
import com.salescadence.support.TestOrganization;
import com.salescadence.support.WeeklyCycles;
import com.salescadence.workflow.TaskActions;
import com.salescadence.workflow.WeeklyCommitProcess;

/**
 * Issue 12, items 4 and 6, through the API: open out-of-funnel (small) deals are in no forecast, pipeline or coverage
 * figure (overview, drill-down, snapshot, what changed, categories, the Monday call's forecasts, the monthly forecast's
 * pipeline) and are shown beside them as small deals in progress (in the Monday call's grid per line and for the team,
 * from GET /api/cadence/call-tasks/{taskId}); once won they count as sales. An open deal whose close
 * date has passed is imported, flagged overdue, and stays pipeline.
 *
 * Business clock Wed 19 Nov 2025 10:00 (quarter 2025-Q4 to 31 Dec); t.rep1's Q4 quota 1,000,000. Imported for t.rep1:
 * L 200,000 VALIDATE (25%) closing 15 Dec; O 100,000 DEVELOP (50%) that should have closed 31 Oct (overdue);
 * S 30,000 and S2 20,000 (out of the funnel, under 50,000) open, closing 10 Dec and 1 Feb; W 40,000 small, won 3 Nov.
 */
@CadenceIntegrationTest
class SmallAndOverdueDealsIntegrationTest {

    private static final String ADMIN = "t.small.admin";


    @Autowired TestRestTemplate http;
    @Autowired OrganizationService organization;
    @Autowired OrganizationAdministration administration;
    @Autowired QuotaService quotas;
    @Autowired MonthlyForecastService monthlyForecast;
    @Autowired ProcessEngine engine;
    @Autowired TaskActions tasks;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void an_open_small_deal_is_in_no_forecast_pipeline_or_coverage_and_an_overdue_deal_is_imported_and_flagged() {
        TestOrganization.ensure(organization, administration);
        administration.add(new Person(ADMIN, "Small Admin", ADMIN + "@test.local", Role.ADMIN, null, null), TestOrganization.PASSWORD);
        ProcessDriver.setClock(LocalDateTime.of(2025, 11, 19, 10, 0));
        quotas.set(REP, "2025-Q4", new BigDecimal("1000000"), new BigDecimal("1200000"), "CNY");
        importDeals();

        // ---- the overdue deal is imported as it stands, and flagged ----
        Map<String, Long> ids = new HashMap<>();
        Map<String, Boolean> overdue = new HashMap<>();
        RestCalls.list(http, REP, "/api/opportunities").forEach(o -> {
            ids.put((String) o.get("name"), ((Number) o.get("id")).longValue());
            overdue.put((String) o.get("name"), (Boolean) o.get("overdue"));
        });
        assertThat(overdue).containsExactlyInAnyOrderEntriesOf(Map.of("L", false, "O", true, "S", false, "S2", false, "W", false));
        Map<String, Object> details = get(REP, "/api/opportunities/" + ids.get("O"));
        assertThat(details).containsEntry("overdue", true);
        assertThat(map(details.get("opportunity"))).containsEntry("status", "OPEN").containsEntry("expectedCloseDate", "2025-10-31")
                .containsEntry("stageCode", "DEVELOP");

        // ---- the overview: L and O are the pipeline; S and S2 beside it ----
        Map<String, Object> rep = get(REP, "/api/metrics/overview");
        amount(rep, "booked", "40000");                                      // W: a small deal counts as sales once won
        // weighted: L 200,000 x 25% + O 100,000 x 50% = 100,000; remaining 1,000,000 - 40,000 = 960,000; gap 860,000
        figure(rep, "forecast", "100000", "LOW", Map.of("weighted", "100000", "remainingQuota", "960000", "gap", "860000"));
        // coverage (200,000 + 100,000) / 960,000 = 0.3125
        figure(rep, "coverage", "0.3125", "LOW", Map.of("openPipeline", "300000", "remainingTarget", "960000"));
        figure(rep, "pipelineGrowth", null, "NONE", Map.of("thisMonth", "300000"));
        figure(rep, "weeklyProgress", null, "NONE", Map.of("thisWeekForecast", "100000", "thisWeekCumulativeSales", "40000"));
        Map<String, Object> pipeline = map(rep.get("pipeline"));
        amount(pipeline, "thisQuarter", "300000");
        amount(pipeline, "allOpen", "300000");
        smallDeals(pipeline, 2, "50000");
        Map<String, Object> team = get(MANAGER, "/api/metrics/overview");
        figure(team, "forecast", "100000", "LOW", Map.of("weighted", "100000"));
        figure(team, "coverage", "0.3125", "LOW", Map.of("openPipeline", "300000"));      // the team's quota is t.rep1's
        Map<String, Object> child = list(team.get("children")).get(0);
        assertThat(child).containsEntry("personId", REP);
        amount(child, "forecast", "100000");
        amount(child, "coverage", "0.3125");
        smallDeals(child, 2, "50000");
        smallDeals(map(team.get("pipeline")), 2, "50000");

        // ---- a snapshot copies the pipeline only ----
        Map<String, Object> snapshot = call(MANAGER, HttpMethod.POST, "/api/snapshots", null, HttpStatus.CREATED);
        assertThat(snapshot).containsEntry("openCount", 2).containsEntry("openCountThisQuarter", 2);
        amount(snapshot, "openAmount", "300000");

        // ---- Thu 20 Nov: S is won: sales, and no change of the pipeline ----
        ProcessDriver.setClock(LocalDateTime.of(2025, 11, 20, 10, 0));
        call(REP, HttpMethod.POST, "/api/opportunities/" + ids.get("S") + "/small-deal-outcome", Map.of("outcome", "won"), HttpStatus.OK);
        Map<String, Object> changes = get(MANAGER, "/api/snapshots/changes?from=" + snapshot.get("id"));
        amount(changes, "startAmount", "300000");
        amount(changes, "endAmount", "300000");
        assertThat(list(changes.get("changes"))).isEmpty();
        rep = get(REP, "/api/metrics/overview");
        amount(rep, "booked", "70000");                                      // W 40,000 + S 30,000
        figure(rep, "forecast", "100000", "LOW", Map.of("weighted", "100000", "remainingQuota", "930000"));
        smallDeals(map(rep.get("pipeline")), 1, "20000");                    // S2 still open

        // ---- the Monday call (week of 24 Nov): month and quarter forecast = booked + weighted funnel deals ----
        WeeklyCycles week = new WeeklyCycles(engine);
        ProcessDriver.setClock(LocalDateTime.of(2025, 11, 23, 8, 0));
        call(ADMIN, HttpMethod.POST, "/api/cadence/weekly-commit/start", Map.of("cycleStart", "2025-11-23T08:00"), HttpStatus.CREATED);
        week.runDueJobs("2025-W48");
        long cycle = ((Number) RestCalls.list(http, ADMIN, "/api/cadence/weekly-commit/cycles").get(0).get("id")).longValue();
        Map<String, Object> call = get(MANAGER, "/api/cadence/cycles/" + cycle + "/rollup");
        Map<String, Object> row = list(call.get("rows")).stream().filter(r -> REP.equals(r.get("personId"))).findFirst().orElseThrow();
        // quarter: booked 70,000 + L 50,000 + O 50,000 = 170,000 (S2 closes in February, and is no pipeline anyway);
        // November: booked 70,000, no funnel deal closes in November
        amount(row, "quarterForecast", "170000");
        amount(row, "monthForecast", "70000");
        // unfulfilled, as in the metrics: won this quarter before the call's week (W 40,000 and S 30,000), none of it paid
        assertThat(row).containsEntry("unfulfilledShare", "100.0%");
        // ---- the manager opens the Monday call (Mon 24 Nov 09:00, the deadline passed): the grid's lines from the API ----
        WeeklyCycles.setClock(LocalDateTime.of(2025, 11, 24, 9, 0));
        week.runDueJobs("2025-W48");
        String callTask = tasks.openTaskFor("2025-W48:" + MANAGER, WeeklyCommitProcess.TASK_RUN_COMMIT_CALL, MANAGER).getId();
        Map<String, Object> lines = get(MANAGER, "/api/cadence/call-tasks/" + callTask);
        // small deals in progress beside the forecasts, never in them: t.rep1's S2 (S is won), per line and for the team
        Map<String, Object> line = list(lines.get("rows")).stream().filter(r -> REP.equals(r.get("personId"))).findFirst().orElseThrow();
        amount(line, "quarterForecast", "170000");
        smallDeals(line, 1, "20000");
        list(lines.get("rows")).stream().filter(r -> !REP.equals(r.get("personId")))
                .forEach(other -> smallDeals(other, 0, "0"));
        smallDeals(lines, 1, "20000");
        // key deals closing by the end of November: the overdue O only (L closes in December), its stage in both
        // languages, flagged overdue
        assertThat(list(lines.get("keyDeals"))).singleElement().satisfies(deal -> {
            assertThat(deal).containsEntry("name", "O").containsEntry("stageCode", "DEVELOP").containsEntry("owner", "Ren Rep")
                    .containsEntry("expectedCloseDate", "2025-10-31").containsEntry("overdue", true);
            amount(deal, "amount", "100000");
            assertThat((String) deal.get("stageName")).isNotBlank().isNotEqualTo("DEVELOP");
            assertThat((String) deal.get("stageNameZh")).matches(".*\\p{IsHan}.*");
        });

        // ---- the categories' pipeline: every open funnel deal, the small one beside it ----
        Map<String, Object> categories = get(MANAGER, "/api/metrics/categories");
        assertThat(categories).containsEntry("pipelineScope", "PIPELINE_ALL_OPEN");
        Map<String, Object> repRow = list(categories.get("rows")).get(0);
        amount(repRow, "pipeline", "300000");
        smallDeals(repRow, 1, "20000");

        // ---- the monthly forecast's pipeline from December: O (overdue) counts in the first month, S2 not at all ----
        List<ForecastPrefill.MonthFigures> months = monthlyForecast.pipelineByMonth(REP, YearMonth.of(2025, 12));
        assertThat(months.get(0).pipeline()).isEqualByComparingTo("300000");
        assertThat(months.get(0).weighted()).isEqualByComparingTo("100000");
        assertThat(ForecastPrefill.totalPipeline(months)).isEqualByComparingTo("300000");
    }

    private static void smallDeals(Map<String, Object> json, int count, String amount) {
        Map<String, Object> small = map(json.get("smallDealsInProgress"));
        assertThat(small).as("smallDealsInProgress of " + json).containsEntry("count", count);
        amount(small, "amount", amount);
    }

    private void importDeals() {
        String accounts = "name,tier,owner\nGamma Co,KEY," + REP + "\n";
        String deals = """
                account,name,owner,amount,expected_close_date,stage,closed_on,created_on
                Gamma Co,L,t.rep1,200000,2025-12-15,VALIDATE,,
                Gamma Co,O,t.rep1,100000,2025-10-31,DEVELOP,,2025-08-01
                Gamma Co,S,t.rep1,30000,2025-12-10,IDENTIFY,,
                Gamma Co,S2,t.rep1,20000,2026-02-01,IDENTIFY,,
                Gamma Co,W,t.rep1,40000,2025-11-03,WON,2025-11-03,2025-10-20
                """;
        Map<String, Object> imported = ImportFiles.post(http, MANAGER, new java.util.LinkedHashMap<>(Map.of(
                "accounts", accounts.getBytes(StandardCharsets.UTF_8), "opportunities", deals.getBytes(StandardCharsets.UTF_8))), false);
        assertThat(imported).as("%s", imported).containsEntry("status", "DONE")
                .containsEntry("created", Map.of("accounts", 1, "contacts", 0, "opportunities", 5));
    }

    private Map<String, Object> get(String user, String path) {
        return call(user, HttpMethod.GET, path, null, HttpStatus.OK);
    }

    private Map<String, Object> call(String user, HttpMethod method, String path, Object body, HttpStatus expected) {
        return RestCalls.call(http, user, method, path, body, expected);
    }
}
