package com.salescadence.cadence;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** A rep's weekly commit as submitted: never changed afterwards. */
public record CommitReport(long id, long submissionId, long cycleId, String personId, BigDecimal commitAmount,
                           BigDecimal upsideAmount, BigDecimal lastWeekActual, String projectTracking,
                           LocalDateTime submittedAt) {
}
