package com.salescadence.imports;

import java.time.LocalDateTime;

/** One import as stored in import_job. */
public record ImportJob(long id, String kinds, boolean dryRun, ImportStatus status, String createdBy,
                        LocalDateTime createdAt, LocalDateTime heartbeatAt, LocalDateTime finishedAt, int rowsTotal,
                        int rowsValidated, int rowsImported, int badRows, int accountsCreated, int contactsCreated,
                        int opportunitiesCreated, String message, int peopleCreated, int quotasCreated) {

    /** Work done in percent: validation alone for a dry run, validation and storing for a real import. */
    public int percent() {
        if (status.finished() || rowsTotal == 0) {
            return 100;
        }
        long done = dryRun ? rowsValidated : (long) rowsValidated + rowsImported;
        long all = dryRun ? rowsTotal : 2L * rowsTotal;
        return (int) Math.min(99, done * 100 / all);
    }
}
