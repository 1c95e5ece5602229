package com.salescadence.cadence.accountplan;

/** A plan version: DRAFT saved by the owner, SUBMITTED for review, then APPROVED or RETURNED with a comment. */
public enum PlanVersionStatus {
    DRAFT, SUBMITTED, APPROVED, RETURNED
}
