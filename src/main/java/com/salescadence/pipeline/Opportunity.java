package com.salescadence.pipeline;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

public record Opportunity(long id, Long leadId, long accountId, String ownerId, String name, BigDecimal amount,
                          String currency, LocalDate expectedCloseDate, String stageModel, String stageCode,
                          int probability, OpportunityStatus status, boolean inFunnel, String goDecision,
                          String lossReason, LocalDateTime createdAt, LocalDateTime stageEnteredAt,
                          LocalDateTime closedAt) {
}
