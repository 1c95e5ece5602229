package com.salescadence.cadence.accountplan;

/** An account in the manager's yearly tier review, as the form reads it from the API (its owner by name). */
public record TierReviewRow(long accountId, String name, String industry, String ownerId, String ownerName) {
}
