package com.salescadence.metrics;

import static com.salescadence.support.TestOrganization.LEADER;
import static com.salescadence.support.TestOrganization.MANAGER;
import static com.salescadence.support.TestOrganization.OTHER_MANAGER;
import static com.salescadence.support.TestOrganization.OTHER_REP;
import static com.salescadence.support.TestOrganization.REP;
import static com.salescadence.support.TestOrganization.TEAMMATE;
import static org.assertj.core.api.Assertions.assertThat;
import static com.salescadence.support.JsonFigures.amount;
import static com.salescadence.support.JsonFigures.bucket;
import static com.salescadence.support.JsonFigures.figure;
import static com.salescadence.support.JsonFigures.list;
import static com.salescadence.support.JsonFigures.map;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.salescadence.cadence.Cadence;
import com.salescadence.cadence.CommitCategory;
import com.salescadence.cadence.CommitItemInput;
import com.salescadence.cadence.ComplianceService;
import com.salescadence.cadence.Cycle;
import com.salescadence.cadence.CycleService;
import com.salescadence.cadence.ReportType;
import com.salescadence.cadence.RollupService;
import com.salescadence.cadence.Submission;
import com.salescadence.cadence.WeeklyCommitService;
import com.salescadence.metrics.snapshot.SnapshotService;
import com.salescadence.organization.OrganizationAdministration;
import com.salescadence.organization.OrganizationService;
import com.salescadence.organization.QuotaService;
import com.salescadence.pipeline.AccountService;
import com.salescadence.pipeline.CashService;
import com.salescadence.pipeline.LeadService;
import com.salescadence.pipeline.NewLead;
import com.salescadence.pipeline.Opportunity;
import com.salescadence.pipeline.OpportunityService;
import com.salescadence.pipeline.Qualification;
import com.salescadence.pipeline.SalesOrder;
import com.salescadence.pipeline.StageWork;
import com.salescadence.pipeline.stage.StageModel;
import com.salescadence.support.CadenceIntegrationTest;
import com.salescadence.support.ProcessDriver;
import com.salescadence.support.TestOrganization;

/**
 * Every figure of every metrics endpoint through the REST API against values computed by hand (in the comments),
 * from data made through the services: deals opened, advanced, won, lost, paid or not, a weekly commit submitted and
 * adjusted, a missed commit, a weekly snapshot. Deal amounts and close dates have no service to change them: those
 * two edits are made in SQL, as the CSV import will.
 * Timeline (2025, business clock): deals open Wed 5 Nov; the week of Mon 10 Nov (2025-W46) is committed Sun 9 Nov;
 * the weekly snapshot is Sun 16 Nov 07:00; "today" is Wed 19 Nov 10:00 (week 2025-W47, quarter 2025-Q4).
 */
