package com.salescadence.pipeline;

import java.time.LocalDateTime;

/** A rep's request to move a deal to the next stage and the manager's decision on it. */
public record AdvanceRequest(long id, long opportunityId, String fromStage, String toStage, int claimedProbability,
                             String requestedBy, LocalDateTime requestedAt, String approverId, String status,
                             LocalDateTime decidedAt, String decisionComment) {

    public static final String PENDING = "PENDING";
    public static final String APPROVED = "APPROVED";
    public static final String REJECTED = "REJECTED";
}
