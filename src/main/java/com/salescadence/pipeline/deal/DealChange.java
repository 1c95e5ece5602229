package com.salescadence.pipeline.deal;

import java.time.LocalDateTime;

/** One kept change of a deal: who changed which field when, from what to what (values as text, dates ISO, amounts plain). */
public record DealChange(long id, long opportunityId, DealField field, String oldValue, String newValue, String changedBy,
                         LocalDateTime changedAt) {
}
