package com.salescadence.cadence;

import java.time.LocalDateTime;

/** Published (in the submission's transaction) after a rep's weekly commit is stored. */
public record WeeklyCommitSubmitted(long cycleId, String personId, long commitReportId, LocalDateTime submittedAt) {
}
