package com.salescadence.pipeline.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.api.Test;

import com.salescadence.common.ValidationException;

class StageGateTest {

    private final StageModel ibm = catalog("ibm").active();

    @Test
    void advance_with_all_required_outcomes_passes_to_the_next_stage() {
        GateResult result = StageGate.check(ibm, "IDENTIFY", null, Set.of("NEED_UNDERSTOOD", "MARKET_INFO_CONFIRMED"));

        assertThat(result.passed()).isTrue();
        assertThat(result.to().code()).isEqualTo("VALIDATE");
    }

    @Test
    void missing_required_outcome_is_refused_and_named() {
        GateResult result = StageGate.check(ibm, "IDENTIFY", null, Set.of("NEED_UNDERSTOOD", "SPONSOR_NAMED"));

        assertThat(result.passed()).isFalse();
        assertThat(result.missing()).extracting(Outcome::code).containsExactly("MARKET_INFO_CONFIRMED");
        assertThat(result.explanation()).contains("Market information confirmed with the customer");
    }

    @Test
    void optional_outcomes_are_not_needed() {
        GateResult result = StageGate.check(ibm, "VALIDATE", null, Set.of("BUDGET_TIMELINE_KNOWN", "SOLUTION_DISCUSSED"));

        assertThat(result.passed()).isTrue();
    }

    @Test
    void entering_won_also_needs_the_won_stage_outcomes() {
        GateResult withoutContract = StageGate.check(ibm, "AGREEMENT", null, Set.of("VERBAL_COMMITMENT", "MAIN_TERMS_AGREED"));
        GateResult withContract = StageGate.check(ibm, "AGREEMENT", "WON",
                Set.of("VERBAL_COMMITMENT", "MAIN_TERMS_AGREED", "CONTRACT_SIGNED"));

        assertThat(withoutContract.passed()).isFalse();
        assertThat(withoutContract.missing()).extracting(Outcome::code).containsExactly("CONTRACT_SIGNED");
        assertThat(withContract.passed()).isTrue();
        assertThat(withContract.to().kind()).isEqualTo(StageKind.WON);
    }

    @Test
    void a_skipped_stage_is_refused() {
        assertThatThrownBy(() -> StageGate.check(ibm, "IDENTIFY", "DEVELOP", Set.of("NEED_UNDERSTOOD", "MARKET_INFO_CONFIRMED")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("cannot be skipped");
    }

    @Test
    void moving_backwards_is_refused() {
        assertThatThrownBy(() -> StageGate.check(ibm, "DEVELOP", "IDENTIFY", Set.of()))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("can only advance to Reach agreement");
    }

    @Test
    void an_unknown_stage_is_refused_with_the_known_ones() {
        assertThatThrownBy(() -> StageGate.check(ibm, "IDENTIFY", "NEGOTIATE", Set.of()))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("Unknown stage 'NEGOTIATE'")
                .hasMessageContaining("IDENTIFY, VALIDATE, DEVELOP, AGREEMENT, WON, LOST");
    }

    @Test
    void a_closed_deal_cannot_advance() {
        assertThatThrownBy(() -> StageGate.check(ibm, "LOST", null, Set.of()))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("already Lost");
    }

    @Test
    void outcomes_of_another_stage_are_reported_as_unknown() {
        assertThat(StageGate.unknownOutcomes(ibm, "IDENTIFY", Set.of("NEED_UNDERSTOOD", "CONTRACT_SIGNED")))
                .containsExactly("CONTRACT_SIGNED");
        assertThat(StageGate.unknownOutcomes(ibm, "AGREEMENT", Set.of("CONTRACT_SIGNED"))).isEmpty();
    }

    @Test
    void every_shipped_model_has_a_funnel_ending_in_won() {
        for (String id : new String[] {"ibm", "cisco", "crm-vendor"}) {
            StageModel model = catalog(id).active();
            assertThat(model.funnel().get(model.funnel().size() - 1).kind()).as(id).isEqualTo(StageKind.WON);
            assertThat(model.lost().winRate()).as(id).isZero();
            assertThat(model.won().winRate()).as(id).isEqualTo(100);
        }
        assertThat(catalog("cisco").active().funnel()).extracting(Stage::winRate)
                .containsExactly(0, 25, 50, 60, 70, 80, 90, 100);
        assertThat(catalog("crm-vendor").active().funnel()).extracting(Stage::winRate)
                .containsExactly(10, 30, 50, 70, 80, 100);
    }

    @Test
    void a_model_with_a_cap_below_its_win_rate_is_rejected() {
        assertThatThrownBy(() -> new StageModel("bad", "Bad", java.util.List.of(
                new Stage("A", "A", 50, 40, StageKind.OPEN, null),
                new Stage("W", "Won", 100, 100, StageKind.WON, null),
                new Stage("L", "Lost", 0, 0, StageKind.LOST, null))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("probability cap");
    }

    static StageModelCatalog catalog(String id) {
        try {
            return new StageModelCatalog(id);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
