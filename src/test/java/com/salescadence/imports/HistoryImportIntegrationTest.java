package com.salescadence.imports;

import static com.salescadence.support.JsonFigures.amount;
import static com.salescadence.support.JsonFigures.list;
import static com.salescadence.support.JsonFigures.map;
import static com.salescadence.support.TestOrganization.MANAGER;
import static com.salescadence.support.TestOrganization.REP;
import static com.salescadence.support.TestOrganization.TEAMMATE;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.salescadence.cadence.CycleKeys;
import com.salescadence.organization.OrganizationAdministration;
import com.salescadence.organization.OrganizationService;
import com.salescadence.organization.QuotaService;
import com.salescadence.support.ProcessDriver;
import com.salescadence.support.RestCalls;
import com.salescadence.support.CadenceIntegrationTest;
import com.salescadence.support.TestOrganization;

/**
 * Issue 12 item 3: a generated team with a year of history (deals with dated stage paths, won, lost from a stage or still
 * open; orders, invoices and payments; 13 weeks of commits) imported through POST /api/imports (dry run, a refused file,
 * then the import), and the metrics endpoints checked against values computed here from the same generated data: the
 * funnel (entered, converted, lost, in stage, stuck, average days; win rate, deal size, cycle), the unfulfilled share this
 * quarter and all time, commit accuracy and its trend, and weekly progress and pipeline growth from the snapshots
 * reconstructed from the history. Business clock Wed 19 Nov 2025 10:00 (week 2025-W47, quarter 2025-Q4).
 */
@CadenceIntegrationTest
class HistoryImportIntegrationTest {

    private static final LocalDateTime NOW = LocalDateTime.of(2025, 11, 19, 10, 0);
    private static final LocalDate TODAY = NOW.toLocalDate();
    private static final LocalDate QUARTER = LocalDate.of(2025, 10, 1);
    private static final LocalDate NEXT_QUARTER = LocalDate.of(2026, 1, 1);
    private static final LocalDate THIS_MONDAY = LocalDate.of(2025, 11, 17);
    private static final List<String> STAGES = List.of("IDENTIFY", "VALIDATE", "DEVELOP", "AGREEMENT");
    private static final int[] WIN_RATES = {10, 25, 50, 75};
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

    /** A generated deal: its stage path (dates entered), and how it ended. */
    record Deal(String ref, String owner, BigDecimal amount, List<LocalDate> entered, String fate, LocalDate closed,
                LocalDate expectedClose, Order order) {

        int reached() {
            return "WON".equals(fate) ? STAGES.size() : entered.size() - 1;
        }

        String stage() {
            return "OPEN".equals(fate) ? STAGES.get(entered.size() - 1) : fate;
        }

        boolean won() {
            return "WON".equals(fate);
        }

        /** Open at that moment, in the stage of its latest entry by then (-1 when not open then). */
        int stageAt(LocalDateTime at) {
            if (entered.get(0).atStartOfDay().isAfter(at) || (closed != null && !closed.atStartOfDay().isAfter(at))) {
                return -1;
            }
            int stage = -1;
            for (int i = 0; i < entered.size(); i++) {
                if (!entered.get(i).atStartOfDay().isAfter(at)) {
                    stage = i;
                }
            }
            return stage;
        }
    }

    record Order(LocalDate ordered, LocalDate invoiced, LocalDate paid) {
    }

    record Commit(String rep, LocalDate monday, BigDecimal commit, BigDecimal upside) {
    }

