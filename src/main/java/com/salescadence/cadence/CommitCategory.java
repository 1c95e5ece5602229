package com.salescadence.cadence;

/** Commit: will close this week. Upside: hoped for, never counted in the commit. */
public enum CommitCategory {
    COMMIT, UPSIDE
}
