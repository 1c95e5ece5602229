package com.salescadence.cadence;

import java.time.LocalDateTime;

/** A missing report brought to a manager: level 1 the person's manager, 2 one level further up. */
public record Escalation(long id, long submissionId, String escalatedTo, int level, String reason,
                         LocalDateTime createdAt, LocalDateTime closedAt, String closeReason, String chaseNote) {
}