    @Test
    void an_imported_year_of_history_gives_every_figure_computed_from_the_same_data() {
        TestOrganization.ensure(organization, administration);
        ProcessDriver.setClock(NOW);
        quotas.set(REP, "2025-Q4", QUOTA, new BigDecimal("3600000"), "CNY");
        quotas.set(TEAMMATE, "2025-Q4", QUOTA, new BigDecimal("3600000"), "CNY");
        List<Deal> deals = generate(new Random(12));
        List<Commit> commits = commits(new Random(7));
        // the generated data holds every case the figures tell apart
        assertThat(count(deals, d -> d.won() && !d.closed().isBefore(QUARTER) && d.owner().equals(REP))).as("won this quarter").isPositive();
        assertThat(count(deals, d -> d.order() != null && d.order().paid() != null)).as("paid orders").isPositive();
        assertThat(count(deals, d -> d.won() && (d.order() == null || d.order().paid() == null))).as("unpaid wins").isPositive();
        for (int i = 0; i < STAGES.size(); i++) {
            int stage = i;
            assertThat(count(deals, d -> "LOST".equals(d.fate()) && d.entered().size() - 1 == stage)).as("lost from " + i).isPositive();
            assertThat(count(deals, d -> "OPEN".equals(d.fate()) && d.entered().size() - 1 == stage)).as("open in " + i).isPositive();
        }
        assertThat(count(deals, d -> "OPEN".equals(d.fate()) && d.entered().get(d.entered().size() - 1).isBefore(TODAY.minusDays(31))))
                .as("stuck").isPositive();
        assertThat(count(deals, d -> d.won() && !d.closed().isBefore(THIS_MONDAY.minusWeeks(1)) && d.closed().isBefore(THIS_MONDAY)))
                .as("won last week").isPositive();
        Map<String, byte[]> files = files(deals, commits);

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

        funnel(deals);
        unfulfilled(deals);
        commitAccuracy(deals, commits);
        weeklyProgressAndGrowth(deals);
        // the imported commits count in no report compliance
        assertThat(list(RestCalls.call(http, MANAGER, HttpMethod.GET, "/api/metrics/compliance", null, HttpStatus.OK).get("cycles"))).isEmpty();
    }

    // ---- the generated team ----

    private static List<Deal> generate(Random random) {
        List<Deal> deals = new ArrayList<>();
        for (int n = 0; n < 70; n++) {
            String owner = n % 2 == 0 ? REP : TEAMMATE;
            LocalDate created = LocalDate.of(2024, 12, 2).plusDays(random.nextInt(340));
            BigDecimal amount = BigDecimal.valueOf(60_000 + 1_000L * random.nextInt(900));
            int target = random.nextInt(STAGES.size());      // the furthest open stage it gets to
            String fate = switch (random.nextInt(3)) {
                case 0 -> "WON";
                case 1 -> "LOST";
                default -> "OPEN";
            };
            List<LocalDate> entered = new ArrayList<>(List.of(created));
            for (int i = 1; i <= target; i++) {
                LocalDate next = entered.get(i - 1).plusDays(1 + random.nextInt(40));
                if (next.isAfter(TODAY)) {
                    fate = "OPEN";
                    break;
                }
                entered.add(next);
            }
            LocalDate closed = null;
            if (!"OPEN".equals(fate)) {
                closed = entered.get(entered.size() - 1).plusDays(1 + random.nextInt(40));
                if (closed.isAfter(TODAY.minusDays(1))) {
                    fate = "OPEN";
                    closed = null;
                }
            }
            LocalDate expectedClose = closed != null ? closed : TODAY.plusDays(5 + random.nextInt(80));
            Order order = null;
            if ("WON".equals(fate) && random.nextInt(4) > 0) {
                LocalDate ordered = min(closed.plusDays(random.nextInt(5)), TODAY);
                LocalDate invoiced = random.nextInt(5) == 0 ? null : min(ordered.plusDays(2), TODAY);
                LocalDate paid = invoiced == null || random.nextInt(3) == 0 ? null : invoiced.plusDays(10);
                order = new Order(ordered, invoiced, paid != null && paid.isAfter(TODAY) ? null : paid);
            }
            deals.add(new Deal("H-" + n, owner, amount, entered, fate, closed, expectedClose, order));
        }
        // and one won last week (Wed 12 Nov), not yet ordered: last week's actual and this quarter's unfulfilled share
        deals.add(new Deal("H-LAST", REP, new BigDecimal("420000"), List.of(LocalDate.of(2025, 9, 1), LocalDate.of(2025, 9, 20),
                LocalDate.of(2025, 10, 15)), "WON", LocalDate.of(2025, 11, 12), LocalDate.of(2025, 11, 12), null));
        return deals;
    }

    private static List<Commit> commits(Random random) {
        List<Commit> commits = new ArrayList<>();
        for (LocalDate monday = THIS_MONDAY.minusWeeks(13); monday.isBefore(THIS_MONDAY); monday = monday.plusWeeks(1)) {
            for (String rep : List.of(REP, TEAMMATE)) {
                commits.add(new Commit(rep, monday, BigDecimal.valueOf(50_000 + 10_000L * random.nextInt(60)),
                        BigDecimal.valueOf(10_000L * random.nextInt(30))));
            }
        }
        return commits;
    }

