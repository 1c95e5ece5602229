package com.salescadence.pipeline;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

public record Opportunity(long id, Long leadId, long accountId, String ownerId, String name, BigDecimal amount,
                          String currency, LocalDate expectedCloseDate, String stageModel, String stageCode,
                          int probability, OpportunityStatus status, boolean inFunnel, String goDecision,
                          String lossReason, LocalDateTime createdAt, LocalDateTime stageEnteredAt,
                          LocalDateTime closedAt) {

    /** Overdue on a day: still open after its expected close date (every real CRM has such deals; they stay pipeline). */
    public boolean overdueOn(LocalDate today) {
        return status == OpportunityStatus.OPEN && expectedCloseDate.isBefore(today);
    }
}
