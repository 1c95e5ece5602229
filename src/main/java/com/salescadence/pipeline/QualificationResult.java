package com.salescadence.pipeline;

/** What the process needs to know after qualification: ids and decisions, nothing else. */
public record QualificationResult(boolean qualified, Long opportunityId, boolean inFunnel, boolean goNoGoRequired) {
}
