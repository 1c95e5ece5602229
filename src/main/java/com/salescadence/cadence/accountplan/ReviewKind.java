package com.salescadence.cadence.accountplan;

/** The monitoring reviews of an approved plan. */
public enum ReviewKind {
    QUARTERLY_REVIEW, PROGRESS_REPORT
}
