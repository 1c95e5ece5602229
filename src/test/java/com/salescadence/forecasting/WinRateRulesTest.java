package com.salescadence.forecasting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.salescadence.forecasting.StageOutcomes.DealHistory;
import com.salescadence.forecasting.StageOutcomes.Entry;
import com.salescadence.forecasting.WinRateRules.Estimate;
import com.salescadence.forecasting.WinRateRules.Tally;

class WinRateRulesTest {

    static final List<String> STAGES = List.of("IDENTIFY", "VALIDATE", "DEVELOP", "AGREEMENT");
    /** The IBM model's configured rates: the priors. */
    static final double[] CONFIGURED = {0.10, 0.25, 0.50, 0.75};
    static final LocalDateTime AS_OF = LocalDateTime.of(2025, 11, 19, 23, 59);

    @Test
    void generated_history_of_several_thousand_deals_puts_the_true_rates_inside_their_90_percent_intervals() {
        Random random = new Random(16);
        int teams = 8;
        // each team's true chance of leaving each stage forward (the last one: of winning); true stage win rate =
        // the product of the chances from that stage on
        double[][] advance = new double[teams][STAGES.size()];
        for (int t = 0; t < teams; t++) {
            advance[t] = new double[] {0.30 + 0.05 * (t % 4), 0.40 + 0.04 * t, 0.55 + 0.03 * (t % 5), 0.65 + 0.03 * t};
        }
        List<DealHistory> deals = new ArrayList<>();
        int moved = 0;
        for (int n = 0; n < 6000; n++) {
            int t = n % teams;
            LocalDateTime at = LocalDateTime.of(2024, 1, 1, 9, 0).plusDays(random.nextInt(500));
            List<Entry> entries = new ArrayList<>();
            String status = "WON";
            for (int k = 0; k < STAGES.size(); k++) {
                entries.add(new Entry(STAGES.get(k), at = at.plusDays(1 + random.nextInt(20))));
                if (k > 0 && random.nextInt(10) == 0) {     // moved back a stage and forward again: still once per stage
                    entries.add(new Entry(STAGES.get(k - 1), at = at.plusDays(1)));
                    entries.add(new Entry(STAGES.get(k), at = at.plusDays(1)));
                    moved++;
                }
                if (random.nextDouble() >= advance[t][k]) {
                    status = "LOST";
                    break;
                }
            }
            LocalDateTime closed = at.plusDays(1 + random.nextInt(20));
            if (closed.isAfter(AS_OF)) {
                status = "OPEN";
                closed = null;
            }
            deals.add(new DealHistory("team-" + t, true, status, closed, entries));
        }
        // noise that must teach nothing: small deals and verdicts after the as-of moment, all won
        for (int n = 0; n < 1500; n++) {
            List<Entry> entries = STAGES.stream().map(s -> new Entry(s, AS_OF.minusDays(30))).toList();
            deals.add(new DealHistory("team-" + n % teams, false, "WON", AS_OF.minusDays(1), entries));
            deals.add(new DealHistory("team-" + n % teams, true, "WON", AS_OF.plusDays(1), entries));
        }

        Map<String, Map<String, Tally>> tallies = StageOutcomes.tally(deals, STAGES, AS_OF);
        int pairs = 0;
        int inside = 0;
        StringBuilder table = new StringBuilder();
        for (int t = 0; t < teams; t++) {
            for (int k = 0; k < STAGES.size(); k++) {
                double truth = 1;
                for (int j = k; j < STAGES.size(); j++) {
                    truth *= advance[t][j];
                }
                Estimate e = WinRateRules.estimate(tallies.get("team-" + t).get(STAGES.get(k)), CONFIGURED[k], 20);
                pairs++;
                if (truth >= e.low() && truth <= e.high()) {
                    inside++;
                }
                table.append(String.format("team-%d %-9s true %.3f learned %.3f [%.3f, %.3f] n=%d%n", t, STAGES.get(k), truth,
                        e.rate(), e.low(), e.high(), e.decided()));
            }
        }
        System.out.print(table);
        System.out.printf("Synthetic history: %d deals (%d moved back a stage), true rate inside the 90%% interval for %d of %d (team, stage) pairs%n",
                6000, moved, inside, pairs);
        assertThat(moved).isPositive();
        assertThat(inside).as("pairs inside").isGreaterThanOrEqualTo((int) Math.ceil(0.9 * pairs));
    }

