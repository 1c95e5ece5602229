package com.salescadence.forecasting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.salescadence.forecasting.BacktestRules.Grade;
import com.salescadence.forecasting.BacktestRules.OpenLine;
import com.salescadence.forecasting.BacktestRules.Week;
import com.salescadence.forecasting.StageOutcomes.DealHistory;
import com.salescadence.forecasting.StageOutcomes.Entry;
import com.salescadence.forecasting.WinRateRules.Tally;

class BacktestRulesTest {

    static final List<String> STAGES = List.of("IDENTIFY", "VALIDATE", "DEVELOP", "AGREEMENT");
    static final LocalDateTime W1 = LocalDateTime.of(2025, 1, 5, 23, 59, 59);
    static final LocalDateTime W2 = LocalDateTime.of(2025, 2, 16, 23, 59, 59);

    /** X: IDENTIFY then DEVELOP, won 1 Dec 2024; Y: IDENTIFY, won 10 Feb 2025 (after W1, before W2). */
    static final List<DealHistory> HISTORY = List.of(
            new DealHistory("a", true, "WON", LocalDateTime.of(2024, 12, 1, 12, 0), List.of(
                    new Entry("IDENTIFY", LocalDateTime.of(2024, 10, 1, 9, 0)), new Entry("DEVELOP", LocalDateTime.of(2024, 11, 1, 9, 0)))),
            new DealHistory("a", true, "WON", LocalDateTime.of(2025, 2, 10, 12, 0), List.of(
                    new Entry("IDENTIFY", LocalDateTime.of(2024, 12, 20, 9, 0)))));

    @Test
    void a_small_history_graded_by_hand() {
        // W1 (end of Sun 5 Jan 2025): nothing booked yet; open IDENTIFY 100,000 (configured 10%, claimed 20%) and
        // DEVELOP 200,000 (50%, 60%). Known verdicts: X only: IDENTIFY 1 of 1, DEVELOP 1 of 1, thin (< 20): the company's,
        // also 1 of 1: IDENTIFY (1 + 2) / 21, DEVELOP (1 + 10) / 21.
        //   configured 10,000 + 100,000 = 110,000; claimed 20,000 + 120,000 = 140,000;
        //   learned 100,000 x 3/21 = 14,285.71 + 200,000 x 11/21 = 104,761.90 -> 119,047.61
        Map<ForecastMethod, BigDecimal> w1 = BacktestRules.forecasts(List.of(new OpenLine("a", "IDENTIFY", new BigDecimal("100000"), 10, 20),
                new OpenLine("a", "DEVELOP", new BigDecimal("200000"), 50, 60)), BigDecimal.ZERO, HISTORY, STAGES, W1, 20, 20);
        assertThat(w1.get(ForecastMethod.CONFIGURED)).isEqualByComparingTo("110000.00");
        assertThat(w1.get(ForecastMethod.CLAIMED)).isEqualByComparingTo("140000.00");
        assertThat(w1.get(ForecastMethod.LEARNED)).isEqualByComparingTo("119047.61");
        // W2 (end of Sun 16 Feb): Y won 100,000 on 10 Feb; open DEVELOP 200,000 (50%, 60%); DEVELOP still 1 of 1: 11/21
        //   configured 100,000 + 100,000 = 200,000; claimed 100,000 + 120,000 = 220,000; learned 100,000 + 104,761.90
        Map<ForecastMethod, BigDecimal> w2 = BacktestRules.forecasts(List.of(new OpenLine("a", "DEVELOP", new BigDecimal("200000"), 50, 60)),
                new BigDecimal("100000"), HISTORY, STAGES, W2, 20, 20);
        assertThat(w2.get(ForecastMethod.LEARNED)).isEqualByComparingTo("204761.90");
        // booked by the end of Q1: 125,000. Errors (forecast - actual) / actual:
        //   configured W1 -15,000 / 125,000 = -0.12, W2 +75,000 / 125,000 = +0.60: APE (0.12 + 0.60) / 2 = 0.36, bias 0.24
        //   learned   W1 -5,952.39 / 125,000 = -0.0476191, W2 +79,761.90 / 125,000 = +0.6380952: APE 0.3429, bias 0.2952
        //   claimed   W1 +0.12, W2 +95,000 / 125,000 = +0.76: APE 0.44, bias 0.44
        BigDecimal actual = new BigDecimal("125000");
        Map<ForecastMethod, Grade> grades = BacktestRules.grade(List.of(new Week("2024-W53", "2025-Q1", w1, actual),
                new Week("2025-W07", "2025-Q1", w2, actual), new Week("2025-W08", "2025-Q2", w2, null)));
        assertThat(grades.get(ForecastMethod.CONFIGURED)).isEqualTo(new Grade(new BigDecimal("0.3600"), new BigDecimal("0.2400"), 2));
        assertThat(grades.get(ForecastMethod.LEARNED)).isEqualTo(new Grade(new BigDecimal("0.3429"), new BigDecimal("0.2952"), 2));
        assertThat(grades.get(ForecastMethod.CLAIMED)).isEqualTo(new Grade(new BigDecimal("0.4400"), new BigDecimal("0.4400"), 2));
    }