@CadenceIntegrationTest
class MetricsApiIntegrationTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> JSON_LIST = new ParameterizedTypeReference<>() { };
    private static final String ADMIN = "t.metrics.admin";

    @Autowired TestRestTemplate http;
    @Autowired OrganizationService organization;
    @Autowired OrganizationAdministration administration;
    @Autowired QuotaService quotas;
    @Autowired AccountService accounts;
    @Autowired LeadService leads;
    @Autowired OpportunityService opportunities;
    @Autowired CashService cash;
    @Autowired CycleService cycles;
    @Autowired ComplianceService compliance;
    @Autowired WeeklyCommitService commits;
    @Autowired RollupService rollups;
    @Autowired com.salescadence.pipeline.KeptFigures keptFigures;
    @Autowired SnapshotService snapshots;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void every_figure_of_every_endpoint_matches_the_hand_computed_values() {
        TestOrganization.ensure(organization, administration);
        administration.add(new com.salescadence.organization.Person(ADMIN, "Metrics Admin", ADMIN + "@test.local",
                com.salescadence.organization.Role.ADMIN, null, null), TestOrganization.PASSWORD);
        quotas.set(REP, "2025-Q4", new BigDecimal("1000000"), new BigDecimal("1200000"), "CNY");
        quotas.set(TEAMMATE, "2025-Q4", new BigDecimal("500000"), new BigDecimal("600000"), "CNY");

        at("2025-11-05T09:00");
        long a = open(REP, "A", "400000", "2025-12-15");
        long b = open(REP, "B", "200000", "2025-12-20");
        long c = open(REP, "C", "300000", "2025-11-20");
        long g = open(REP, "G", "150000", "2025-12-10");
        long d = open(REP, "D small", "30000", "2025-11-30");      // below 50,000: out of the funnel
        long e = open(TEAMMATE, "E", "100000", "2026-02-10");     // closes next quarter
        long f = open(TEAMMATE, "F", "200000", "2025-12-01");
        advance(c, "2025-11-06T09:00");                           // IDENTIFY -> VALIDATE
        advance(b, "2025-11-07T09:00");
        advance(c, "2025-11-08T09:00");                           // -> DEVELOP

        at("2025-11-09T08:00");
        Cycle week46 = cycles.open(Cadence.WEEKLY_COMMIT, "2025-W46", LocalDateTime.of(2025, 11, 9, 8, 0),
                LocalDate.of(2025, 11, 10), LocalDate.of(2025, 11, 16), null);
        Submission repCommit = compliance.owe(week46.id(), REP, ReportType.COMMIT, LocalDateTime.of(2025, 11, 10, 8, 0));
        Submission teammateCommit = compliance.owe(week46.id(), TEAMMATE, ReportType.COMMIT, LocalDateTime.of(2025, 11, 10, 8, 0));
        at("2025-11-09T10:00");                                   // the submission snapshots the rep's pipeline (A B C G D)
        commits.submit(repCommit.id(), List.of(item(c, CommitCategory.COMMIT), item(b, CommitCategory.UPSIDE)), null);
        at("2025-11-10T08:00");
        compliance.recordMissed(teammateCommit.id(), Cadence.WEEKLY_COMMIT, "No commit by the deadline");
        advance(c, "2025-11-10T09:00");                           // -> AGREEMENT
        at("2025-11-10T10:00");
        rollups.adjust(week46.id(), MANAGER, REP, new BigDecimal("280000"), new BigDecimal("150000"), "Too optimistic");
        advance(c, "2025-11-12T09:00");                           // -> WON: 300,000 booked last week
        at("2025-11-12T10:00");
        SalesOrder order = cash.recordCreditCheck(c, true, null, TestOrganization.FINANCE);
        cash.confirmDelivery(order.id(), LocalDate.of(2025, 11, 12), "Delivered");
        var invoice = cash.issueInvoice(order.id());
        cash.recordPayment(invoice.id(), new BigDecimal("300000"), LocalDate.of(2025, 11, 12), "Paid", TestOrganization.FINANCE);

        at("2025-11-16T07:00");
        long weekly = snapshots.takeWeekly();                     // rep: A 400k B 200k G 150k D 30k; teammate: E 100k F 200k

        at("2025-11-18T09:00");
        advance(b, "2025-11-18T09:00");                           // VALIDATE -> DEVELOP
        opportunities.recordSmallDealOutcome(d, true, null, REP); // won; its payment never arrives
        opportunities.markLost(f, "Budget cut", TEAMMATE);
        long h = open(REP, "H", "90000", "2025-12-31");
        jdbc.sql("update opportunity set amount = 500000 where id = ?").param(a).update();
        jdbc.sql("update opportunity set expected_close_date = ? where id = ?").params(LocalDate.of(2026, 1, 15), g).update();
        keptFigures.rebuild();   // written by SQL, around the roll-up's kept figures

        at("2025-11-19T10:00");

        // ---- overview of the rep ----
        // open, closing in Q4: A 500,000 x 10% + B 200,000 x 50% + H 90,000 x 10% = 50,000 + 100,000 + 9,000 = 159,000
        // booked Q4: C 300,000 + D 30,000 = 330,000; remaining quota 1,000,000 - 330,000 = 670,000; gap 511,000
        Map<String, Object> rep = get(REP, "/api/metrics/overview", HttpStatus.OK);
        assertThat(rep).containsEntry("personId", REP).containsEntry("role", "REP").containsEntry("team", false)
                .containsEntry("week", "2025-W47").containsEntry("month", "2025-11").containsEntry("quarter", "2025-Q4")
                .containsEntry("currency", "CNY").containsEntry("asOf", "2025-11-19").containsEntry("level", 0);
        amount(rep, "quota", "1000000");
        amount(rep, "stretch", "1200000");
        amount(rep, "booked", "330000");
        figure(rep, "forecast", "159000", "LOW", Map.of("weighted", "159000", "remainingQuota", "670000", "gap", "511000"));
        // last week's snapshot (16 Nov): A 40,000 + B 50,000 + G 15,000 = 105,000 (D, open then, is a small deal: no
        // pipeline, not in the snapshot); sales before it: C 300,000
        // (159,000 + 330,000 - 105,000 - 300,000) / 1,000,000 = 0.084 >= 1/13
        figure(rep, "weeklyProgress", "0.0840", "OK", Map.of("thisWeekForecast", "159000", "thisWeekCumulativeSales", "330000",
                "lastWeekForecast", "105000", "lastWeekCumulativeSales", "300000", "quarterQuota", "1000000", "target", "0.0769",
                "snapshotId", String.valueOf(weekly)));
        // W46: committed 300,000, cut to 280,000 by the manager (what rolled up); won in W46: C 300,000 -> 1.0714
        figure(rep, "commitAccuracy", "1.0714", "OK", Map.of("commit", "280000", "actual", "300000"));
        // November has 4 Mondays: weekly share 1,000,000 / 3 / 4 = 83,333.33; one week committed 280,000 -> 3.36
        figure(rep, "linearity", "3.3600", "HIGH", Map.of("commits", "280000", "weeks", "1", "weeklyShare", "83333.33"));
        // open in Q4 A 500,000 + B 200,000 + H 90,000 = 790,000 / 670,000 = 1.1791 < 150%
        figure(rep, "coverage", "1.1791", "LOW", Map.of("openPipeline", "790000", "remainingTarget", "670000"));
        // no snapshot in October, no commit cycle in October
        figure(rep, "pipelineGrowth", null, "NONE", Map.of("thisMonth", "940000"));
        figure(rep, "commitGrowth", null, "NONE", Map.of("thisMonth", "280000"));
        // orders of Q4: C 300,000 paid, D 30,000 never paid -> 30,000 / 330,000 = 0.0909 >= 5%
        figure(rep, "unfulfilledShare", "0.0909", "HIGH", Map.of("unfulfilled", "30000", "orders", "330000"));
        figure(rep, "compliance", "1.0000", "OK", Map.of("onTime", "1", "late", "0", "missing", "0", "due", "1"));
        assertThat((List<?>) rep.get("children")).isEmpty();

        // ---- overview of the manager: the rep and the teammate ----
        Map<String, Object> team = get(MANAGER, "/api/metrics/overview", HttpStatus.OK);
        assertThat(team).containsEntry("team", true).containsEntry("level", 1);
        amount(team, "quota", "1500000");                          // no team quota of their own: 1,000,000 + 500,000
        amount(team, "booked", "330000");
        figure(team, "forecast", "159000", "LOW", Map.of("remainingQuota", "1170000", "gap", "1011000"));
        // last week: rep 105,000 + teammate F 20,000 (E closes next quarter) = 125,000
        // (159,000 + 330,000 - 125,000 - 300,000) / 1,500,000 = 0.042667
        figure(team, "weeklyProgress", "0.0427", "LOW", Map.of("lastWeekForecast", "125000", "quarterQuota", "1500000"));
        figure(team, "commitAccuracy", "1.0714", "OK", Map.of("commit", "280000", "actual", "300000"));
        figure(team, "coverage", "0.6752", "LOW", Map.of("openPipeline", "790000", "remainingTarget", "1170000"));
        figure(team, "compliance", "0.5000", "LOW", Map.of("onTime", "1", "missing", "1", "due", "2"));
        List<Map<String, Object>> children = list(team.get("children"));
        assertThat(children).extracting(x -> x.get("personId")).containsExactly(REP, TEAMMATE);
        amount(children.get(0), "forecast", "159000");
        amount(children.get(0), "coverage", "1.1791");
        amount(children.get(0), "commitAccuracy", "1.0714");
        assertThat(children.get(0)).containsEntry("needsMorePipeline", true);
        amount(children.get(1), "quota", "500000");
        amount(children.get(1), "forecast", "0");
        amount(children.get(1), "coverage", "0");
        assertThat(children.get(1).get("commitAccuracy")).isNull();          // committed nothing

        // ---- access ----
        get(REP, "/api/metrics/overview?person=" + TEAMMATE, HttpStatus.FORBIDDEN);
        get(OTHER_MANAGER, "/api/metrics/overview?person=" + REP, HttpStatus.FORBIDDEN);
        get(LEADER, "/api/metrics/overview?person=" + REP, HttpStatus.OK);
        get(ADMIN, "/api/metrics/funnel?person=" + REP, HttpStatus.OK);
        get(MANAGER, "/api/metrics/overview?person=nobody", HttpStatus.NOT_FOUND);
        assertThat((String) get(REP, "/api/metrics/accuracy-trend?weeks=0", HttpStatus.BAD_REQUEST).get("message")).contains("weeks");
        assertThat((String) get(REP, "/api/metrics/overview?date=soon", HttpStatus.BAD_REQUEST).get("message")).contains("date");

        // ---- accuracy trend: W45 had no cycle, W46 ----
        List<Map<String, Object>> trend = list(get(REP, "/api/metrics/accuracy-trend?weeks=2", HttpStatus.OK).get("weeks"));
        assertThat(trend).extracting(x -> x.get("week")).containsExactly("2025-W45", "2025-W46");
        assertThat(trend.get(0)).containsEntry("commit", null).containsEntry("accuracy", null).containsEntry("flag", "NONE");
        amount(trend.get(0), "actual", "0");
        amount(trend.get(1), "commit", "280000");
        amount(trend.get(1), "actual", "300000");
        amount(trend.get(1), "accuracy", "1.0714");
        assertThat(trend.get(1)).containsEntry("flag", "OK").containsEntry("weekStart", "2025-11-10");

        // ---- funnel (IBM): the rep's in-funnel deals A B C G H; the company adds E and F (lost from IDENTIFY) ----
        Map<String, Object> funnel = get(REP, "/api/metrics/funnel?stuckDays=7", HttpStatus.OK);
        assertThat(funnel).containsEntry("stageModel", "ibm").containsEntry("stuckDays", 7);
        List<Map<String, Object>> stages = list(funnel.get("stages"));
        assertThat(stages).extracting(x -> x.get("code")).containsExactly("IDENTIFY", "VALIDATE", "DEVELOP", "AGREEMENT");
        // IDENTIFY: 5 entered, B and C went on (40%); stays C 1 day, B 2 days; stuck since before 12 Nov: A and G
        stage(stages.get(0), "person", 5, 2, "0.4000", 0, "0.0000", 2, "1.5");
        // company: 7 entered, 2 went on, F lost (1/7); stays 1, 2 and F's 13 days = 5.3; stuck A G E
        stage(stages.get(0), "company", 7, 2, "0.2857", 1, "0.1429", 3, "5.3");
        stage(stages.get(1), "person", 2, 2, "1.0000", 0, "0.0000", 0, "6.5");   // C 2 days, B 11 days
        stage(stages.get(2), "person", 2, 1, "0.5000", 0, "0.0000", 0, "2.0");   // B moved in on 18 Nov: not stuck
        stage(stages.get(3), "person", 1, 1, "1.0000", 0, "0.0000", 0, "2.0");
        Map<String, Object> mine = map(funnel.get("person"));
        amount(mine, "winRate", "1.0000");
        amount(mine, "avgDealSize", "300000");
        amount(mine, "cycleDays", "7.0");                          // C: 5 Nov to 12 Nov
        assertThat(mine).containsEntry("won", 1).containsEntry("closed", 1);
        Map<String, Object> company = map(funnel.get("company"));
        amount(company, "winRate", "0.5000");
        assertThat(company).containsEntry("won", 1).containsEntry("closed", 2);
        assertThat(get(REP, "/api/metrics/funnel", HttpStatus.OK)).containsEntry("stuckDays", 30);

        // ---- forecast categories of W46 for the manager ----
        Map<String, Object> categories = get(MANAGER, "/api/metrics/categories", HttpStatus.OK);
        assertThat(categories).containsEntry("cycleId", (int) week46.id()).containsEntry("cycleKey", "2025-W46");
        List<Map<String, Object>> rows = list(categories.get("rows"));
        assertThat(rows).extracting(x -> x.get("personId")).containsExactly(REP, TEAMMATE);
        bucket(rows.get(0), "commit", "300000", null, "280000", "280000");
        bucket(rows.get(0), "upside", "500000", null, "430000", "430000");   // commit + upside: 300,000 + 200,000; 280,000 + 150,000
        amount(rows.get(0), "pipeline", "940000");                               // A 500,000 B 200,000 G 150,000 H 90,000
        bucket(rows.get(1), "commit", "0", null, null, "0");
        amount(rows.get(1), "pipeline", "100000");
        Map<String, Object> total = map(categories.get("total"));
        bucket(total, "commit", "300000", "280000", null, "280000");
        bucket(total, "upside", "500000", "430000", null, "430000");
        amount(total, "pipeline", "1040000");

        // ---- compliance per cycle ----
        List<Map<String, Object>> cyclesOfTeam = list(get(MANAGER, "/api/metrics/compliance", HttpStatus.OK).get("cycles"));
        assertThat(cyclesOfTeam).hasSize(1);
        assertThat(cyclesOfTeam.get(0)).containsEntry("cycleKey", "2025-W46").containsEntry("cadence", "WEEKLY_COMMIT")
                .containsEntry("due", 2).containsEntry("onTime", 1).containsEntry("late", 0).containsEntry("missing", 1);
        amount(cyclesOfTeam.get(0), "rate", "0.5000");

        // ---- snapshots: the weekly one and the rep's submission snapshot (A B C G on 9 Nov; the small D is no pipeline) ----
        List<Map<String, Object>> taken = getList(REP, "/api/snapshots");
        assertThat(taken).extracting(x -> x.get("kind")).containsExactly("WEEKLY", "SUBMISSION");
        assertThat(taken.get(0)).containsEntry("openCount", 3).containsEntry("cycleKey", null);
        amount(taken.get(0), "openAmount", "750000");
        // all three close by 31 Dec, the quarter's end: the same as the start of /changes below
        assertThat(taken.get(0)).containsEntry("openCountThisQuarter", 3).containsEntry("quarterEnd", "2025-12-31");
        amount(taken.get(0), "openAmountThisQuarter", "750000");
        assertThat(taken.get(1)).containsEntry("openCount", 4).containsEntry("cycleKey", "2025-W46");
        amount(taken.get(1), "openAmount", "1050000");
        assertThat(getList(TEAMMATE, "/api/snapshots")).extracting(x -> x.get("kind")).containsExactly("WEEKLY");

        // ---- what changed for the rep from the weekly snapshot to now, deals closing by 31 Dec ----
        // start A 400,000 + B 200,000 + G 150,000 = 750,000; end A 500,000 + B 200,000 + H 90,000 = 790,000
        // (D, a small deal won meanwhile, was never pipeline: it is no change of it)
        Map<String, Object> changes = get(REP, "/api/snapshots/changes?from=" + weekly, HttpStatus.OK);
        amount(changes, "startAmount", "750000");
        amount(changes, "endAmount", "790000");
        assertThat(changes).containsEntry("stageMoved", 1).containsEntry("until", "2025-12-31")
                .containsEntry("ownerNames", Map.of(REP, "Ren Rep"));   // the owners by name, for people to read
        Map<String, String> waterfall = new HashMap<>();
        list(changes.get("waterfall")).forEach(step -> waterfall.put((String) step.get("category"),
                new BigDecimal(String.valueOf(step.get("amount"))).stripTrailingZeros().toPlainString() + " x" + step.get("count")));
        assertThat(waterfall).containsExactlyInAnyOrderEntriesOf(Map.of("NEW", "90000 x1", "PULLED_IN", "0 x0",
                "AMOUNT_UP", "100000 x1", "AMOUNT_DOWN", "0 x0", "PUSHED_OUT", "-150000 x1", "WON", "0 x0", "LOST", "0 x0"));
        List<Map<String, Object>> changed = list(changes.get("changes"));
        assertThat(changed).extracting(x -> ((Number) x.get("opportunityId")).longValue()).containsExactly(g, a, h, b);
        assertThat(changed.get(0)).containsEntry("categories", List.of("PUSHED_OUT")).containsEntry("toClose", "2026-01-15");
        assertThat(changed.get(3)).containsEntry("categories", List.of("STAGE_MOVED")).containsEntry("fromStage", "VALIDATE")
                .containsEntry("toStage", "DEVELOP");
        get(TEAMMATE, "/api/snapshots/changes?person=" + REP + "&from=" + weekly, HttpStatus.FORBIDDEN);

        // ---- a manager snapshots their branch by hand; a rep may not ----
        call(REP, HttpMethod.POST, "/api/snapshots", HttpStatus.FORBIDDEN);
        Map<String, Object> manual = call(MANAGER, HttpMethod.POST, "/api/snapshots", HttpStatus.CREATED);
        assertThat(manual).containsEntry("kind", "MANUAL").containsEntry("openCount", 5);   // A B G H and E
        amount(manual, "openAmount", "1040000");
        // taking it does not throw away the week's view: without 'from', what changed still starts at the weekly snapshot
        Map<String, Object> thisWeek = get(MANAGER, "/api/snapshots/changes", HttpStatus.OK);
        assertThat(map(thisWeek.get("from"))).containsEntry("id", (int) weekly);
        assertThat(map(get(REP, "/api/snapshots/changes", HttpStatus.OK).get("from"))).containsEntry("id", (int) weekly);
        assertThat(get(MANAGER, "/api/snapshots/changes?to=" + manual.get("id"), HttpStatus.BAD_REQUEST).get("message").toString())
                .contains("from is required");

        // ---- currencies: a USD deal is converted at 7.10; a EUR deal (no rate) refuses the figures ----
        // 100,000 USD x 10% (IDENTIFY) x 7.10 = 71,000
        long usd = open(OTHER_REP, "Dollar deal", "100000", "2025-12-01");
        jdbc.sql("update opportunity set currency = 'USD' where id = ?").param(usd).update();
        keptFigures.rebuild();
        figure(get(OTHER_REP, "/api/metrics/overview", HttpStatus.OK), "forecast", "71000", "NONE", Map.of("weighted", "71000"));
        jdbc.sql("update opportunity set currency = 'EUR' where id = ?").param(usd).update();
        keptFigures.rebuild();
        assertThat((String) get(OTHER_REP, "/api/metrics/overview", HttpStatus.BAD_REQUEST).get("message"))
                .contains("EUR").contains("cadence.currency.rates.EUR");
    }

    // ---- data through the services ----

    private long open(String owner, String name, String amount, String closes) {
        var account = TestOrganization.account(accounts, owner);
        var lead = leads.create(new NewLead(account.id(), owner, name, "test", new BigDecimal(amount)));
        return leads.qualify(lead.id(), new Qualification(true, "Budget known", "CFO", "Need", "This quarter", null, name,
                new BigDecimal(amount), LocalDate.parse(closes))).opportunityId();
    }

    /** Evidence for every outcome of the deal's stage (and of the won stage when next), then the manager's approval. */
    private void advance(long id, String when) {
        at(when);
        Opportunity deal = opportunities.get(id);
        StageModel model = opportunities.modelOf(deal);
        var next = model.next(deal.stageCode());
        Map<String, String> evidence = new HashMap<>();
        model.stage(deal.stageCode()).outcomes().forEach(o -> evidence.put(o.code(), "Confirmed"));
        if (next.kind() == com.salescadence.pipeline.stage.StageKind.WON) {
            next.outcomes().forEach(o -> evidence.put(o.code(), "Signed"));
        }
        opportunities.recordStageWork(id, new StageWork(StageWork.Action.ADVANCE, evidence, next.winRate(), null, null), deal.ownerId());
        opportunities.decideAdvance(id, true, "Approved", organization.managerOf(deal.ownerId()));
    }

    private static CommitItemInput item(long deal, CommitCategory category) {
        return new CommitItemInput(deal, null, category, true, true, true, true, true);
    }

    private static void at(String time) {
        ProcessDriver.setClock(LocalDateTime.parse(time));
    }

    // ---- the API ----

    private Map<String, Object> get(String user, String path, HttpStatus expected) {
        return call(user, HttpMethod.GET, path, expected);
    }

    private Map<String, Object> call(String user, HttpMethod method, String path, HttpStatus expected) {
        ResponseEntity<Map<String, Object>> response = http.withBasicAuth(user, TestOrganization.PASSWORD)
                .exchange(path, method, null, JSON);
        assertThat(response.getStatusCode()).as(method + " " + path + " as " + user + ": " + response.getBody()).isEqualTo(expected);
        return response.getBody();
    }

    private List<Map<String, Object>> getList(String user, String path) {
        ResponseEntity<List<Map<String, Object>>> response = http.withBasicAuth(user, TestOrganization.PASSWORD)
                .exchange(path, HttpMethod.GET, null, JSON_LIST);
        assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private static void stage(Map<String, Object> stage, String side, int entered, int converted, String convertedPct, int lost,
                              String lostPct, int stuck, String avgDays) {
        Map<String, Object> figures = map(stage.get(side));
        assertThat(figures).as(stage.get("code") + " " + side).containsEntry("entered", entered).containsEntry("converted", converted)
                .containsEntry("lost", lost).containsEntry("stuck", stuck);
        amount(figures, "convertedPct", convertedPct);
        amount(figures, "lostPct", lostPct);
        amount(figures, "avgDays", avgDays);
    }
}
