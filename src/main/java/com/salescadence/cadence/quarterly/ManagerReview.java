package com.salescadence.cadence.quarterly;

import java.time.LocalDateTime;

/** A first-line manager's quarterly review of the team, as submitted. */
public record ManagerReview(long id, long submissionId, long cycleId, String managerId, String notes, LocalDateTime submittedAt) {
}