    private static Map<String, byte[]> files(List<Deal> deals, List<Commit> commits) {
        StringBuilder opportunities = new StringBuilder("account,name,owner,amount,expected_close_date,stage,closed_on,created_on,"
                + "loss_reason,ref,lost_from\n");
        StringBuilder history = new StringBuilder("deal,stage,entered_on\n");
        StringBuilder orders = new StringBuilder("deal,ordered_on,invoiced_on,paid_on\n");
        for (Deal d : deals) {
            boolean lost = "LOST".equals(d.fate());
            opportunities.append(String.join(",", d.owner().equals(REP) ? "History One" : "History Two", "Deal " + d.ref(), d.owner(),
                    d.amount().toPlainString(), d.expectedClose().toString(), d.stage(), d.closed() == null ? "" : d.closed().toString(),
                    d.entered().get(0).toString(), lost ? "Went with a competitor" : "", d.ref(),
                    lost ? STAGES.get(d.entered().size() - 1) : "")).append('\n');
            for (int i = 0; i < d.entered().size(); i++) {
                history.append(d.ref()).append(',').append(STAGES.get(i)).append(',').append(d.entered().get(i)).append('\n');
            }
            if (d.order() != null) {
                orders.append(String.join(",", d.ref(), d.order().ordered().toString(), text(d.order().invoiced()), text(d.order().paid())))
                        .append('\n');
            }
        }
        StringBuilder commitFile = new StringBuilder("rep,week,commit,upside\n");
        commits.forEach(c -> commitFile.append(String.join(",", c.rep(), CycleKeys.weekKey(c.monday()), c.commit().toPlainString(),
                c.upside().toPlainString())).append('\n'));
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("accounts", ("name,tier,owner\nHistory One,KEY," + REP + "\nHistory Two,SECOND," + TEAMMATE + "\n")
                .getBytes(StandardCharsets.UTF_8));
        files.put("opportunities", opportunities.toString().getBytes(StandardCharsets.UTF_8));
        files.put("stage_history", history.toString().getBytes(StandardCharsets.UTF_8));
        files.put("orders", orders.toString().getBytes(StandardCharsets.UTF_8));
        files.put("commits", commitFile.toString().getBytes(StandardCharsets.UTF_8));
        return files;
    }

    // ---- the figures, computed from the generated data ----

