package com.salescadence.pipeline;

import java.math.BigDecimal;

/**
 * Which deals are worth the funnel's ceremony: small orders stay out (no stage tasks, they still count
 * as sales), large ones get a go / no-go assessment first. Thresholds come from settings.
 */
public record FunnelPolicy(BigDecimal outOfFunnelBelow, BigDecimal goNoGoFrom) {

    public static FunnelPolicy from(PipelineProperties properties) {
        return new FunnelPolicy(properties.outOfFunnelBelow(), properties.goNoGoFrom());
    }

    public boolean inFunnel(BigDecimal amount) {
        return amount.compareTo(outOfFunnelBelow) >= 0;
    }

    /**
     * Whether a deal is pipeline (counted in forecasts, the open pipeline and coverage): open and in the funnel.
     * An open out-of-funnel deal is a "small deal in progress", shown beside the pipeline, never in it.
     */
    public static boolean isPipeline(OpportunityStatus status, boolean inFunnel) {
        return status == OpportunityStatus.OPEN && inFunnel;
    }

    /** Whether a deal is a small deal in progress: open and out of the funnel. */
    public static boolean isSmallDealInProgress(OpportunityStatus status, boolean inFunnel) {
        return status == OpportunityStatus.OPEN && !inFunnel;
    }

    /** Whether a deal counts as sales: won, in the funnel or not. */
    public static boolean isSales(OpportunityStatus status) {
        return status == OpportunityStatus.WON;
    }

    public boolean needsGoNoGo(BigDecimal amount) {
        return inFunnel(amount) && amount.compareTo(goNoGoFrom) >= 0;
    }
}
