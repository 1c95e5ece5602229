package com.salescadence.imports;

/** Where an import job stands. Only DONE stored anything. */
public enum ImportStatus {
    /** accepted, waiting for a thread */
    QUEUED,
    /** checking the rows */
    VALIDATING,
    /** storing the rows, in one transaction */
    IMPORTING,
    /** dry run: every row is valid; nothing was stored */
    VALIDATED,
    /** bad rows were found (see the report); nothing was stored */
    REJECTED,
    /** every row was stored */
    DONE,
    /** an unexpected error; the transaction was rolled back, nothing was stored */
    FAILED,
    /** the node running it stopped (no progress for cadence.import.stale-after); its transaction died with it */
    ABANDONED;

    public boolean finished() {
        return this != QUEUED && this != VALIDATING && this != IMPORTING;
    }
}