    @Test
    void a_thin_owner_and_a_thin_team_fall_back_up_the_branches_as_the_live_forecast_does() {
        // top <- m1 <- r1 (2 verdicts at IDENTIFY, both won), r2 (20, 4 won); top <- m2 <- r3 (40, 2 won); top <- m3 <- r5
        // (1, lost); x outside the hierarchy (10, all won). Configured 10%, prior 20 deals, 20 verdicts needed.
        Map<String, String> managerOf = Map.of("r1", "m1", "r2", "m1", "m1", "top", "r3", "m2", "m2", "top", "r5", "m3", "m3", "top");
        List<DealHistory> history = new ArrayList<>();
        history.addAll(decided("r1", 2, 2));
        history.addAll(decided("r2", 20, 4));
        history.addAll(decided("r3", 40, 2));
        history.addAll(decided("r5", 1, 0));
        history.addAll(decided("x", 10, 10));
        List<OpenLine> lines = List.of(new OpenLine("r1", "IDENTIFY", new BigDecimal("100000"), 10, 10),
                new OpenLine("r2", "IDENTIFY", new BigDecimal("100000"), 10, 10), new OpenLine("r5", "IDENTIFY", new BigDecimal("100000"), 10, 10));
        // r1 thin (2): m1's branch, 22 verdicts, 6 won: (6 + 2) / (22 + 20) = 8/42 -> 19,047.62
        // r2 own 20 verdicts, 4 won: (4 + 2) / 40 = 0.15 -> 15,000.00
        // r5 thin (1), m3's branch thin (1): top's branch, 63 verdicts, 8 won: (8 + 2) / 83 -> 12,048.19 (not x's)
        assertThat(BacktestRules.forecasts(lines, BigDecimal.ZERO, history, STAGES, W1, 20, 20, managerOf).get(ForecastMethod.LEARNED))
                .isEqualByComparingTo("46095.81");
        // the same chain as the live forecast's LearnedRateChooser walks: own, each branch above, the company
        HierarchyTallies tallies = new HierarchyTallies(StageOutcomes.tally(history, STAGES, W1), managerOf);
        assertThat(tallies.chain("r5", "IDENTIFY")).containsExactly(new Tally(1, 0), new Tally(1, 0), new Tally(63, 8), new Tally(73, 18));
        // without the hierarchy both thin owners would take the company's (18 + 2) / 93 -> 21,505.38 each
        assertThat(BacktestRules.forecasts(lines, BigDecimal.ZERO, history, STAGES, W1, 20, 20).get(ForecastMethod.LEARNED))
                .isEqualByComparingTo("58010.76");
    }

