package com.salescadence.cadence.quarterly;

import java.math.BigDecimal;

/** One row of the manager's review: whose target, the target, the outcome of the review (read by {@link TeamReviewChecks}). */
public record TargetInput(String personId, BigDecimal target, String outcome) {
}
