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

    @Test
    void an_open_small_deal_is_no_pipeline_but_a_small_deal_in_progress_and_counts_as_sales_once_won() {
        boolean small = policy.inFunnel(new BigDecimal("30000"));
        assertThat(FunnelPolicy.isPipeline(OpportunityStatus.OPEN, small)).isFalse();
        assertThat(FunnelPolicy.isSmallDealInProgress(OpportunityStatus.OPEN, small)).isTrue();
        assertThat(FunnelPolicy.isSales(OpportunityStatus.OPEN)).isFalse();
        assertThat(FunnelPolicy.isSmallDealInProgress(OpportunityStatus.WON, small)).isFalse();
        assertThat(FunnelPolicy.isSales(OpportunityStatus.WON)).isTrue();
        assertThat(FunnelPolicy.isSmallDealInProgress(OpportunityStatus.LOST, small)).isFalse();
    }

    @Test
    void an_open_deal_of_the_funnel_is_pipeline_until_it_closes() {
        boolean large = policy.inFunnel(new BigDecimal("50000"));
        assertThat(FunnelPolicy.isPipeline(OpportunityStatus.OPEN, large)).isTrue();
        assertThat(FunnelPolicy.isSmallDealInProgress(OpportunityStatus.OPEN, large)).isFalse();
        assertThat(FunnelPolicy.isPipeline(OpportunityStatus.WON, large)).isFalse();
        assertThat(FunnelPolicy.isPipeline(OpportunityStatus.LOST, large)).isFalse();
    }
}
