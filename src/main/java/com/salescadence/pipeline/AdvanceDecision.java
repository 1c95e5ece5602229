package com.salescadence.pipeline;

/** The manager's decision on an advance request, as the process needs it. */
public record AdvanceDecision(boolean approved, boolean won, String stageCode, int probability) {
}
