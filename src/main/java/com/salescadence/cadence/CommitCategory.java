package com.salescadence.cadence;

/**
 * The rep's forecast category of a deal in the weekly commit. Commit: will close this week. Upside: hoped for, never
 * counted in the commit. Pipeline: open, not this week. Omit: left out of this week's forecast. Only commit and upside
 * count in the report's figures; the other two are kept as the rep's decision.
 */
public enum CommitCategory {
    COMMIT, UPSIDE, PIPELINE, OMIT
}
