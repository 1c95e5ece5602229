package com.salescadence.cadence.accountplan;

import java.time.LocalDateTime;

import com.salescadence.pipeline.AccountTier;

/** A manager's yearly review of a second-tier account (accountId set) or of all other accounts together (accountId null). */
public record TierReview(long id, int reviewYear, String managerId, Long accountId, AccountTier tier, int accountCount, String notes,
                         LocalDateTime heldAt) {
}
