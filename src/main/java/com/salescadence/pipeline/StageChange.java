package com.salescadence.pipeline;

import java.time.LocalDateTime;

/** One line of a deal's stage history. */
public record StageChange(long id, long opportunityId, String fromStage, String toStage, int probability,
                          String changedBy, LocalDateTime changedAt, String note) {
}
