package com.salescadence.imports;

import static com.salescadence.support.JsonFigures.amount;
import static com.salescadence.support.JsonFigures.list;
import static com.salescadence.support.JsonFigures.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

import com.salescadence.cadence.CycleKeys;
import com.salescadence.support.RestCalls;

/**
 * A generated team's year of history (issue 12) for the history import tests: deals of the given reps with dated stage
 * paths (won, lost from a stage or still open), orders, invoices and payments, 13 past weeks of commits; the CSV files
 * that bring it in; and the checks of the metrics endpoints against values computed here from the same data (the funnel,
 * the unfulfilled share, commit accuracy and its trend, weekly progress from the reconstructed snapshot). Business clock
 * Wed 19 Nov 2025 10:00 (week 2025-W47, quarter 2025-Q4); IBM stages and win rates.
 */
final class TeamHistory {

    static final LocalDateTime NOW = LocalDateTime.of(2025, 11, 19, 10, 0);
    static final LocalDate TODAY = NOW.toLocalDate();
    static final LocalDate QUARTER = LocalDate.of(2025, 10, 1);
    static final LocalDate NEXT_QUARTER = LocalDate.of(2026, 1, 1);
    static final LocalDate THIS_MONDAY = LocalDate.of(2025, 11, 17);
    static final List<String> STAGES = List.of("IDENTIFY", "VALIDATE", "DEVELOP", "AGREEMENT");
    static final int[] WIN_RATES = {10, 25, 50, 75};

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