    /** {@code n} in-funnel deals of the owner that entered IDENTIFY on 1 Oct 2024 and closed on 1 Dec 2024, the first {@code won} won. */
    private static List<DealHistory> decided(String owner, int n, int won) {
        List<DealHistory> deals = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            deals.add(new DealHistory(owner, true, i < won ? "WON" : "LOST", LocalDateTime.of(2024, 12, 1, 12, 0),
                    List.of(new Entry("IDENTIFY", LocalDateTime.of(2024, 10, 1, 9, 0)))));
        }
        return deals;
    }

    @Test
    void no_back_tested_week_reads_an_outcome_dated_after_it() {
        Random random = new Random(7);
        List<OpenLine> lines = List.of(new OpenLine("a", "IDENTIFY", new BigDecimal("100000"), 10, 20),
                new OpenLine("b", "DEVELOP", new BigDecimal("250000"), 50, 40));
        for (int round = 0; round < 50; round++) {
            // a random history; then the same with every deal closed after the week changed at random (fate, stages, owner)
            List<DealHistory> before = new ArrayList<>();
            List<DealHistory> changedLater = new ArrayList<>();
            for (int n = 0; n < 400; n++) {
                LocalDateTime start = W1.minusDays(200).plusDays(random.nextInt(300));
                List<Entry> entries = new ArrayList<>();
                for (int k = 0; k <= random.nextInt(4); k++) {
                    entries.add(new Entry(STAGES.get(k), start.plusDays(5L * k)));
                }
                LocalDateTime closed = start.plusDays(5L * entries.size() + random.nextInt(30));
                DealHistory deal = new DealHistory(random.nextBoolean() ? "a" : "b", true, random.nextBoolean() ? "WON" : "LOST", closed, entries);
                before.add(deal);
                changedLater.add(closed.isAfter(W1)
                        ? new DealHistory(random.nextBoolean() ? "a" : "b", true, random.nextBoolean() ? "WON" : "LOST", closed,
                                STAGES.stream().map(s -> new Entry(s, start)).toList())
                        : deal);
            }
            // and the history cut at the week: only what was known then
            List<DealHistory> known = before.stream().filter(d -> !d.closedAt().isAfter(W1)).toList();
            Map<ForecastMethod, BigDecimal> full = BacktestRules.forecasts(lines, BigDecimal.ZERO, before, STAGES, W1, 20, 20);
            assertThat(BacktestRules.forecasts(lines, BigDecimal.ZERO, changedLater, STAGES, W1, 20, 20)).isEqualTo(full);
            assertThat(BacktestRules.forecasts(lines, BigDecimal.ZERO, known, STAGES, W1, 20, 20)).isEqualTo(full);
        }
    }

    @Test
    void on_a_generated_history_the_learned_rates_forecast_better_than_the_configured_ones_and_the_optimistic_claims() {
        // one team whose true chances of moving forward make its stage win rates 4.3% / 14% / 36% / 65% (configured
        // 10 / 25 / 50 / 75); reps claim 15 points above the configured rate. Deals start every day for three years;
        // each stage lasts 7-20 days; the expected close is the real close date
        Random random = new Random(42);
        double[] advance = {0.30, 0.40, 0.55, 0.65};
        int[] configured = {10, 25, 50, 75};
        record Deal(DealHistory history, BigDecimal amount, LocalDateTime created) {
        }
        List<Deal> deals = new ArrayList<>();
        LocalDateTime start = LocalDateTime.of(2022, 1, 1, 9, 0);
        for (int n = 0; n < 3000; n++) {
            LocalDateTime at = start.plusHours(9L * n);
            LocalDateTime created = at;
            List<Entry> entries = new ArrayList<>();
            String status = "WON";
            for (int k = 0; k < STAGES.size(); k++) {
                entries.add(new Entry(STAGES.get(k), at));
                at = at.plusDays(7 + random.nextInt(14));
                if (random.nextDouble() >= advance[k]) {
                    status = "LOST";
                    break;
                }
            }
            deals.add(new Deal(new DealHistory("a", true, status, at, entries), BigDecimal.valueOf(50_000 + 1_000L * random.nextInt(200)), created));
        }
        List<DealHistory> history = deals.stream().map(Deal::history).toList();
        List<Week> weeks = new ArrayList<>();
        for (java.time.LocalDate quarter = java.time.LocalDate.of(2024, 1, 1); quarter.isBefore(java.time.LocalDate.of(2025, 1, 1));
             quarter = quarter.plusMonths(3)) {
            LocalDateTime qStart = quarter.atStartOfDay();
            LocalDateTime qEnd = quarter.plusMonths(3).atStartOfDay();
            BigDecimal actual = deals.stream().filter(d -> "WON".equals(d.history().status()) && !d.history().closedAt().isBefore(qStart)
                    && d.history().closedAt().isBefore(qEnd)).map(Deal::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            for (LocalDateTime week = qStart.plusDays(6); week.isBefore(qEnd); week = week.plusWeeks(1)) {
                LocalDateTime at = week;
                List<OpenLine> lines = new ArrayList<>();
                BigDecimal booked = BigDecimal.ZERO;
                for (Deal d : deals) {
                    DealHistory h = d.history();
                    if ("WON".equals(h.status()) && !h.closedAt().isBefore(qStart) && !h.closedAt().isAfter(at)) {
                        booked = booked.add(d.amount());
                    }
                    if (!d.created().isAfter(at) && h.closedAt().isAfter(at) && h.closedAt().isBefore(qEnd)) {
                        int stage = (int) h.entries().stream().filter(e -> !e.at().isAfter(at)).count() - 1;
                        lines.add(new OpenLine("a", STAGES.get(stage), d.amount(), configured[stage], Math.min(100, configured[stage] + 15)));
                    }
                }
                weeks.add(new Week(week.toLocalDate().toString(), quarter.toString(),
                        BacktestRules.forecasts(lines, booked, history, STAGES, at, 20, 20), actual));
            }
        }
        Map<ForecastMethod, Grade> grades = BacktestRules.grade(weeks);
        grades.forEach((method, g) -> System.out.printf("Synthetic back-test, 4 quarters, %d weeks: %-10s APE %.4f bias %+.4f%n",
                g.weeks(), method, g.ape(), g.bias()));
        assertThat(grades.get(ForecastMethod.LEARNED).ape()).isLessThan(grades.get(ForecastMethod.CONFIGURED).ape());
        assertThat(grades.get(ForecastMethod.LEARNED).ape()).isLessThan(grades.get(ForecastMethod.CLAIMED).ape());
        assertThat(grades.get(ForecastMethod.CONFIGURED).bias()).isPositive();
    }
}
