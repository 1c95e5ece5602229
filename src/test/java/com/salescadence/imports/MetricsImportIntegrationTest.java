package com.salescadence.imports;

import static com.salescadence.support.JsonFigures.amount;
import static com.salescadence.support.JsonFigures.bucket;
import static com.salescadence.support.JsonFigures.nullableAmount;
import static com.salescadence.support.JsonFigures.figure;
import static com.salescadence.support.JsonFigures.list;
import static com.salescadence.support.JsonFigures.map;
import static com.salescadence.support.TestOrganization.MANAGER;
import static com.salescadence.support.TestOrganization.REP;
import static com.salescadence.support.TestOrganization.TEAMMATE;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
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

import com.salescadence.organization.OrganizationAdministration;
import com.salescadence.organization.OrganizationService;
import com.salescadence.organization.Person;
import com.salescadence.organization.Role;
import com.salescadence.organization.QuotaService;
import com.salescadence.support.CadenceIntegrationTest;
import com.salescadence.support.ProcessDriver;
import com.salescadence.support.TestOrganization;
import com.salescadence.support.WeeklyCycles;

/**
 * Issue 4: a known CSV set (import/metrics-*.csv) imported through POST /api/imports, then EVERY
 * figure of every metrics endpoint checked against values computed by hand (arithmetic in the comments):
 * the overview (each Figure's value, flag and inputs, the drill-down rows), the accuracy trend, the funnel,
 * the categories, compliance; then a snapshot, a second CSV (new deals) and deals worked through the
 * lead-to-cash API, and the waterfall of what changed, the snapshot list and the weekly progress against it.
 *
 * Business clock Wed 19 Nov 2025 10:00 (week 2025-W47 from Mon 17 Nov, month 2025-11 with 4 Mondays, quarter
 * 2025-Q4 ending 31 Dec). Quotas of Q4: t.rep1 1,000,000 (stretch 1,200,000), t.rep2 500,000 (600,000).
 * IBM win rates: IDENTIFY 10%, VALIDATE 25%, DEVELOP 50%, AGREEMENT 75%. The deals (metrics-opportunities.csv):
 * t.rep1: A1 400,000 DEVELOP 15 Dec; A2 200,000 VALIDATE 20 Dec; A3 300,000 AGREEMENT 20 Jan 2026; A4 30,000
 * IDENTIFY 1 Dec (out of the funnel, under 50,000); A5 250,000 WON 10 Nov; A6 120,000 LOST 20 Oct.
 * t.rep2: B1 600,000 IDENTIFY 31 Dec; B2 100,000 WON 15 Oct.
 * No weekly commit cycle runs in this test: commit-based figures (accuracy, linearity, commit growth,
 * categories, compliance) are checked as what the API says without one (NONE with the inputs saying why,
 * empty lists, 404 for the categories); MetricsApiIntegrationTest checks them with commits.
 */
