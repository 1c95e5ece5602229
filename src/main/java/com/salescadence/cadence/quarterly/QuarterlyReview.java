package com.salescadence.cadence.quarterly;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import com.salescadence.cadence.Quarters;

/** A rep's quarterly review as submitted, with the figures frozen at that moment. */
public record QuarterlyReview(long id, long submissionId, long cycleId, String personId, String quarterKey, BigDecimal booked,
                              BigDecimal quotaAmount, BigDecimal stretchAmount, BigDecimal previousBooked, String keyAccounts,
                              String nextQuarterPlan, BigDecimal proposedTarget, LocalDateTime submittedAt) {

    public QuarterResults results() {
        return new QuarterResults(quarterKey, booked, quotaAmount, stretchAmount, Quarters.previous(quarterKey), previousBooked);
    }
}
