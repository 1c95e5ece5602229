package com.salescadence.pipeline.deal;

import java.time.LocalDateTime;

/** A comment on a deal, by its owner's manager (or the owner answering). */
public record DealComment(long id, long opportunityId, String authorId, String body, LocalDateTime createdAt) {
}
