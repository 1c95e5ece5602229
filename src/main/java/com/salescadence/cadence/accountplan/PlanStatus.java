package com.salescadence.cadence.accountplan;

/** Where a plan year is in its revision: phase 1 PREPARING, 2 DEVELOPING, 3 IN_REVIEW, 4 APPROVED (monitored), then CLOSED. */
public enum PlanStatus {
    PREPARING, DEVELOPING, IN_REVIEW, APPROVED, CLOSED
}
