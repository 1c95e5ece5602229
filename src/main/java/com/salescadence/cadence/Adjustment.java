package com.salescadence.cadence;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** A manager's change to the figures of someone who reports to them; the original figures stay. */
public record Adjustment(long id, long cycleId, String personId, String adjustedBy, BigDecimal commitAmount,
                         BigDecimal upsideAmount, String reason, LocalDateTime createdAt) {
}
