package com.salescadence.pipeline;

import java.math.BigDecimal;
import java.time.LocalDateTime;

public record Lead(long id, long accountId, String ownerId, String title, String source, BigDecimal estimatedAmount,
                   String currency, LeadStatus status, String budget, String authority, String need, String timeline,
                   String disqualifyReason, LocalDateTime createdAt) {
}
