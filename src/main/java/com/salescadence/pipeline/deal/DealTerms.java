package com.salescadence.pipeline.deal;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.salescadence.pipeline.OpportunityStatus;

/** The editable terms of a deal as they stand, and whether it is still open. */
public record DealTerms(BigDecimal amount, LocalDate closeDate, int probability, String nextStep, OpportunityStatus status) {
}