    @Test
    void with_five_deals_the_estimate_sits_near_the_prior() {
        // 3 of 5 won at a 25% stage, prior weight 20 deals: (3 + 20 x 0.25) / (5 + 20) = 8 / 25 = 0.32,
        // a fifth of the way from the prior (0.25) to the raw share (0.60)
        Estimate e = WinRateRules.estimate(new Tally(5, 3), 0.25, 20);
        assertThat(e.rate()).isCloseTo(0.32, within(1e-12));
        assertThat(Math.abs(e.rate() - 0.25)).isLessThan(Math.abs(e.rate() - 0.60) / 3);
        assertThat(e.low()).isLessThan(0.25);
        assertThat(e.high()).isGreaterThan(0.32);
    }

    @Test
    void the_interval_is_the_exact_beta_quantile_even_at_tiny_counts() {
        // no prior, 1 loss of 1 and no win: Beta(0 + ... ) is degenerate, so a prior of weight 2 at 50%:
        // Beta(1, 1 + 1) = Beta(1, 2), whose CDF is 1 - (1 - x)^2: q-quantile = 1 - sqrt(1 - q)
        Estimate e = WinRateRules.estimate(new Tally(1, 0), 0.5, 2);
        assertThat(e.rate()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(e.low()).isCloseTo(1 - Math.sqrt(0.95), within(1e-9));
        assertThat(e.high()).isCloseTo(1 - Math.sqrt(0.05), within(1e-9));
        // a normal approximation would give 1/3 -+ 1.645 x sqrt(1/3 x 2/3 / 4) = [-0.05, 0.72]: below zero
        assertThat(e.low()).isGreaterThan(0);
    }

    @Test
    void a_deal_that_moved_backwards_counts_once_per_stage_and_only_verdicts_up_to_the_moment_count() {
        LocalDateTime d = LocalDateTime.of(2025, 3, 1, 10, 0);
        DealHistory backAndForth = new DealHistory("ann", true, "WON", d.plusDays(9), List.of(new Entry("IDENTIFY", d),
                new Entry("VALIDATE", d.plusDays(1)), new Entry("IDENTIFY", d.plusDays(2)), new Entry("VALIDATE", d.plusDays(3)),
                new Entry("DEVELOP", d.plusDays(4))));
        DealHistory lostLater = new DealHistory("ann", true, "LOST", d.plusDays(30), List.of(new Entry("IDENTIFY", d)));
        DealHistory small = new DealHistory("ann", false, "WON", d.plusDays(2), List.of(new Entry("IDENTIFY", d)));
        DealHistory open = new DealHistory("ann", true, "OPEN", null, List.of(new Entry("IDENTIFY", d)));
        Map<String, Tally> ann = StageOutcomes.tally(List.of(backAndForth, lostLater, small, open), STAGES, d.plusDays(10)).get("ann");
        assertThat(ann).isEqualTo(Map.of("IDENTIFY", new Tally(1, 1), "VALIDATE", new Tally(1, 1), "DEVELOP", new Tally(1, 1)));
        // on the day of the win the verdict is known (closed on or before the moment); a second before it is not
        assertThat(StageOutcomes.tally(List.of(backAndForth), STAGES, d.plusDays(9))).containsKey("ann");
        assertThat(StageOutcomes.tally(List.of(backAndForth), STAGES, d.plusDays(9).minusSeconds(1))).isEqualTo(new HashMap<>());
        // a month on, the later loss counts at the first stage
        assertThat(StageOutcomes.tally(List.of(backAndForth, lostLater), STAGES, d.plusDays(30)).get("ann").get("IDENTIFY"))
                .isEqualTo(new Tally(2, 1));
    }

    @Test
    void without_verdicts_the_learned_rate_is_the_configured_one() {
        Estimate e = WinRateRules.estimate(Tally.NONE, 0.5, 20);
        assertThat(e.rate()).isEqualTo(0.5);
        assertThat(e.low()).isCloseTo(0.5 - 0.18, within(0.02));   // Beta(10, 10): about 0.32-0.68
    }
}
