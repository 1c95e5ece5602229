package com.salescadence.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class FunnelPolicyTest {

    private final FunnelPolicy policy = new FunnelPolicy(new BigDecimal("50000"), new BigDecimal("1000000"));

    @Test
    void small_deals_stay_out_of_the_funnel() {
        assertThat(policy.inFunnel(new BigDecimal("49999.99"))).isFalse();
        assertThat(policy.inFunnel(new BigDecimal("50000"))).isTrue();
    }

    @Test
    void large_deals_need_a_go_no_go_assessment() {
        assertThat(policy.needsGoNoGo(new BigDecimal("999999.99"))).isFalse();
        assertThat(policy.needsGoNoGo(new BigDecimal("1000000.00"))).isTrue();
    }
}
