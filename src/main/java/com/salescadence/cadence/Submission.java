package com.salescadence.cadence;

import java.time.LocalDateTime;

/** A report a person owes in a cycle. */
public record Submission(long id, long cycleId, String personId, ReportType reportType, LocalDateTime dueAt,
                         SubmissionStatus status, LocalDateTime submittedAt, LocalDateTime remindedAt,
                         LocalDateTime missedAt, int version) {
}
