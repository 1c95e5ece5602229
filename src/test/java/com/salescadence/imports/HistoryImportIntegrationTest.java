package com.salescadence.imports;

import static com.salescadence.imports.TeamHistory.NOW;
import static com.salescadence.imports.TeamHistory.QUARTER;
import static com.salescadence.imports.TeamHistory.STAGES;
import static com.salescadence.imports.TeamHistory.THIS_MONDAY;
import static com.salescadence.imports.TeamHistory.TODAY;
import static com.salescadence.imports.TeamHistory.count;
import static com.salescadence.support.JsonFigures.list;
import static com.salescadence.support.TestOrganization.MANAGER;
import static com.salescadence.support.TestOrganization.REP;
import static com.salescadence.support.TestOrganization.TEAMMATE;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.salescadence.imports.TeamHistory.Deal;
import com.salescadence.organization.OrganizationAdministration;
import com.salescadence.organization.OrganizationService;
import com.salescadence.organization.QuotaService;
import com.salescadence.support.CadenceIntegrationTest;
import com.salescadence.support.ProcessDriver;
import com.salescadence.support.RestCalls;
import com.salescadence.support.TestOrganization;

/**
 * Issue 12 item 3: a generated team with a year of history ({@link TeamHistory}: deals with dated stage paths, won, lost
 * from a stage or still open; orders, invoices and payments; 13 weeks of commits) imported through POST /api/imports (dry
 * run, a refused file, then the import), and the metrics endpoints checked against values computed from the same
 * generated data: the funnel (entered, converted, lost, in stage, stuck, average days; win rate, deal size, cycle), the
 * unfulfilled share this quarter and all time, commit accuracy and its trend, and weekly progress and pipeline growth from
 * the snapshots reconstructed from the history. Business clock Wed 19 Nov 2025 10:00 (week 2025-W47, quarter 2025-Q4).
 * GoLiveIntegrationTest does the same for a team an administrator adds from nothing, with the orders in a later import.
 */
@CadenceIntegrationTest
class HistoryImportIntegrationTest {

    private static final BigDecimal QUOTA = new BigDecimal("3000000");

    @Autowired TestRestTemplate http;
    @Autowired OrganizationService organization;
    @Autowired OrganizationAdministration administration;
    @Autowired QuotaService quotas;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void an_imported_year_of_history_gives_every_figure_computed_from_the_same_data() {
        TestOrganization.ensure(organization, administration);
        ProcessDriver.setClock(NOW);
        quotas.set(REP, "2025-Q4", QUOTA, new BigDecimal("3600000"), "CNY");
        quotas.set(TEAMMATE, "2025-Q4", QUOTA, new BigDecimal("3600000"), "CNY");
        TeamHistory team = TeamHistory.generate(List.of(REP, TEAMMATE), 70, 12, 7);
        List<Deal> deals = team.deals;
        // the generated data holds every case the figures tell apart
        assertThat(count(deals, d -> d.won() && !d.closed().isBefore(QUARTER) && d.owner().equals(REP))).as("won this quarter").isPositive();
        assertThat(count(deals, d -> d.order() != null && d.order().paid() != null)).as("paid orders").isPositive();
        assertThat(count(deals, d -> d.won() && (d.order() == null || d.order().paid() == null))).as("unpaid wins").isPositive();
        for (int i = 0; i < STAGES.size(); i++) {
            int stage = i;
            assertThat(count(deals, d -> "LOST".equals(d.fate()) && d.entered().size() - 1 == stage)).as("lost from " + i).isPositive();
            assertThat(count(deals, d -> d.open() && d.entered().size() - 1 == stage)).as("open in " + i).isPositive();
        }
        assertThat(count(deals, d -> d.open() && d.entered().get(d.entered().size() - 1).isBefore(TODAY.minusDays(31))))
                .as("stuck").isPositive();
        assertThat(count(deals, d -> d.won() && !d.closed().isBefore(THIS_MONDAY.minusWeeks(1)) && d.closed().isBefore(THIS_MONDAY)))
                .as("won last week").isPositive();
        Map<String, byte[]> files = team.files(true);

        // a dry run stores nothing; a history row naming an unknown deal refuses the whole import with its line
        Map<String, Object> dry = ImportFiles.post(http, MANAGER, files, true);
        assertThat(dry).as("%s", dry).containsEntry("status", "VALIDATED");
        assertThat(jdbc.sql("select count(*) from opportunity").query(Long.class).single()).isZero();
        Map<String, byte[]> bad = new LinkedHashMap<>(files);
        bad.put("stage_history", (new String(files.get("stage_history"), StandardCharsets.UTF_8) + "NO-SUCH-DEAL,VALIDATE,2025-06-01\n")
                .getBytes(StandardCharsets.UTF_8));
        Map<String, Object> refused = ImportFiles.post(http, MANAGER, bad, false);
        assertThat(refused).containsEntry("status", "REJECTED");
        int lastLine = new String(bad.get("stage_history"), StandardCharsets.UTF_8).split("\n").length;
        assertThat(list(refused.get("problems"))).singleElement().satisfies(p -> assertThat(p)
                .containsEntry("type", "stage_history").containsEntry("line", lastLine).containsEntry("column", "deal"));
        assertThat(jdbc.sql("select count(*) from opportunity").query(Long.class).single()).isZero();

        Map<String, Object> imported = ImportFiles.post(http, MANAGER, files, false);
        assertThat(imported).as("%s", imported).containsEntry("status", "DONE");
        assertThat((String) imported.get("message")).contains(deals.size() + " opportunities").contains("weekly commits")
                .contains("weekly snapshots reconstructed");

        team.checkFunnel(http, REP, d -> d.owner().equals(REP));
        team.checkUnfulfilled(http, REP, d -> d.owner().equals(REP));
        team.checkAccuracyTrend(http, REP);
        team.checkManagersAccuracy(http, MANAGER, List.of(REP, TEAMMATE));
        team.checkWeeklyProgress(http, REP, List.of(REP), QUOTA);
        // the imported commits count in no report compliance
        assertThat(list(RestCalls.call(http, MANAGER, HttpMethod.GET, "/api/metrics/compliance", null, HttpStatus.OK).get("cycles"))).isEmpty();
    }
}
