package com.salescadence.cadence.accountplan;

import java.time.LocalDateTime;

/** A monitoring review of an approved plan: the n-th quarterly review or progress report of the plan year. */
public record PlanReview(long id, long planId, ReviewKind kind, int sequenceNo, String reviewerId, boolean onTrack, String notes,
                         LocalDateTime heldAt) {
}
