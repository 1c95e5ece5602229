package com.salescadence.cadence.quarterly;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** The outcome and next-quarter target a manager set for a rep; {@code previousQuota} is the quota it replaced. */
public record QuarterlyTarget(long id, long managerReviewId, long cycleId, String personId, String targetQuarter,
                              BigDecimal targetAmount, BigDecimal stretchAmount, BigDecimal previousQuota, String outcome,
                              String decidedBy, LocalDateTime decidedAt) {
}
