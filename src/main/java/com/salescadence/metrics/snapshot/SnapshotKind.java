package com.salescadence.metrics.snapshot;

/**
 * Why a snapshot was taken: the weekly timer, a weekly commit submission, a manager by hand, or (HISTORY) reconstructed
 * from imported stage history as the pipeline stood at the end of a past week.
 */
public enum SnapshotKind {
    WEEKLY, SUBMISSION, MANUAL, HISTORY
}
