package com.salescadence.metrics.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.salescadence.metrics.snapshot.WaterfallRules.Category;
import com.salescadence.metrics.snapshot.WaterfallRules.Deal;

/** The waterfall of a hand-made case: its steps add up from the start to the end. */
class WaterfallRulesTest {

    private static final LocalDate UNTIL = LocalDate.of(2026, 12, 31);

    private static Deal deal(long id, String amount, String stage, String close) {
        return new Deal(id, "Deal " + id, "rep", new BigDecimal(amount), stage, LocalDate.parse(close));
    }

    @Test
    void every_change_lands_in_one_step_and_the_steps_add_up() {
        Map<Long, Deal> from = new HashMap<>();
        Map<Long, Deal> to = new HashMap<>();
        from.put(1L, deal(1, "100000.00", "IDENTIFY", "2026-11-01"));   // amount up to 130,000: +30,000
        to.put(1L, deal(1, "130000.00", "IDENTIFY", "2026-11-01"));
        from.put(2L, deal(2, "80000.00", "VALIDATE", "2026-12-01"));    // amount down to 50,000 and moved on: -30,000
        to.put(2L, deal(2, "50000.00", "DEVELOP", "2026-12-01"));
        from.put(3L, deal(3, "60000.00", "DEVELOP", "2026-12-15"));     // pushed into next year: -60,000
        to.put(3L, deal(3, "60000.00", "DEVELOP", "2027-02-01"));
        from.put(4L, deal(4, "40000.00", "AGREEMENT", "2026-10-01"));   // won: -40,000
        from.put(5L, deal(5, "25000.00", "IDENTIFY", "2026-10-20"));    // lost: -25,000
        from.put(6L, deal(6, "70000.00", "IDENTIFY", "2027-03-01"));    // pulled into the year: +70,000
        to.put(6L, deal(6, "70000.00", "IDENTIFY", "2026-12-20"));
        to.put(7L, deal(7, "15000.00", "IDENTIFY", "2026-11-11"));      // new: +15,000
        from.put(8L, deal(8, "10000.00", "IDENTIFY", "2026-11-30"));    // pulled in within the year: no effect
        to.put(8L, deal(8, "10000.00", "IDENTIFY", "2026-11-15"));
        to.put(9L, deal(9, "99000.00", "IDENTIFY", "2027-05-01"));      // new but beyond the scope: not counted
        Map<Long, String[]> closed = Map.of(4L, new String[] {"WON", "WON"}, 5L, new String[] {"LOST", "LOST"});

        WaterfallRules.Result r = WaterfallRules.compare(from, to, closed, UNTIL, 100);

        // start: 100,000 + 80,000 + 60,000 + 40,000 + 25,000 + 10,000 = 315,000
        // end: 130,000 + 50,000 + 70,000 + 15,000 + 10,000 = 275,000
        assertThat(r.startAmount()).isEqualByComparingTo("315000");
        assertThat(r.endAmount()).isEqualByComparingTo("275000");
        Map<Category, String> steps = new HashMap<>();
        r.waterfall().forEach(s -> steps.put(s.category(), s.amount().stripTrailingZeros().toPlainString() + " x" + s.count()));
        assertThat(steps).containsExactlyInAnyOrderEntriesOf(Map.of(Category.NEW, "15000 x1", Category.PULLED_IN, "70000 x1",
                Category.AMOUNT_UP, "30000 x1", Category.AMOUNT_DOWN, "-30000 x1", Category.PUSHED_OUT, "-60000 x1",
                Category.WON, "-40000 x1", Category.LOST, "-25000 x1"));
        BigDecimal sum = r.waterfall().stream().map(WaterfallRules.Step::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(r.startAmount().add(sum)).isEqualByComparingTo(r.endAmount());
        assertThat(r.stageMoved()).isEqualTo(1);
        assertThat(r.changes()).extracting(WaterfallRules.Change::opportunityId).containsExactly(6L, 3L, 4L, 1L, 2L, 5L, 7L, 8L);
        assertThat(r.changes().get(4).categories()).containsExactly(Category.AMOUNT_DOWN, Category.STAGE_MOVED);
        assertThat(r.changes().get(7).categories()).containsExactly(Category.PULLED_IN);
    }

    @Test
    void a_deal_that_left_the_scope_otherwise_is_shown_as_other_and_nothing_changed_means_no_steps() {
        Map<Long, Deal> from = Map.of(1L, deal(1, "500.00", "IDENTIFY", "2026-05-01"));
        WaterfallRules.Result r = WaterfallRules.compare(from, Map.of(), Map.of(), UNTIL, 10);
        assertThat(r.waterfall()).anySatisfy(s -> {
            assertThat(s.category()).isEqualTo(Category.OTHER);
            assertThat(s.amount()).isEqualByComparingTo("-500");
        });
        WaterfallRules.Result same = WaterfallRules.compare(from, from, Map.of(), UNTIL, 10);
        assertThat(same.changes()).isEmpty();
        assertThat(same.startAmount()).isEqualByComparingTo(same.endAmount());
        assertThat(same.waterfall()).allSatisfy(s -> assertThat(s.amount()).isEqualByComparingTo("0"));
    }
}
