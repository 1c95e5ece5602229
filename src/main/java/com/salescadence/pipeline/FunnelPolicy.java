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

    public boolean needsGoNoGo(BigDecimal amount) {
        return inFunnel(amount) && amount.compareTo(goNoGoFrom) >= 0;
    }
}