@CadenceIntegrationTest
class MetricsImportIntegrationTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };
    private static final String ADMIN = "t.import.admin";
    private static final ParameterizedTypeReference<List<Map<String, Object>>> JSON_LIST = new ParameterizedTypeReference<>() { };

    @Autowired TestRestTemplate http;
    @Autowired OrganizationService organization;
    @Autowired OrganizationAdministration administration;
    @Autowired QuotaService quotas;
    @Autowired ProcessEngine engine;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void every_figure_of_an_imported_pipeline_and_its_changes_matches_the_hand_computed_values() {
        TestOrganization.ensure(organization, administration);
        ProcessDriver.setClock(LocalDateTime.of(2025, 11, 19, 10, 0));
        quotas.set(REP, "2025-Q4", new BigDecimal("1000000"), new BigDecimal("1200000"), "CNY");
        quotas.set(TEAMMATE, "2025-Q4", new BigDecimal("500000"), new BigDecimal("600000"), "CNY");
        importFiles(Map.of("accounts", "metrics-accounts.csv", "opportunities", "metrics-opportunities.csv"),
                Map.of("accounts", 2, "contacts", 0, "opportunities", 8));

        overviewOfTheRep();
        overviewOfTheManager();
        accuracyTrend();
        funnel();
        // no weekly commit cycle exists: no categories to show, no report was due
        assertThat(call(MANAGER, HttpMethod.GET, "/api/metrics/categories", HttpStatus.NOT_FOUND).get("message"))
                .isEqualTo("There is no weekly commit cycle yet.");
        assertThat(list(get(MANAGER, "/api/metrics/compliance").get("cycles"))).isEmpty();
        assertThat(list(get(REP, "/api/metrics/compliance").get("cycles"))).isEmpty();

        snapshotsAndChanges();
        aWeeklyCommit();
    }

    /**
     * The commit-based figures with a weekly commit driven through the API: the cycle of week 2025-W49 starts Sun
     * 30 Nov 08:00; t.rep1 commits A2 200,000 (all five checks) with C1 80,000 as upside; t.rep2 submits nothing
     * and misses the Monday 08:00 deadline; at the commit call the manager adjusts t.rep1 to commit 150,000,
     * upside 100,000, and submits the roll-up; Tue 2 Dec A2 is won (200,000). Read on Mon 8 Dec 10:00 (week W50, month 2025-12 with
     * 5 Mondays). Open then: t.rep1 A3 300,000 (Jan) and C1 80,000 VALIDATE (10 Dec); t.rep2 C2 50,000 (Feb).
     */
    private void aWeeklyCommit() {
        administration.add(new Person(ADMIN, "Import Admin", ADMIN + "@test.local", Role.ADMIN, null, null), TestOrganization.PASSWORD);
        WeeklyCycles week = new WeeklyCycles(engine);
        ProcessDriver.setClock(LocalDateTime.of(2025, 11, 30, 8, 0));
        call(ADMIN, HttpMethod.POST, "/api/cadence/weekly-commit/start", Map.of("cycleStart", "2025-11-30T08:00"), HttpStatus.CREATED);
        week.runDueJobs("2025-W49");
        long cycle = ((Number) getList(ADMIN, "/api/cadence/weekly-commit/cycles").get(0).get("id")).longValue();
        Map<String, Long> ids = new HashMap<>();
        getList(MANAGER, "/api/opportunities").forEach(o -> ids.put((String) o.get("name"), ((Number) o.get("id")).longValue()));

        ProcessDriver.setClock(LocalDateTime.of(2025, 11, 30, 10, 0));
        Map<String, Object> submitted = call(REP, HttpMethod.POST, "/api/cadence/cycles/" + cycle + "/commit", Map.of("items", List.of(
                item(ids.get("A2"), "200000", "commit", true), item(ids.get("C1 new"), "80000", "upside", false)),
                "projectTracking", "On plan"), HttpStatus.OK);
        amount(map(submitted.get("report")), "commitAmount", "200000");
        ProcessDriver.setClock(LocalDateTime.of(2025, 12, 1, 9, 0));
        week.runDueJobs("2025-W49");                                    // the deadline passed: t.rep2 missed; the call is due
        call(MANAGER, HttpMethod.POST, "/api/cadence/cycles/" + cycle + "/rollup", Map.of("adjustments", List.of(Map.of("personId", REP,
                "commit", "150000", "upside", "100000", "reason", "A2 has no signed order yet"))), HttpStatus.OK);
        ProcessDriver.setClock(LocalDateTime.of(2025, 12, 2, 10, 0));
        advance(ids.get("A2"), "PROPOSAL_ACCEPTED,CUSTOMER_PREFERS_US", "75", "AGREEMENT");
        advance(ids.get("A2"), "VERBAL_COMMITMENT,MAIN_TERMS_AGREED,CONTRACT_SIGNED", "100", "WON");

        ProcessDriver.setClock(LocalDateTime.of(2025, 12, 8, 10, 0));
        Map<String, Object> rep = get(REP, "/api/metrics/overview");
        assertThat(rep).containsEntry("week", "2025-W50").containsEntry("month", "2025-12");
        amount(rep, "booked", "880000");                                    // 680,000 + A2 200,000
        // weighted by 31 Dec: C1 80,000 x 25% = 20,000; remaining 1,000,000 - 880,000 = 120,000; gap 100,000
        figure(rep, "forecast", "20000", "LOW", Map.of("remainingQuota", "120000", "gap", "100000"));
        // last week W49 (1-7 Dec): commit as rolled up = the manager's adjustment 150,000; won A2 200,000;
        // 200,000 / 150,000 = 1.333333 -> 1.3333 above 110%: HIGH
        figure(rep, "commitAccuracy", "1.3333", "HIGH", Map.of("commit", "150000", "actual", "200000"));
        // December's weeks so far: W49 only, 150,000; weekly share 1,000,000 / (3 x 5 Mondays) = 66,666.67;
        // 150,000 / 66,666.67 = 2.250000 -> 2.25 above 100%: HIGH
        figure(rep, "linearity", "2.2500", "HIGH", Map.of("commits", "150000", "weeks", "1", "weeklyShare", "66666.67",
                "linearShare", "66666.67", "weeksInMonth", "5"));
        // 80,000 / 120,000 = 0.6667
        figure(rep, "coverage", "0.6667", "LOW", Map.of("openPipeline", "80000", "remainingTarget", "120000"));
        // November's latest snapshot holding the rep: the submission of Sun 30 Nov 10:00, A2 200,000 + A3 300,000 +
        // C1 80,000 = 580,000; now A3 + C1 = 380,000; (380,000 - 580,000) / 580,000 = -0.344828 -> -0.3448 < 5%: LOW
        figure(rep, "pipelineGrowth", "-0.3448", "LOW", Map.of("thisMonth", "380000", "lastMonth", "580000"));
        // no weekly commit in November to compare with: NONE
        figure(rep, "commitGrowth", null, "NONE", Map.of("thisMonth", "150000", "weeks", "1"));
        // no snapshot taken in W49 (1-7 Dec; the submission's was Sun 30 Nov): NONE
        figure(rep, "weeklyProgress", null, "NONE", Map.of("thisWeekForecast", "20000", "thisWeekCumulativeSales", "880000"));
        nullInputs(rep, "weeklyProgress", "lastWeekForecast", "snapshotId");
        // this quarter: t.rep1's one commit, on time: 1 / 1
        figure(rep, "compliance", "1.0000", "OK", Map.of("onTime", "1", "late", "0", "missing", "0", "due", "1"));

        Map<String, Object> team = get(MANAGER, "/api/metrics/overview");
        // the branch's rolled-up commit: t.rep1 as adjusted 150,000 + t.rep2 nothing = 150,000; won 200,000
        figure(team, "commitAccuracy", "1.3333", "HIGH", Map.of("commit", "150000", "actual", "200000"));
        // weekly share 1,500,000 / 15 = 100,000; 150,000 / 100,000 = 1.5
        figure(team, "linearity", "1.5000", "HIGH", Map.of("commits", "150000", "weeks", "1", "weeklyShare", "100000"));
        // t.rep1 and the manager's roll-up (submitted with the adjustment at the call) on time, t.rep2 missing: 2 / 3
        figure(team, "compliance", "0.6667", "LOW", Map.of("onTime", "2", "late", "0", "missing", "1", "due", "3"));
        List<Map<String, Object>> children = list(team.get("children"));
        amount(children.get(0), "commitAccuracy", "1.3333");
        assertThat(children.get(1)).containsEntry("commitAccuracy", null);   // committed 0, won 0: undefined

        // accuracy trend of the rep: W47 won A1 + A4 430,000, W48 nothing, W49 1.3333
        List<Map<String, Object>> weeks = list(get(REP, "/api/metrics/accuracy-trend?weeks=3").get("weeks"));
        assertThat(weeks).extracting(w -> w.get("week")).containsExactly("2025-W47", "2025-W48", "2025-W49");
        assertThat(weeks.get(0)).containsEntry("commit", null).containsEntry("flag", "NONE");
        amount(weeks.get(0), "actual", "430000");
        amount(weeks.get(1), "actual", "0");
        assertThat(weeks.get(2)).containsEntry("flag", "HIGH");
        amount(weeks.get(2), "commit", "150000");
        amount(weeks.get(2), "actual", "200000");
        amount(weeks.get(2), "accuracy", "1.3333");

        // categories of W49 (the latest cycle); upside is nested: commit + upside
        Map<String, Object> categories = get(MANAGER, "/api/metrics/categories");
        assertThat(categories).containsEntry("cycleKey", "2025-W49").containsEntry("personId", MANAGER);
        List<Map<String, Object>> rows = list(categories.get("rows"));
        assertThat(rows).extracting(r -> r.get("personId")).containsExactly(REP, TEAMMATE);
        bucket(rows.get(0), "commit", "200000", null, "150000", "150000");
        bucket(rows.get(0), "upside", "280000", null, "250000", "250000");  // 200,000 + 80,000; 150,000 + 100,000
        amount(rows.get(0), "pipeline", "380000");                         // all open: A3 300,000 + C1 80,000
        bucket(rows.get(1), "commit", "0", null, null, "0");
        bucket(rows.get(1), "upside", "0", null, null, "0");
        amount(rows.get(1), "pipeline", "50000");                          // C2
        // the manager: raw as passed up 200,000 (280,000); own = as adjusted 150,000 (250,000); nobody above adjusted
        Map<String, Object> total = map(categories.get("total"));
        bucket(total, "commit", "200000", "150000", null, "150000");
        bucket(total, "upside", "280000", "250000", null, "250000");
        amount(total, "pipeline", "430000");

        // the submission snapshotted the rep's pipeline: A2 200,000 + A3 300,000 + C1 80,000 = 580,000 (3 deals);
        // closing by 31 Dec A2 + C1 = 280,000 (2 deals)
        List<Map<String, Object>> snapshots = getList(REP, "/api/snapshots");
        assertThat(snapshots).extracting(x -> x.get("kind")).containsExactly("SUBMISSION", "MANUAL");
        Map<String, Object> submission = snapshots.get(0);
        assertThat(submission).containsEntry("cycleKey", "2025-W49").containsEntry("openCount", 3)
                .containsEntry("openCountThisQuarter", 2).containsEntry("quarterEnd", "2025-12-31");
        amount(submission, "openAmount", "580000");
        amount(submission, "openAmountThisQuarter", "280000");
        // since then: A2 won; 280,000 - 200,000 = 80,000 (C1)
        Map<String, Object> sinceCommit = get(REP, "/api/snapshots/changes?from=" + submission.get("id"));
        amount(sinceCommit, "startAmount", "280000");
        amount(sinceCommit, "endAmount", "80000");
        assertThat(waterfall(sinceCommit)).containsEntry("WON", "-200000 x1").containsEntry("NEW", "0 x0");
        assertAddsUp(sinceCommit);

        funnelAfterTheMoves();

        // compliance per cycle: W49 due 3 (two commits and the manager's roll-up), on time 2, missing 1
        List<Map<String, Object>> cycles = list(get(MANAGER, "/api/metrics/compliance").get("cycles"));
        assertThat(cycles).hasSize(1);
        assertThat(cycles.get(0)).containsEntry("cycleKey", "2025-W49").containsEntry("cadence", "WEEKLY_COMMIT")
                .containsEntry("due", 3).containsEntry("onTime", 2).containsEntry("late", 0).containsEntry("missing", 1);
        amount(cycles.get(0), "rate", "0.6667");
    }

    /**
     * The funnel on Mon 8 Dec after the deals moved through the lead-to-cash API (the engine clock stands still, so
     * each step's changed_at is the clock then). Stage history: A1 DEVELOP 19 Nov 10:00 (import), AGREEMENT and WON
     * 20 Nov 10:00; A2 VALIDATE 19 Nov, DEVELOP 20 Nov, AGREEMENT and WON 2 Dec 10:00; A3 AGREEMENT 19 Nov; C1
     * VALIDATE 20 Nov; B1 IDENTIFY 19 Nov, LOST 20 Nov; C2 DEVELOP 20 Nov; A5, B2 won and A6 lost as history.
     */
    private void funnelAfterTheMoves() {
        // stuck for 18 days: in a stage since before 20 Nov 10:00: A3 (AGREEMENT since 19 Nov); C1 entered at 10:00 sharp
        Map<String, Object> funnel = get(REP, "/api/metrics/funnel?stuckDays=18");
        assertThat(funnel).containsEntry("stuckDays", 18);
        List<Map<String, Object>> stages = list(funnel.get("stages"));
        // the rep's in-funnel deals reached: A1 A2 A5 WON, A3 AGREEMENT, C1 VALIDATE (A6 lost from no known stage)
        // IDENTIFY 5 entered, 5 past; VALIDATE 5, 4 (not C1); DEVELOP 4, 4; AGREEMENT 4, 3 (not A3)
        stage(stages.get(0), "person", 5, 5, "1.0000");
        stage(stages.get(1), "person", 5, 4, "0.8000");
        stage(stages.get(2), "person", 4, 4, "1.0000");
        stage(stages.get(3), "person", 4, 3, "0.7500");
        // completed stays: VALIDATE A2 19 -> 20 Nov = 1 day; DEVELOP A1 1 day, A2 20 Nov -> 2 Dec 12 days: 6.5;
        // AGREEMENT A1 and A2 0 days (advanced and won at the same instant); IDENTIFY none
        stay(stages, "person", new String[] {null, "1.0", "6.5", "0.0"}, new int[] {0, 0, 0, 1});
        // the company adds B1 (lost from IDENTIFY), B2 (won), C2 (DEVELOP since 20 Nov):
        // IDENTIFY 8 entered, 7 past (not B1), lost 1 = 12.5%; VALIDATE 7, 6; DEVELOP 6, 5 (not C2); AGREEMENT 5, 4
        stage(stages.get(0), "company", 8, 7, "0.8750");
        stage(stages.get(1), "company", 7, 6, "0.8571");
        stage(stages.get(2), "company", 6, 5, "0.8333");
        stage(stages.get(3), "company", 5, 4, "0.8000");
        Map<String, Object> identify = map(stages.get(0).get("company"));
        assertThat(identify).containsEntry("lost", 1);
        amount(identify, "lostPct", "0.1250");
        // IDENTIFY: B1 19 -> 20 Nov, 1 day
        stay(stages, "company", new String[] {"1.0", "1.0", "6.5", "0.0"}, new int[] {0, 0, 0, 1});
        // still in the stage, whatever how long: the rep's C1 VALIDATE and A3 AGREEMENT (stuck of them: A3); the company adds C2
        assertThat(stages).extracting(st -> map(st.get("person")).get("inStage")).containsExactly(0, 1, 0, 1);
        assertThat(stages).extracting(st -> map(st.get("company")).get("inStage")).containsExactly(0, 1, 1, 1);

        // the funnel as it stood at the end of 19 Nov (the day of the import, before the moves of 20 Nov): A1 DEVELOP,
        // A2 VALIDATE, A3 AGREEMENT, A5 won, A6 lost; the company adds B1 IDENTIFY, B2 won
        Map<String, Object> then = get(REP, "/api/metrics/funnel?date=2025-11-19");
        assertThat(then).containsEntry("asOf", "2025-11-19").containsEntry("stuckDays", 30);
        List<Map<String, Object>> thenStages = list(then.get("stages"));
        stage(thenStages.get(0), "person", 4, 4, "1.0000");
        stage(thenStages.get(1), "person", 4, 3, "0.7500");
        stage(thenStages.get(2), "person", 3, 2, "0.6667");
        stage(thenStages.get(3), "person", 2, 1, "0.5000");
        stage(thenStages.get(0), "company", 6, 5, "0.8333");
        assertThat(thenStages).extracting(st -> map(st.get("person")).get("inStage")).containsExactly(0, 1, 1, 1);
        assertThat(thenStages).extracting(st -> map(st.get("company")).get("inStage")).containsExactly(1, 1, 1, 1);
        assertThat(thenStages).extracting(st -> map(st.get("company")).get("lost")).containsExactly(0, 0, 0, 0);  // B1 lost 20 Nov
        assertThat(map(then.get("person"))).containsEntry("won", 1).containsEntry("closed", 2);
        assertThat(map(then.get("company"))).containsEntry("won", 2).containsEntry("closed", 3);
        // before anything was known: no deal in any stage, A6 lost 20 Oct and B2 won 15 Oct are the company's only closings
        Map<String, Object> early = get(MANAGER, "/api/metrics/funnel?date=2025-10-16");
        assertThat(list(early.get("stages"))).allSatisfy(st -> assertThat(map(st.get("company"))).containsEntry("inStage", 0));
        assertThat(map(early.get("company"))).containsEntry("won", 1).containsEntry("closed", 1);
        assertThat(call(REP, HttpMethod.GET, "/api/metrics/funnel?date=2025-12-09", HttpStatus.BAD_REQUEST).toString())
                .contains("2025-12-09 is in the future");
        // the rep: won A5 A1 A2 of closed A5 A1 A2 A6: 0.75; (250,000 + 400,000 + 200,000) / 3 = 283,333.33
        Map<String, Object> mine = map(funnel.get("person"));
        assertThat(mine).containsEntry("won", 3).containsEntry("closed", 4);
        amount(mine, "winRate", "0.7500");
        amount(mine, "avgDealSize", "283333.33");
        // cycle: A5 1 Sep -> 10 Nov 70 days; A1 created 1 Oct 00:00, won 20 Nov 10:00: 50 days 10 h = 50.4167;
        // A2 created at its import 19 Nov 10:00, won 2 Dec 10:00: 13 days; (70 + 50.4167 + 13) / 3 = 44.47 -> 44.5
        amount(mine, "cycleDays", "44.5");
        // the company: won 4 (+ B2) of 6 (+ B1): 0.6667; (850,000 + 100,000) / 4 = 237,500
        Map<String, Object> company = map(funnel.get("company"));
        assertThat(company).containsEntry("won", 4).containsEntry("closed", 6);
        amount(company, "winRate", "0.6667");
        amount(company, "avgDealSize", "237500");
        // + B2 15 Sep -> 15 Oct 30 days: (133.4167 + 30) / 4 = 40.85 -> 40.9
        amount(company, "cycleDays", "40.9");
    }

    private static void stay(List<Map<String, Object>> stages, String side, String[] avgDays, int[] stuck) {
        for (int i = 0; i < stages.size(); i++) {
            Map<String, Object> figures = map(stages.get(i).get(side));
            assertThat(figures).as(stages.get(i).get("code") + " " + side).containsEntry("stuck", stuck[i]);
            nullableAmount(figures, stages.get(i).get("code") + " " + side, "avgDays", avgDays[i]);
        }
    }

    private static Map<String, Object> item(long deal, String amount, String category, boolean checks) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("opportunityId", deal);
        item.put("amount", amount);
        item.put("category", category);
        for (String check : List.of("configurationFinal", "endUserContractSigned", "partnerContractsSigned", "discountApproved",
                "partnerReadyToOrder")) {
            item.put(check, checks);
        }
        return item;
    }

    private void overviewOfTheRep() {
        Map<String, Object> rep = get(REP, "/api/metrics/overview");
        assertThat(rep).containsEntry("personId", REP).containsEntry("name", "Ren Rep").containsEntry("role", "REP")
                .containsEntry("team", false).containsEntry("asOf", "2025-11-19").containsEntry("currency", "CNY")
                .containsEntry("week", "2025-W47").containsEntry("month", "2025-11").containsEntry("quarter", "2025-Q4");
        assertThat(rep).containsEntry("level", 0);                           // levels count from the reps up
        amount(rep, "quota", "1000000");
        amount(rep, "stretch", "1200000");
        amount(rep, "booked", "250000");                                    // A5, won 10 Nov (A6 lost, not booked)
        // weighted, closing by 31 Dec: A1 400,000 x 50% + A2 200,000 x 25% = 250,000 (A4 30,000 is out of the funnel:
        // a small deal in progress, no pipeline); remaining quota 1,000,000 - 250,000 = 750,000; gap 500,000: LOW
        figure(rep, "forecast", "250000", "LOW", Map.of("weighted", "250000", "quota", "1000000", "booked", "250000",
                "remainingQuota", "750000", "gap", "500000"));
        // no snapshot last week: NONE; this week 250,000 forecast + 250,000 sold; target 1/13 = 0.076923 -> 0.0769
        figure(rep, "weeklyProgress", null, "NONE", Map.of("thisWeekForecast", "250000", "thisWeekCumulativeSales", "250000",
                "quarterQuota", "1000000", "target", "0.0769"));
        nullInputs(rep, "weeklyProgress", "lastWeekForecast", "lastWeekCumulativeSales", "snapshotId");
        // last completed week, Mon 10 to Sun 16 Nov: won A5 250,000; no commit cycle: NONE
        figure(rep, "commitAccuracy", null, "NONE", Map.of("actual", "250000"));
        nullInputs(rep, "commitAccuracy", "commit");
        // no weekly commit this month: 0 commits over 0 weeks; weekly share 1,000,000 / (3 x 4 Mondays) = 83,333.33;
        // linear share 83,333.33 x 0 = 0: undefined, NONE
        figure(rep, "linearity", null, "NONE", Map.of("commits", "0", "weeks", "0", "weeklyShare", "83333.33",
                "linearShare", "0", "weeksInMonth", "4"));
        // open pipeline closing by 31 Dec: 400,000 + 200,000 = 600,000 / 750,000 = 0.8 < 150%: LOW
        figure(rep, "coverage", "0.8000", "LOW", Map.of("openPipeline", "600000", "remainingTarget", "750000"));
        // all open funnel deals now 600,000 + A3 300,000 = 900,000; no snapshot last month: NONE
        figure(rep, "pipelineGrowth", null, "NONE", Map.of("thisMonth", "900000"));
        nullInputs(rep, "pipelineGrowth", "lastMonth");
        // no commits this month (0 weeks) nor last: NONE
        figure(rep, "commitGrowth", null, "NONE", Map.of("thisMonth", "0", "weeks", "0"));
        nullInputs(rep, "commitGrowth", "lastMonth");
        // imported won deals have no order: A5's 250,000 of 250,000 not fulfilled = 100% >= 5%: HIGH
        figure(rep, "unfulfilledShare", "1.0000", "HIGH", Map.of("unfulfilled", "250000", "orders", "250000"));
        // all time: the same single won deal
        figure(rep, "unfulfilledShareAllTime", "1.0000", "HIGH", Map.of("unfulfilled", "250000", "orders", "250000"));
        // each figure names what it counts; the two pipelines side by side, the small deal beside them
        assertThat(scopes(rep)).containsExactly("PIPELINE_THIS_QUARTER", "PIPELINE_THIS_QUARTER", "LAST_WEEK", "MONTH_TO_DATE",
                "PIPELINE_THIS_QUARTER", "PIPELINE_ALL_OPEN", "MONTH_TO_DATE", "WON_THIS_QUARTER", "WON_ALL_TIME", "QUARTER_TO_DATE");
        Map<String, Object> pipeline = map(rep.get("pipeline"));
        amount(pipeline, "thisQuarter", "600000");
        amount(pipeline, "allOpen", "900000");
        assertThat(map(pipeline.get("smallDealsInProgress"))).containsEntry("count", 1);
        amount(map(pipeline.get("smallDealsInProgress")), "amount", "30000");
        // no report due this quarter: 0 / 0, NONE
        figure(rep, "compliance", null, "NONE", Map.of("onTime", "0", "late", "0", "missing", "0", "due", "0"));
        assertThat(list(rep.get("children"))).isEmpty();
    }

    private void overviewOfTheManager() {
        Map<String, Object> team = get(MANAGER, "/api/metrics/overview");
        assertThat(team).containsEntry("personId", MANAGER).containsEntry("name", "Meng Manager").containsEntry("role", "MANAGER")
                .containsEntry("team", true).containsEntry("week", "2025-W47");
        assertThat(team).containsEntry("level", 1);                          // first line, above reps
        amount(team, "quota", "1500000");                                   // 1,000,000 + 500,000
        amount(team, "stretch", "1800000");                                 // 1,200,000 + 600,000
        amount(team, "booked", "350000");                                   // A5 250,000 + B2 100,000
        // 250,000 + B1 600,000 x 10% = 310,000; remaining 1,500,000 - 350,000 = 1,150,000; gap 840,000
        figure(team, "forecast", "310000", "LOW", Map.of("weighted", "310000", "quota", "1500000", "booked", "350000",
                "remainingQuota", "1150000", "gap", "840000"));
        figure(team, "weeklyProgress", null, "NONE", Map.of("thisWeekForecast", "310000", "thisWeekCumulativeSales", "350000",
                "quarterQuota", "1500000", "target", "0.0769"));
        nullInputs(team, "weeklyProgress", "lastWeekForecast", "lastWeekCumulativeSales", "snapshotId");
        // won 10-16 Nov: A5 250,000 (B2 was won 15 Oct)
        figure(team, "commitAccuracy", null, "NONE", Map.of("actual", "250000"));
        // weekly share 1,500,000 / 12 = 125,000
        figure(team, "linearity", null, "NONE", Map.of("commits", "0", "weeks", "0", "weeklyShare", "125000",
                "linearShare", "0", "weeksInMonth", "4"));
        // (600,000 + 600,000) / 1,150,000 = 1.043478 -> 1.0435 < 1.5: LOW
        figure(team, "coverage", "1.0435", "LOW", Map.of("openPipeline", "1200000", "remainingTarget", "1150000"));
        figure(team, "pipelineGrowth", null, "NONE", Map.of("thisMonth", "1500000"));   // 900,000 + 600,000
        figure(team, "commitGrowth", null, "NONE", Map.of("thisMonth", "0", "weeks", "0"));
        // 350,000 of 350,000 without an order
        figure(team, "unfulfilledShare", "1.0000", "HIGH", Map.of("unfulfilled", "350000", "orders", "350000"));
        figure(team, "compliance", null, "NONE", Map.of("due", "0"));

        List<Map<String, Object>> children = list(team.get("children"));
        assertThat(children).extracting(c -> c.get("personId")).containsExactly(REP, TEAMMATE);
        Map<String, Object> rep = children.get(0);
        assertThat(rep).containsEntry("name", "Ren Rep").containsEntry("role", "REP").containsEntry("team", false)
                .containsEntry("commitAccuracy", null).containsEntry("needsMorePipeline", true);   // 250,000 < 750,000
        amount(rep, "quota", "1000000");
        amount(rep, "stretch", "1200000");
        amount(rep, "booked", "250000");
        amount(rep, "forecast", "250000");
        amount(rep, "coverage", "0.8000");                                  // 600,000 / 750,000
        assertThat(map(rep.get("smallDealsInProgress"))).containsEntry("count", 1);   // A4, beside the figures
        Map<String, Object> teammate = children.get(1);
        assertThat(teammate).containsEntry("name", "Tang Teammate").containsEntry("team", false)
                .containsEntry("commitAccuracy", null).containsEntry("needsMorePipeline", true);   // 60,000 < 400,000
        amount(teammate, "quota", "500000");
        amount(teammate, "stretch", "600000");
        amount(teammate, "booked", "100000");
        amount(teammate, "forecast", "60000");                              // 600,000 x 10%
        amount(teammate, "coverage", "1.5000");                             // 600,000 / (500,000 - 100,000)
    }

    private void accuracyTrend() {
        // 13 completed weeks before W47: Mon 18 Aug (W34) to Mon 10 Nov (W46); no commit in any: accuracy null, NONE;
        // actual = won in the week: the rep A5 250,000 in W46 (10 Nov); the manager also B2 100,000 in W42 (13-19 Oct)
        List<Map<String, Object>> weeks = list(get(REP, "/api/metrics/accuracy-trend").get("weeks"));
        assertThat(weeks).hasSize(13);
        assertThat(weeks.get(0)).containsEntry("week", "2025-W34").containsEntry("weekStart", "2025-08-18");
        assertThat(weeks.get(12)).containsEntry("week", "2025-W46").containsEntry("weekStart", "2025-11-10");
        for (Map<String, Object> week : weeks) {
            assertThat(week).containsEntry("commit", null).containsEntry("accuracy", null).containsEntry("flag", "NONE");
            amount(week, "actual", "2025-W46".equals(week.get("week")) ? "250000" : "0");
        }
        List<Map<String, Object>> teamWeeks = list(get(MANAGER, "/api/metrics/accuracy-trend?weeks=6").get("weeks"));
        assertThat(teamWeeks).extracting(w -> w.get("week"))
                .containsExactly("2025-W41", "2025-W42", "2025-W43", "2025-W44", "2025-W45", "2025-W46");
        String[] actual = {"0", "100000", "0", "0", "0", "250000"};
        for (int i = 0; i < actual.length; i++) {
            amount(teamWeeks.get(i), "actual", actual[i]);
            assertThat(teamWeeks.get(i)).containsEntry("flag", "NONE");
        }
    }

    private void funnel() {
        // each deal counts in every stage up to the one it stands in; the rep's in-funnel deals: A1 DEVELOP,
        // A2 VALIDATE, A3 AGREEMENT, A5 WON, A6 lost from no known stage (A4 is out of the funnel); converted =
        // went past the stage. Company adds B1 IDENTIFY and B2 WON.
        Map<String, Object> funnel = get(REP, "/api/metrics/funnel");
        assertThat(funnel).containsEntry("personId", REP).containsEntry("stageModel", "ibm").containsEntry("stuckDays", 30);
        List<Map<String, Object>> stages = list(funnel.get("stages"));
        assertThat(stages).extracting(s -> s.get("code")).containsExactly("IDENTIFY", "VALIDATE", "DEVELOP", "AGREEMENT");
        assertThat(stages).extracting(s -> s.get("winRate")).containsExactly(10, 25, 50, 75);
        // person: IDENTIFY A1 A2 A3 A5 entered, all 4 past it; VALIDATE A1 A2 A3 A5, 3 past (not A2);
        // DEVELOP A1 A3 A5, 2 past (not A1); AGREEMENT A3 A5, 1 past (A5)
        stage(stages.get(0), "person", 4, 4, "1.0000");
        stage(stages.get(1), "person", 4, 3, "0.7500");
        stage(stages.get(2), "person", 3, 2, "0.6667");
        stage(stages.get(3), "person", 2, 1, "0.5000");
        // company: IDENTIFY + B1 B2 = 6, converted + B2 = 5; VALIDATE + B2 = 5, 4; DEVELOP 4, 3; AGREEMENT 3, 2
        stage(stages.get(0), "company", 6, 5, "0.8333");
        stage(stages.get(1), "company", 5, 4, "0.8000");
        stage(stages.get(2), "company", 4, 3, "0.7500");
        stage(stages.get(3), "company", 3, 2, "0.6667");
        for (Map<String, Object> stage : stages) {
            // imported deals entered their stage at the import (today): no loss from a known stage (lost 0 of
            // entered: 0%), none stuck for 30 days, no completed stay with known dates
            for (String side : List.of("person", "company")) {
                Map<String, Object> figures = map(stage.get(side));
                assertThat(figures).as(stage.get("code") + " " + side).containsEntry("lost", 0).containsEntry("stuck", 0)
                        .containsEntry("avgDays", null);
                amount(figures, "lostPct", "0");
            }
        }
        // person: won 1 (A5) of 2 closed (A5, A6) = 0.5; deal size 250,000; cycle A5 1 Sep -> 10 Nov = 70 days
        Map<String, Object> mine = map(funnel.get("person"));
        assertThat(mine).containsEntry("won", 1).containsEntry("closed", 2);
        amount(mine, "winRate", "0.5000");
        amount(mine, "avgDealSize", "250000");
        amount(mine, "cycleDays", "70.0");
        // company: won 2 of 3 = 0.6667; (250,000 + 100,000) / 2 = 175,000; B2 15 Sep -> 15 Oct 30 days; (70 + 30) / 2 = 50
        Map<String, Object> company = map(funnel.get("company"));
        assertThat(company).containsEntry("won", 2).containsEntry("closed", 3);
        amount(company, "winRate", "0.6667");
        amount(company, "avgDealSize", "175000");
        amount(company, "cycleDays", "50.0");
        // the manager's side is the whole team: the same as the company here
        Map<String, Object> team = map(get(MANAGER, "/api/metrics/funnel").get("person"));
        assertThat(team).containsEntry("won", 2).containsEntry("closed", 3);
        amount(team, "avgDealSize", "175000");
    }

    private void snapshotsAndChanges() {
        // ---- Wed 19 Nov 10:00: the manager snapshots the branch: the open A1 A2 A3 A4 B1 ----
        Map<String, Object> taken = call(MANAGER, HttpMethod.POST, "/api/snapshots", HttpStatus.CREATED);
        long snapshot = ((Number) taken.get("id")).longValue();
        // all open funnel deals (A4 is out of the funnel: no pipeline, not copied): 400,000 + 200,000 + 300,000 +
        // 600,000 = 1,500,000 (4 deals); closing by 31 Dec (not A3): 1,200,000 (3 deals)
        assertThat(taken).containsEntry("kind", "MANUAL").containsEntry("cycleKey", null).containsEntry("openCount", 4)
                .containsEntry("quarterEnd", "2025-12-31").containsEntry("openCountThisQuarter", 3);
        amount(taken, "openAmount", "1500000");
        amount(taken, "openAmountThisQuarter", "1200000");
        // the rep's share of it: A1 A2 A3 = 900,000, by 31 Dec 600,000
        List<Map<String, Object>> ofTheRep = getList(REP, "/api/snapshots");
        assertThat(ofTheRep).hasSize(1);
        assertThat(ofTheRep.get(0)).containsEntry("id", (int) snapshot).containsEntry("openCount", 3).containsEntry("openCountThisQuarter", 2);
        amount(ofTheRep.get(0), "openAmount", "900000");
        amount(ofTheRep.get(0), "openAmountThisQuarter", "600000");

        // ---- Thu 20 Nov: new deals by CSV; A2 advanced, A1 and A4 won, B1 lost through the lead-to-cash API ----
        ProcessDriver.setClock(LocalDateTime.of(2025, 11, 20, 10, 0));
        importFiles(Map.of("opportunities", "metrics-opportunities-2.csv"), Map.of("accounts", 0, "contacts", 0, "opportunities", 2));
        Map<String, Long> ids = new HashMap<>();
        getList(MANAGER, "/api/opportunities").forEach(o -> ids.put((String) o.get("name"), ((Number) o.get("id")).longValue()));
        advance(ids.get("A2"), "BUDGET_TIMELINE_KNOWN,SOLUTION_DISCUSSED", "50", "DEVELOP");
        advance(ids.get("A1"), "PROPOSAL_ACCEPTED,CUSTOMER_PREFERS_US", "75", "AGREEMENT");
        advance(ids.get("A1"), "VERBAL_COMMITMENT,MAIN_TERMS_AGREED,CONTRACT_SIGNED", "100", "WON");
        Map<String, Object> small = call(REP, HttpMethod.POST, "/api/opportunities/" + ids.get("A4 small") + "/small-deal-outcome",
                Map.of("outcome", "won"), HttpStatus.OK);
        assertThat(map(small.get("opportunity"))).containsEntry("status", "WON");
        Map<String, Object> lost = call(TEAMMATE, HttpMethod.POST, "/api/opportunities/" + ids.get("B1") + "/stage-work",
                Map.of("action", "lost", "lossReason", "Went with a competitor"), HttpStatus.OK);
        assertThat(map(lost.get("opportunity"))).containsEntry("status", "LOST");

        // ---- Mon 24 Nov 10:00 (week W48): what changed from the snapshot to the live pipeline, closing by 31 Dec ----
        ProcessDriver.setClock(LocalDateTime.of(2025, 11, 24, 10, 0));
        // start: A1 400,000 + A2 200,000 + B1 600,000 = 1,200,000 (A3 closes in January; A4 was never pipeline)
        // end: A2 200,000 + C1 80,000 = 280,000 (C2 closes in February: out of scope)
        // NEW C1 +80,000; WON A1 -400,000; LOST B1 -600,000; A2 moved stage, same amount
        // 1,200,000 + 80,000 - 400,000 - 600,000 = 280,000
        Map<String, Object> changes = get(MANAGER, "/api/snapshots/changes?from=" + snapshot);
        amount(changes, "startAmount", "1200000");
        amount(changes, "endAmount", "280000");
        assertThat(changes).containsEntry("until", "2025-12-31").containsEntry("stageMoved", 1);
        assertThat(map(changes.get("from"))).containsEntry("id", (int) snapshot);
        assertThat(map(changes.get("to"))).containsEntry("id", null);
        assertThat(waterfall(changes)).containsExactlyInAnyOrderEntriesOf(Map.of("NEW", "80000 x1", "PULLED_IN", "0 x0",
                "AMOUNT_UP", "0 x0", "AMOUNT_DOWN", "0 x0", "PUSHED_OUT", "0 x0", "WON", "-400000 x1", "LOST", "-600000 x1"));
        assertAddsUp(changes);
        // largest effect first: B1 -600,000, A1 -400,000, C1 +80,000, A2 0 (A4's win is sales, not a pipeline change)
        List<Map<String, Object>> changed = list(changes.get("changes"));
        assertThat(changed).extracting(c -> ((Number) c.get("opportunityId")).longValue())
                .containsExactly(ids.get("B1"), ids.get("A1"), ids.get("C1 new"), ids.get("A2"));
        assertThat(changed).extracting(c -> c.get("categories")).containsExactly(List.of("LOST"), List.of("WON"), List.of("NEW"),
                List.of("STAGE_MOVED"));
        assertThat(changed.get(1)).containsEntry("fromStage", "DEVELOP").containsEntry("toStage", "WON").containsEntry("toAmount", null);
        assertThat(changed.get(2)).containsEntry("fromAmount", null).containsEntry("toStage", "VALIDATE").containsEntry("toClose", "2025-12-10");
        assertThat(changed.get(3)).containsEntry("fromStage", "VALIDATE").containsEntry("toStage", "DEVELOP");
        amount(changed.get(0), "effect", "-600000");
        amount(changed.get(2), "toAmount", "80000");

        // the rep's part: start 600,000 (A1 A2); end 280,000 (A2 C1); 600,000 + 80,000 - 400,000 = 280,000
        Map<String, Object> ofRep = get(MANAGER, "/api/snapshots/changes?person=" + REP + "&from=" + snapshot);
        amount(ofRep, "startAmount", "600000");
        amount(ofRep, "endAmount", "280000");
        assertThat(waterfall(ofRep)).containsEntry("NEW", "80000 x1").containsEntry("WON", "-400000 x1").containsEntry("LOST", "0 x0");
        assertAddsUp(ofRep);
        // widened to the end of January, A3 300,000 is in scope at both ends and unchanged: 900,000 -> 580,000
        Map<String, Object> wider = get(MANAGER, "/api/snapshots/changes?person=" + REP + "&from=" + snapshot + "&until=2026-01-31");
        amount(wider, "startAmount", "900000");
        amount(wider, "endAmount", "580000");
        assertAddsUp(wider);

        // ---- weekly progress in W48 against the snapshot of last week (19 Nov) ----
        // the rep: this week's forecast A2 200,000 x 50% + C1 80,000 x 25% = 120,000; sales in Q4 to date
        // A5 250,000 + A1 400,000 + A4 30,000 (a small deal counts as sales once won) = 680,000; last week's forecast
        // (the snapshot, closing by 31 Dec; the same scope as this week's) A1 200,000 + A2 50,000 = 250,000; sales up to
        // the snapshot A5 250,000; (120,000 + 680,000 - 250,000 - 250,000) / 1,000,000 = 0.3 >= 1/13: OK
        Map<String, Object> rep = get(REP, "/api/metrics/overview");
        figure(rep, "weeklyProgress", "0.3000", "OK", Map.of("thisWeekForecast", "120000", "thisWeekCumulativeSales", "680000",
                "lastWeekForecast", "250000", "lastWeekCumulativeSales", "250000", "quarterQuota", "1000000",
                "snapshotId", String.valueOf(snapshot)));
        amount(rep, "booked", "680000");
        // last week (17-23 Nov) won A1 400,000 + A4 30,000, still no commit: NONE
        figure(rep, "commitAccuracy", null, "NONE", Map.of("actual", "430000"));
        // remaining 1,000,000 - 680,000 = 320,000; gap 200,000; coverage (200,000 + 80,000) / 320,000 = 0.875
        figure(rep, "forecast", "120000", "LOW", Map.of("remainingQuota", "320000", "gap", "200000"));
        figure(rep, "coverage", "0.8750", "LOW", Map.of("openPipeline", "280000", "remainingTarget", "320000"));
        // A1 and A4 were won through the process: still no paid order; 680,000 of 680,000 unfulfilled
        figure(rep, "unfulfilledShare", "1.0000", "HIGH", Map.of("unfulfilled", "680000", "orders", "680000"));
        // the manager: forecast 120,000 (B1 lost, C2 next quarter); sales 680,000 + 100,000 = 780,000;
        // last week 250,000 + B1 60,000 = 310,000 and 350,000; (120,000 + 780,000 - 310,000 - 350,000) / 1,500,000 = 0.16
        Map<String, Object> team = get(MANAGER, "/api/metrics/overview");
        figure(team, "weeklyProgress", "0.1600", "OK", Map.of("thisWeekForecast", "120000", "thisWeekCumulativeSales", "780000",
                "lastWeekForecast", "310000", "lastWeekCumulativeSales", "350000", "quarterQuota", "1500000"));
        // the rep's funnel now: A1 went DEVELOP -> AGREEMENT -> WON, A2 VALIDATE -> DEVELOP, C1 entered at VALIDATE;
        // won A5 A1 of closed A5 A6 A1 (A4 is out of the funnel) = 2 / 3; (250,000 + 400,000) / 2 = 325,000
        Map<String, Object> mine = map(get(REP, "/api/metrics/funnel").get("person"));
        assertThat(mine).containsEntry("won", 2).containsEntry("closed", 3);
        amount(mine, "winRate", "0.6667");
        amount(mine, "avgDealSize", "325000");
    }

    private void advance(long deal, String outcomes, String probability, String expectedStage) {
        call(REP, HttpMethod.POST, "/api/opportunities/" + deal + "/stage-work", Map.of("action", "advance",
                "outcomes", List.of(outcomes.split(",")), "evidence", "Confirmed by the customer", "claimedProbability", probability),
                HttpStatus.OK);
        Map<String, Object> decided = call(MANAGER, HttpMethod.POST, "/api/opportunities/" + deal + "/advance-decision",
                Map.of("decision", "approve", "comment", "Checked"), HttpStatus.OK);
        assertThat(map(decided.get("opportunity"))).containsEntry("stageCode", expectedStage);
    }

    /** category -> "amount xcount". */
    private static Map<String, String> waterfall(Map<String, Object> changes) {
        Map<String, String> steps = new LinkedHashMap<>();
        list(changes.get("waterfall")).forEach(step -> steps.put((String) step.get("category"),
                new BigDecimal(String.valueOf(step.get("amount"))).stripTrailingZeros().toPlainString() + " x" + step.get("count")));
        return steps;
    }

    /** startAmount + sum(waterfall.amount) == endAmount. */
    private static void assertAddsUp(Map<String, Object> changes) {
        BigDecimal sum = new BigDecimal(String.valueOf(changes.get("startAmount")));
        for (Map<String, Object> step : list(changes.get("waterfall"))) {
            sum = sum.add(new BigDecimal(String.valueOf(step.get("amount"))));
        }
        assertThat(sum).isEqualByComparingTo(new BigDecimal(String.valueOf(changes.get("endAmount"))));
    }

    /** The scope of each figure of an overview, in the overview's order. */
    private static List<Object> scopes(Map<String, Object> overview) {
        return List.of("forecast", "weeklyProgress", "commitAccuracy", "linearity", "coverage", "pipelineGrowth", "commitGrowth",
                "unfulfilledShare", "unfulfilledShareAllTime", "compliance").stream().map(f -> map(overview.get(f)).get("scope")).toList();
    }

    private static void nullInputs(Map<String, Object> json, String figure, String... names) {
        Map<String, Object> inputs = map(map(json.get(figure)).get("inputs"));
        for (String name : names) {
            assertThat(inputs).as(figure + "." + name).containsKey(name);
            assertThat(inputs.get(name)).as(figure + "." + name).isNull();
        }
    }

    private void importFiles(Map<String, String> parts, Map<String, Integer> created) {
        LocalDate noPlaceholders = LocalDate.of(2025, 11, 19);   // these files have fixed dates
        Map<String, byte[]> files = new LinkedHashMap<>();
        parts.forEach((part, name) -> files.put(part, ImportFiles.load(name, noPlaceholders)));
        Map<String, Object> imported = ImportFiles.post(http, MANAGER, files, false);
        assertThat(imported).as("%s", imported).containsEntry("status", "DONE").containsEntry("created", created);
    }

    private Map<String, Object> get(String user, String path) {
        return call(user, HttpMethod.GET, path, HttpStatus.OK);
    }

    private Map<String, Object> call(String user, HttpMethod method, String path, HttpStatus expected) {
        return call(user, method, path, null, expected);
    }

    private Map<String, Object> call(String user, HttpMethod method, String path, Object body, HttpStatus expected) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<Map<String, Object>> response = http.withBasicAuth(user, TestOrganization.PASSWORD)
                .exchange(path, method, body == null ? null : new HttpEntity<>(body, headers), JSON);
        assertThat(response.getStatusCode()).as(method + " " + path + ": " + response.getBody()).isEqualTo(expected);
        return response.getBody();
    }

    private List<Map<String, Object>> getList(String user, String path) {
        ResponseEntity<List<Map<String, Object>>> response = http.withBasicAuth(user, TestOrganization.PASSWORD)
                .exchange(path, HttpMethod.GET, null, JSON_LIST);
        assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private static void stage(Map<String, Object> stage, String side, int entered, int converted, String convertedPct) {
        Map<String, Object> figures = map(stage.get(side));
        assertThat(figures).as(stage.get("code") + " " + side).containsEntry("entered", entered).containsEntry("converted", converted);
        amount(figures, "convertedPct", convertedPct);
    }
}
