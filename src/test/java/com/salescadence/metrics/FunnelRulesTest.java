package com.salescadence.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The funnel from counts, against values computed by hand. */
class FunnelRulesTest {

    private static final List<String> STAGES = List.of("IDENTIFY", "VALIDATE", "DEVELOP", "AGREEMENT");

    @Test
    void a_deal_that_moved_back_counts_once_per_stage_by_the_furthest_stage_it_reached() {
        // deal 1: IDENTIFY -> VALIDATE -> DEVELOP -> VALIDATE (back) -> DEVELOP: reached DEVELOP (2), once
        // deal 2: IDENTIFY -> WON path to the end: reached WON (4); deal 3: IDENTIFY, lost there: reached 0
        // deal 4: IDENTIFY -> VALIDATE yesterday: reached VALIDATE (1)
        Map<Integer, Long> reached = Map.of(2, 1L, 4, 1L, 0, 1L, 1, 1L);
        // open now: deal 1 in DEVELOP (stuck there), deal 4 in VALIDATE (in the stage, not stuck)
        List<FunnelRules.StageFigures> f = FunnelRules.stages(STAGES, reached, Map.of("IDENTIFY", 1L),
                Map.of("DEVELOP", 1L, "VALIDATE", 1L), Map.of("DEVELOP", 1L),
                Map.of("IDENTIFY", new BigDecimal("4.25"), "VALIDATE", new BigDecimal("3")));
        // IDENTIFY: 4 entered, 3 went on (75%), 1 lost (25%)
        assertThat(f.get(0)).isEqualTo(new FunnelRules.StageFigures(4, 3, new BigDecimal("0.7500"), 1, new BigDecimal("0.2500"), 0, 0,
                new BigDecimal("4.3")));
        // VALIDATE: deals 1, 2 and 4 entered (deal 1 twice in history, counted once); 1 and 2 went on
        assertThat(f.get(1).entered()).isEqualTo(3);
        assertThat(f.get(1).converted()).isEqualTo(2);
        assertThat(f.get(1).inStage()).isEqualTo(1);
        assertThat(f.get(1).stuck()).isZero();
        // DEVELOP: 2 entered, only deal 2 went beyond; deal 1 is stuck there
        assertThat(f.get(2)).isEqualTo(new FunnelRules.StageFigures(2, 1, new BigDecimal("0.5000"), 0, new BigDecimal("0.0000"), 1, 1, null));
        assertThat(f.get(3).entered()).isEqualTo(1);
        assertThat(f.get(3).convertedPct()).isEqualByComparingTo("1");
    }

    @Test
    void no_opportunities_give_zero_counts_and_no_ratios() {
        List<FunnelRules.StageFigures> f = FunnelRules.stages(STAGES, Map.of(), Map.of(), Map.of(), Map.of(), Map.of());
        assertThat(f).allSatisfy(s -> {
            assertThat(s.entered()).isZero();
            assertThat(s.convertedPct()).isNull();
            assertThat(s.lostPct()).isNull();
            assertThat(s.avgDays()).isNull();
        });
        FunnelRules.Overall overall = FunnelRules.overall(0, 0, BigDecimal.ZERO, BigDecimal.ZERO);
        assertThat(overall.winRate()).isNull();
        assertThat(overall.avgDealSize()).isNull();
        assertThat(overall.cycleDays()).isNull();
    }

    @Test
    void win_rate_deal_size_and_cycle() {
        // 2 won (100,000 and 181,288.50 in 10 and 25 days), 6 lost
        FunnelRules.Overall overall = FunnelRules.overall(2, 6, new BigDecimal("281288.50"), new BigDecimal("35"));
        assertThat(overall.winRate()).isEqualByComparingTo("0.25");
        assertThat(overall.avgDealSize()).isEqualByComparingTo("140644.25");
        assertThat(overall.cycleDays()).isEqualByComparingTo("17.5");
        assertThat(overall.closed()).isEqualTo(8);
    }
}
