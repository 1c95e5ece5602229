package com.salescadence.cadence.quarterly;

import java.math.BigDecimal;
import java.util.List;

import com.salescadence.cadence.SubmissionStatus;

/**
 * One rep as the manager sees them in the quarterly review: the quarter's figures (from the rep's
 * submitted review, or computed now when there is none), the review's status, plan and proposed target.
 */
public record TeamMemberReview(String personId, String name, QuarterResults results, SubmissionStatus status,
                               String plan, BigDecimal proposedTarget, String keyAccounts, List<String> flags) {
}