    private void funnel(List<Deal> deals) {
        Map<String, Object> funnel = RestCalls.call(http, REP, HttpMethod.GET, "/api/metrics/funnel", null, HttpStatus.OK);
        List<Map<String, Object>> stages = list(funnel.get("stages"));
        for (String side : List.of("person", "company")) {
            List<Deal> mine = side.equals("person") ? deals.stream().filter(d -> d.owner().equals(REP)).toList() : deals;
            for (int i = 0; i < STAGES.size(); i++) {
                int stage = i;
                Map<String, Object> figures = map(stages.get(i).get(side));
                String what = side + " " + STAGES.get(i);
                long entered = count(mine, d -> d.reached() >= stage);
                long converted = count(mine, d -> d.reached() > stage);
                long lost = count(mine, d -> "LOST".equals(d.fate()) && d.entered().size() - 1 == stage);
                long inStage = count(mine, d -> "OPEN".equals(d.fate()) && d.entered().size() - 1 == stage);
                long stuck = count(mine, d -> "OPEN".equals(d.fate()) && d.entered().size() - 1 == stage
                        && d.entered().get(stage).atStartOfDay().isBefore(NOW.minusDays(30)));
                assertThat(figures).as(what).containsEntry("entered", (int) entered).containsEntry("converted", (int) converted)
                        .containsEntry("lost", (int) lost).containsEntry("inStage", (int) inStage).containsEntry("stuck", (int) stuck);
                same(figures.get("convertedPct"), share(converted, entered), what);
                // completed stays: to the next stage, or to the close from the last stage
                List<Long> stays = new ArrayList<>();
                for (Deal d : mine) {
                    if (stage < d.entered().size() - 1) {
                        stays.add(ChronoUnit.DAYS.between(d.entered().get(stage), d.entered().get(stage + 1)));
                    } else if (stage == d.entered().size() - 1 && d.closed() != null) {
                        stays.add(ChronoUnit.DAYS.between(d.entered().get(stage), d.closed()));
                    }
                }
                BigDecimal avg = stays.isEmpty() ? null : BigDecimal.valueOf(stays.stream().mapToLong(Long::longValue).sum())
                        .divide(BigDecimal.valueOf(stays.size()), 1, RoundingMode.HALF_UP);
                same(figures.get("avgDays"), avg, what + " avgDays");
            }
            Map<String, Object> overall = map(funnel.get(side));
            long won = count(mine, Deal::won);
            long closed = count(mine, d -> d.closed() != null);
            assertThat(overall).as(side).containsEntry("won", (int) won).containsEntry("closed", (int) closed);
            same(overall.get("winRate"), share(won, closed), side + " win rate");
            BigDecimal wonAmount = mine.stream().filter(Deal::won).map(Deal::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            same(overall.get("avgDealSize"), wonAmount.divide(BigDecimal.valueOf(won), 2, RoundingMode.HALF_UP), side + " deal size");
            long days = mine.stream().filter(Deal::won).mapToLong(d -> ChronoUnit.DAYS.between(d.entered().get(0), d.closed())).sum();
            same(overall.get("cycleDays"), BigDecimal.valueOf(days).divide(BigDecimal.valueOf(won), 1, RoundingMode.HALF_UP), side + " cycle");
        }
    }

    private void unfulfilled(List<Deal> deals) {
        Map<String, Object> overview = overview(REP);
        List<Deal> mine = deals.stream().filter(d -> d.owner().equals(REP) && d.won()).toList();
        checkShare(map(overview.get("unfulfilledShare")), mine.stream().filter(d -> !d.closed().isBefore(QUARTER)).toList());
        checkShare(map(overview.get("unfulfilledShareAllTime")), mine);
    }

    /** Won deals without a paid order / won deals. */
    private static void checkShare(Map<String, Object> figure, List<Deal> won) {
        BigDecimal total = won.stream().map(Deal::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal unpaid = won.stream().filter(d -> d.order() == null || d.order().paid() == null).map(Deal::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<String, Object> inputs = map(figure.get("inputs"));
        amount(inputs, "orders", total.toPlainString());
        amount(inputs, "unfulfilled", unpaid.toPlainString());
        same(figure.get("value"), total.signum() == 0 ? null : unpaid.divide(total, 4, RoundingMode.HALF_UP), "unfulfilled share");
    }

    private void commitAccuracy(List<Deal> deals, List<Commit> commits) {
        // the trend of the rep: each of the 13 imported weeks, commit vs won in the week
        List<Map<String, Object>> weeks = list(RestCalls.call(http, REP, HttpMethod.GET, "/api/metrics/accuracy-trend?weeks=13", null,
                HttpStatus.OK).get("weeks"));
        assertThat(weeks).hasSize(13);
        for (Map<String, Object> week : weeks) {
            LocalDate monday = LocalDate.parse((String) week.get("weekStart"));
            BigDecimal commit = commits.stream().filter(c -> c.rep().equals(REP) && c.monday().equals(monday)).findFirst().orElseThrow().commit();
            BigDecimal actual = wonIn(deals, REP, monday, monday.plusWeeks(1));
            amount(week, "commit", commit.toPlainString());
            amount(week, "actual", actual.toPlainString());
            same(week.get("accuracy"), actual.divide(commit, 4, RoundingMode.HALF_UP), "accuracy of " + monday);
        }
        // the manager's last week: the reps' commits add up (no roll-up was imported), against both reps' wins
        LocalDate lastWeek = THIS_MONDAY.minusWeeks(1);
        BigDecimal commit = commits.stream().filter(c -> c.monday().equals(lastWeek)).map(Commit::commit).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal actual = wonIn(deals, REP, lastWeek, THIS_MONDAY).add(wonIn(deals, TEAMMATE, lastWeek, THIS_MONDAY));
        Map<String, Object> accuracy = map(overview(MANAGER).get("commitAccuracy"));
        amount(map(accuracy.get("inputs")), "commit", commit.toPlainString());
        amount(map(accuracy.get("inputs")), "actual", actual.toPlainString());
        same(accuracy.get("value"), actual.divide(commit, 4, RoundingMode.HALF_UP), "value");
    }

    private void weeklyProgressAndGrowth(List<Deal> deals) {
        List<Deal> mine = deals.stream().filter(d -> d.owner().equals(REP)).toList();
        LocalDateTime lastWeekEnd = THIS_MONDAY.atStartOfDay().minusSeconds(1);
        BigDecimal forecast = weighted(mine, NOW);
        BigDecimal sales = wonIn(deals, REP, QUARTER, TODAY.plusDays(1));
        BigDecimal lastForecast = weighted(mine, lastWeekEnd);
        BigDecimal lastSales = mine.stream().filter(d -> d.won() && !d.closed().isBefore(QUARTER) && d.closed().atStartOfDay().isBefore(lastWeekEnd))
                .map(Deal::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<String, Object> overview = overview(REP);
        Map<String, Object> progress = map(overview.get("weeklyProgress"));
        Map<String, Object> inputs = map(progress.get("inputs"));
        amount(inputs, "thisWeekForecast", forecast.toPlainString());
        amount(inputs, "thisWeekCumulativeSales", sales.toPlainString());
        amount(inputs, "lastWeekForecast", lastForecast.toPlainString());
        amount(inputs, "lastWeekCumulativeSales", lastSales.toPlainString());
        same(progress.get("value"), forecast.add(sales).subtract(lastForecast).subtract(lastSales)
                .divide(QUOTA, 6, RoundingMode.HALF_UP).setScale(4, RoundingMode.HALF_UP), "value");
        // the snapshot it read is the reconstructed one of the end of last week
        List<Map<String, Object>> snapshots = RestCalls.list(http, REP, "/api/snapshots?limit=200");
        assertThat(snapshots.get(0)).containsEntry("kind", "HISTORY").containsEntry("takenAt", lastWeekEnd.toString());
        assertThat(snapshots.get(0)).containsEntry("openCount", (int) count(mine, d -> d.stageAt(lastWeekEnd) >= 0));

        // pipeline growth: every open deal now against the latest snapshot of October (the end of Sun 26 Oct)
        LocalDateTime october = LocalDateTime.of(2025, 10, 26, 23, 59, 59);
        BigDecimal now = mine.stream().filter(d -> "OPEN".equals(d.fate())).map(Deal::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal then = mine.stream().filter(d -> d.stageAt(october) >= 0).map(Deal::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<String, Object> growth = map(overview.get("pipelineGrowth"));
        amount(map(growth.get("inputs")), "thisMonth", now.toPlainString());
        amount(map(growth.get("inputs")), "lastMonth", then.toPlainString());

        // what changed since the end of last week: starts from that snapshot's deals closing this quarter
        Map<String, Object> changes = RestCalls.call(http, REP, HttpMethod.GET, "/api/snapshots/changes?from=" + snapshots.get(0).get("id"),
                null, HttpStatus.OK);
        amount(changes, "startAmount", mine.stream().filter(d -> d.stageAt(lastWeekEnd) >= 0 && d.expectedClose().isBefore(NEXT_QUARTER))
                .map(Deal::amount).reduce(BigDecimal.ZERO, BigDecimal::add).toPlainString());
    }

    /** Amount x the win rate of the stage at that moment, over the deals open then and expected to close this quarter. */
    private static BigDecimal weighted(List<Deal> deals, LocalDateTime at) {
        BigDecimal total = BigDecimal.ZERO;
        for (Deal d : deals) {
            int stage = d.stageAt(at);
            if (stage >= 0 && d.expectedClose().isBefore(NEXT_QUARTER)) {
                total = total.add(d.amount().multiply(BigDecimal.valueOf(WIN_RATES[stage])).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP));
            }
        }
        return total;
    }

    private static BigDecimal wonIn(List<Deal> deals, String owner, LocalDate from, LocalDate to) {
        return deals.stream().filter(d -> d.owner().equals(owner) && d.won() && !d.closed().isBefore(from) && d.closed().isBefore(to))
                .map(Deal::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private Map<String, Object> overview(String person) {
        return RestCalls.call(http, person, HttpMethod.GET, "/api/metrics/overview", null, HttpStatus.OK);
    }

    private static long count(List<Deal> deals, Predicate<Deal> which) {
        return deals.stream().filter(which).count();
    }

    private static BigDecimal share(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    /** A JSON number equal in value to the expected one, or null when null is expected. */
    private static void same(Object json, BigDecimal expected, String what) {
        if (expected == null) {
            assertThat(json).as(what).isNull();
        } else {
            assertThat(json).as(what).isNotNull();
            assertThat(new BigDecimal(String.valueOf(json))).as(what).isEqualByComparingTo(expected);
        }
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static String text(LocalDate date) {
        return date == null ? "" : date.toString();
    }
}
