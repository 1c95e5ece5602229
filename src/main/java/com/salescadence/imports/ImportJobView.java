package com.salescadence.imports;

import java.time.LocalDateTime;
import java.util.List;

/** An import job as GET /api/imports/{id} shows it: status, progress, what was created, and every bad value. */
public record ImportJobView(long id, List<String> types, boolean dryRun, ImportStatus status, boolean finished,
                            String createdBy, LocalDateTime createdAt, LocalDateTime finishedAt, int rowsTotal,
                            int rowsValidated, int rowsImported, int percent, int badRows, Created created,
                            String message, String messageZh, List<Problem> problems) {

    /** What an import stored; people and quotas only when it stored some (left out of the JSON otherwise). */
    public record Created(int accounts, int contacts, int opportunities, Integer people, Integer quotas) {
    }

    /** One bad value: file type, CSV line (the header is line 1), column, reason (and in Chinese, for the import page). */
    public record Problem(String type, int line, String column, String reason, String reasonZh) {
    }

    static ImportJobView of(ImportJob job, List<RowProblem> problems) {
        return new ImportJobView(job.id(), List.of(job.kinds().split(",")), job.dryRun(), job.status(),
                job.status().finished(), job.createdBy(), job.createdAt(), job.finishedAt(), job.rowsTotal(),
                job.rowsValidated(), job.rowsImported(), job.percent(), job.badRows(),
                new Created(job.accountsCreated(), job.contactsCreated(), job.opportunitiesCreated(),
                        job.peopleCreated() == 0 ? null : job.peopleCreated(), job.quotasCreated() == 0 ? null : job.quotasCreated()), job.message(),
                ImportTexts.chinese(job.message()),
                problems.stream().map(p -> new Problem(p.kind().key(), p.line(), p.column(), p.reason(), ImportTexts.chinese(p.reason()))).toList());
    }
}
