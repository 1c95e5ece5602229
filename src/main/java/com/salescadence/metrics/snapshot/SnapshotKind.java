package com.salescadence.metrics.snapshot;

/** Why a snapshot was taken: the weekly timer, a weekly commit submission, or a manager by hand. */
public enum SnapshotKind {
    WEEKLY, SUBMISSION, MANUAL
}
