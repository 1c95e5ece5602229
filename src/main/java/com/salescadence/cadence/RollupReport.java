package com.salescadence.cadence;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** A manager's roll-up as submitted: never changed afterwards. */
public record RollupReport(long id, long submissionId, long cycleId, String managerId, int level, BigDecimal commitAmount,
                           BigDecimal upsideAmount, String notes, LocalDateTime submittedAt) {
}
