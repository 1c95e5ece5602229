package com.salescadence.pipeline.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.salescadence.common.ValidationException;

class ProbabilityRuleTest {

    private final StageModel ibm = StageGateTest.catalog("ibm").active();

    @Test
    void no_claim_means_the_stage_win_rate() {
        assertThat(ProbabilityRule.claimable(ibm.stage("VALIDATE"), null)).isEqualTo(25);
    }

    @Test
    void a_claim_up_to_the_cap_is_accepted() {
        assertThat(ProbabilityRule.claimable(ibm.stage("IDENTIFY"), 50)).isEqualTo(50);
    }

    @Test
    void in_identify_a_claim_above_fifty_percent_is_refused() {
        assertThatThrownBy(() -> ProbabilityRule.claimable(ibm.stage("IDENTIFY"), 51))
                .isInstanceOf(ValidationException.class)
                .hasMessage("处于“Identify opportunity”阶段的商机最多只能申报 50% 的赢率；您申报了 51%。 / A deal in Identify opportunity may claim at most 50% probability; you claimed 51%.");
    }

    @Test
    void a_negative_claim_is_refused() {
        assertThatThrownBy(() -> ProbabilityRule.claimable(ibm.stage("DEVELOP"), -1))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void the_cap_comes_from_configuration_not_code() {
        StageModel cisco = StageGateTest.catalog("cisco").active();
        assertThat(ProbabilityRule.claimable(cisco.stage("C80"), 90)).isEqualTo(90);
        assertThatThrownBy(() -> ProbabilityRule.claimable(cisco.stage("C80"), 91)).isInstanceOf(ValidationException.class);
    }
}