        boolean open() {
            return "OPEN".equals(fate);
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

    final List<String> reps;
    final List<Deal> deals;
    final List<Commit> commits;

    private TeamHistory(List<String> reps, List<Deal> deals, List<Commit> commits) {
        this.reps = List.copyOf(reps);
        this.deals = List.copyOf(deals);
        this.commits = List.copyOf(commits);
    }

    /**
     * {@code count} deals dealt to the reps in turn, and one more of the first rep won last week (Wed 12 Nov) without an
     * order; 13 weeks of commits of each rep.
     */
    static TeamHistory generate(List<String> reps, int count, long dealSeed, long commitSeed) {
        Random random = new Random(dealSeed);
        List<Deal> deals = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            String owner = reps.get(n % reps.size());
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
        deals.add(new Deal("H-LAST", reps.get(0), new BigDecimal("420000"), List.of(LocalDate.of(2025, 9, 1), LocalDate.of(2025, 9, 20),
                LocalDate.of(2025, 10, 15)), "WON", LocalDate.of(2025, 11, 12), LocalDate.of(2025, 11, 12), null));
        Random commitRandom = new Random(commitSeed);
        List<Commit> commits = new ArrayList<>();
        for (LocalDate monday = THIS_MONDAY.minusWeeks(13); monday.isBefore(THIS_MONDAY); monday = monday.plusWeeks(1)) {
            for (String rep : reps) {
                commits.add(new Commit(rep, monday, BigDecimal.valueOf(50_000 + 10_000L * commitRandom.nextInt(60)),
                        BigDecimal.valueOf(10_000L * commitRandom.nextInt(30))));
            }
        }
        return new TeamHistory(reps, deals, commits);
    }

    static String account(String owner) {
        return "History of " + owner;
    }

    /** accounts (one per rep), opportunities, stage_history, commits and, when {@code withOrders}, orders. */
    Map<String, byte[]> files(boolean withOrders) {
        StringBuilder accounts = new StringBuilder("name,tier,owner\n");
        reps.forEach(rep -> accounts.append(account(rep)).append(",KEY,").append(rep).append('\n'));
        StringBuilder opportunities = new StringBuilder("account,name,owner,amount,expected_close_date,stage,closed_on,created_on,"
                + "loss_reason,ref,lost_from\n");
        StringBuilder history = new StringBuilder("deal,stage,entered_on\n");
        for (Deal d : deals) {
            boolean lost = "LOST".equals(d.fate());
            opportunities.append(String.join(",", account(d.owner()), "Deal " + d.ref(), d.owner(),
                    d.amount().toPlainString(), d.expectedClose().toString(), d.stage(), d.closed() == null ? "" : d.closed().toString(),
                    d.entered().get(0).toString(), lost ? "Went with a competitor" : "", d.ref(),
                    lost ? STAGES.get(d.entered().size() - 1) : "")).append('\n');
            for (int i = 0; i < d.entered().size(); i++) {
                history.append(d.ref()).append(',').append(STAGES.get(i)).append(',').append(d.entered().get(i)).append('\n');
            }
        }
        StringBuilder commitFile = new StringBuilder("rep,week,commit,upside\n");
        commits.forEach(c -> commitFile.append(String.join(",", c.rep(), CycleKeys.weekKey(c.monday()), c.commit().toPlainString(),
                c.upside().toPlainString())).append('\n'));
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("accounts", utf8(accounts));
        files.put("opportunities", utf8(opportunities));
        files.put("stage_history", utf8(history));
        if (withOrders) {
            files.put("orders", ordersFile(d -> d.ref()));
        }
        files.put("commits", utf8(commitFile));
        return files;
    }

    /** The orders file of the won deals with an order, each deal named as {@code name} says (its ref, or its name). */
    byte[] ordersFile(java.util.function.Function<Deal, String> name) {
        StringBuilder orders = new StringBuilder("deal,ordered_on,invoiced_on,paid_on\n");
        for (Deal d : deals) {
            if (d.order() != null) {
                orders.append(String.join(",", name.apply(d), d.order().ordered().toString(), text(d.order().invoiced()),
                        text(d.order().paid()))).append('\n');
            }
        }
        return utf8(orders);
    }

    // ---- the figures, computed from the generated data ----

    /**
     * The funnel as {@code viewer} sees it: the person side over the deals of {@code mine}, the company side over all the
     * generated deals; per stage entered, converted, lost, in stage, stuck, average days; win rate, deal size, cycle.
     */
    void checkFunnel(TestRestTemplate http, String viewer, Predicate<Deal> mine) {
        Map<String, Object> funnel = RestCalls.call(http, viewer, HttpMethod.GET, "/api/metrics/funnel", null, HttpStatus.OK);
        List<Map<String, Object>> stages = list(funnel.get("stages"));
        for (String side : List.of("person", "company")) {
            List<Deal> scope = side.equals("person") ? deals.stream().filter(mine).toList() : deals;
            for (int i = 0; i < STAGES.size(); i++) {
                int stage = i;
                Map<String, Object> figures = map(stages.get(i).get(side));
                String what = viewer + " " + side + " " + STAGES.get(i);
                long entered = count(scope, d -> d.reached() >= stage);
                long converted = count(scope, d -> d.reached() > stage);
                long lost = count(scope, d -> "LOST".equals(d.fate()) && d.entered().size() - 1 == stage);
                long inStage = count(scope, d -> d.open() && d.entered().size() - 1 == stage);
                long stuck = count(scope, d -> d.open() && d.entered().size() - 1 == stage
                        && d.entered().get(stage).atStartOfDay().isBefore(NOW.minusDays(30)));
                assertThat(figures).as(what).containsEntry("entered", (int) entered).containsEntry("converted", (int) converted)
                        .containsEntry("lost", (int) lost).containsEntry("inStage", (int) inStage).containsEntry("stuck", (int) stuck);
                same(figures.get("convertedPct"), share(converted, entered), what);
                // completed stays: to the next stage, or to the close from the last stage
                List<Long> stays = new ArrayList<>();
                for (Deal d : scope) {
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
            long won = count(scope, Deal::won);
            long closed = count(scope, d -> d.closed() != null);
            assertThat(overall).as(side).containsEntry("won", (int) won).containsEntry("closed", (int) closed);
            same(overall.get("winRate"), share(won, closed), side + " win rate");
            BigDecimal wonAmount = sum(scope.stream().filter(Deal::won).toList());
            same(overall.get("avgDealSize"), wonAmount.divide(BigDecimal.valueOf(won), 2, RoundingMode.HALF_UP), side + " deal size");
            long days = scope.stream().filter(Deal::won).mapToLong(d -> ChronoUnit.DAYS.between(d.entered().get(0), d.closed())).sum();
            same(overall.get("cycleDays"), BigDecimal.valueOf(days).divide(BigDecimal.valueOf(won), 1, RoundingMode.HALF_UP), side + " cycle");
        }
    }

    /** The unfulfilled share of {@code viewer} over the won deals of {@code mine}: this quarter and all time. */
    void checkUnfulfilled(TestRestTemplate http, String viewer, Predicate<Deal> mine) {
        Map<String, Object> overview = overview(http, viewer);
        List<Deal> won = deals.stream().filter(mine).filter(Deal::won).toList();
        checkShare(map(overview.get("unfulfilledShare")), won.stream().filter(d -> !d.closed().isBefore(QUARTER)).toList());
        checkShare(map(overview.get("unfulfilledShareAllTime")), won);
    }

    /** Won deals without a paid order / won deals. */
    private static void checkShare(Map<String, Object> figure, List<Deal> won) {
        BigDecimal total = sum(won);
        BigDecimal unpaid = sum(won.stream().filter(d -> d.order() == null || d.order().paid() == null).toList());
        Map<String, Object> inputs = map(figure.get("inputs"));
        amount(inputs, "orders", total.toPlainString());
        amount(inputs, "unfulfilled", unpaid.toPlainString());
        same(figure.get("value"), total.signum() == 0 ? null : unpaid.divide(total, 4, RoundingMode.HALF_UP), "unfulfilled share");
    }

    /** The accuracy trend of {@code rep}: each of the 13 imported weeks, commit vs won in the week. */
    void checkAccuracyTrend(TestRestTemplate http, String rep) {
        List<Map<String, Object>> weeks = list(RestCalls.call(http, rep, HttpMethod.GET, "/api/metrics/accuracy-trend?weeks=13", null,
                HttpStatus.OK).get("weeks"));
        assertThat(weeks).hasSize(13);
        for (Map<String, Object> week : weeks) {
            LocalDate monday = LocalDate.parse((String) week.get("weekStart"));
            BigDecimal commit = commits.stream().filter(c -> c.rep().equals(rep) && c.monday().equals(monday)).findFirst().orElseThrow().commit();
            BigDecimal actual = wonIn(List.of(rep), monday, monday.plusWeeks(1));
            amount(week, "commit", commit.toPlainString());
            amount(week, "actual", actual.toPlainString());
            same(week.get("accuracy"), actual.divide(commit, 4, RoundingMode.HALF_UP), rep + " accuracy of " + monday);
        }
    }

    /** The last week's commit accuracy of a manager: the commits of the reps below add up (no roll-up was imported). */
    void checkManagersAccuracy(TestRestTemplate http, String manager, List<String> repsBelow) {
        LocalDate lastWeek = THIS_MONDAY.minusWeeks(1);
        BigDecimal commit = commits.stream().filter(c -> c.monday().equals(lastWeek) && repsBelow.contains(c.rep())).map(Commit::commit)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal actual = wonIn(repsBelow, lastWeek, THIS_MONDAY);
        Map<String, Object> accuracy = map(overview(http, manager).get("commitAccuracy"));
        amount(map(accuracy.get("inputs")), "commit", commit.toPlainString());
        amount(map(accuracy.get("inputs")), "actual", actual.toPlainString());
        same(accuracy.get("value"), actual.divide(commit, 4, RoundingMode.HALF_UP), manager + " commit accuracy");
    }

    /**
     * Weekly progress of {@code viewer} (quota {@code quota}) over the deals of {@code owners}, against the snapshot
     * reconstructed for the end of last week; pipeline growth against October's last; what changed since last week.
     */
    void checkWeeklyProgress(TestRestTemplate http, String viewer, List<String> owners, BigDecimal quota) {
        List<Deal> mine = deals.stream().filter(d -> owners.contains(d.owner())).toList();
        LocalDateTime lastWeekEnd = THIS_MONDAY.atStartOfDay().minusSeconds(1);
        BigDecimal forecast = weighted(mine, NOW);
        BigDecimal sales = wonIn(owners, QUARTER, TODAY.plusDays(1));
        BigDecimal lastForecast = weighted(mine, lastWeekEnd);
        BigDecimal lastSales = sum(mine.stream().filter(d -> d.won() && !d.closed().isBefore(QUARTER)
                && d.closed().atStartOfDay().isBefore(lastWeekEnd)).toList());
        Map<String, Object> overview = overview(http, viewer);
        Map<String, Object> progress = map(overview.get("weeklyProgress"));
        Map<String, Object> inputs = map(progress.get("inputs"));
        amount(inputs, "thisWeekForecast", forecast.toPlainString());
        amount(inputs, "thisWeekCumulativeSales", sales.toPlainString());
        amount(inputs, "lastWeekForecast", lastForecast.toPlainString());
        amount(inputs, "lastWeekCumulativeSales", lastSales.toPlainString());
        same(progress.get("value"), forecast.add(sales).subtract(lastForecast).subtract(lastSales)
                .divide(quota, 6, RoundingMode.HALF_UP).setScale(4, RoundingMode.HALF_UP), viewer + " weekly progress");
        // the snapshot it read is the reconstructed one of the end of last week
        List<Map<String, Object>> snapshots = RestCalls.list(http, viewer, "/api/snapshots?limit=200");
        assertThat(snapshots.get(0)).containsEntry("kind", "HISTORY").containsEntry("takenAt", lastWeekEnd.toString());
        assertThat(snapshots.get(0)).containsEntry("openCount", (int) count(mine, d -> d.stageAt(lastWeekEnd) >= 0));

        // pipeline growth: every open deal now against the latest snapshot of October (the end of Sun 26 Oct)
        LocalDateTime october = LocalDateTime.of(2025, 10, 26, 23, 59, 59);
        Map<String, Object> growth = map(overview.get("pipelineGrowth"));
        amount(map(growth.get("inputs")), "thisMonth", sum(mine.stream().filter(Deal::open).toList()).toPlainString());
        amount(map(growth.get("inputs")), "lastMonth", sum(mine.stream().filter(d -> d.stageAt(october) >= 0).toList()).toPlainString());

        // what changed since the end of last week: starts from that snapshot's deals closing this quarter
        Map<String, Object> changes = RestCalls.call(http, viewer, HttpMethod.GET, "/api/snapshots/changes?from=" + snapshots.get(0).get("id"),
                null, HttpStatus.OK);
        amount(changes, "startAmount", sum(mine.stream().filter(d -> d.stageAt(lastWeekEnd) >= 0
                && d.expectedClose().isBefore(NEXT_QUARTER)).toList()).toPlainString());
    }

    /** Amount x the win rate of the stage at that moment, over the deals open then and expected to close this quarter. */
    static BigDecimal weighted(List<Deal> deals, LocalDateTime at) {
        BigDecimal total = BigDecimal.ZERO;
        for (Deal d : deals) {
            int stage = d.stageAt(at);
            if (stage >= 0 && d.expectedClose().isBefore(NEXT_QUARTER)) {
                total = total.add(d.amount().multiply(BigDecimal.valueOf(WIN_RATES[stage])).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP));
            }
        }
        return total;
    }

    BigDecimal wonIn(List<String> owners, LocalDate from, LocalDate to) {
        return sum(deals.stream().filter(d -> owners.contains(d.owner()) && d.won() && !d.closed().isBefore(from) && d.closed().isBefore(to))
                .toList());
    }

    static BigDecimal sum(List<Deal> deals) {
        return deals.stream().map(Deal::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static Map<String, Object> overview(TestRestTemplate http, String person) {
        return RestCalls.call(http, person, HttpMethod.GET, "/api/metrics/overview", null, HttpStatus.OK);
    }

    static long count(List<Deal> deals, Predicate<Deal> which) {
        return deals.stream().filter(which).count();
    }

    static BigDecimal share(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    /** A JSON number equal in value to the expected one, or null when null is expected. */
    static void same(Object json, BigDecimal expected, String what) {
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

    private static byte[] utf8(CharSequence text) {
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
