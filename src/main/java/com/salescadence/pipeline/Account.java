package com.salescadence.pipeline;

/** A customer account; the tier decides how often its plan is reviewed (KEY quarterly, SECOND yearly). */
public record Account(long id, String name, AccountTier tier, String industry, String ownerId) {
}
