package com.salescadence.cadence.quarterly;

import java.math.BigDecimal;
import java.util.List;

/**
 * One rep's row in the manager's quarterly review grid, as the form reads it from the API: figures as numbers (the
 * form formats them in the reader's language), flags as codes (BELOW_QUOTA, GROWTH_BELOW_EXPECTED), the rep's
 * plan and proposal, and the target the grid starts from (the proposal, else the quota already set).
 */
public record TeamReviewRow(String personId, String name, String status, BigDecimal booked, BigDecimal quota,
                            BigDecimal stretch, BigDecimal attainmentPercent, BigDecimal previousBooked,
                            BigDecimal growthPercent, List<String> flags, String plan, BigDecimal proposedTarget,
                            BigDecimal prefilledTarget, String keyAccounts) {
}
