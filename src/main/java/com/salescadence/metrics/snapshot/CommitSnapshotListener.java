package com.salescadence.metrics.snapshot;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.salescadence.cadence.WeeklyCommitSubmitted;

/** At every weekly commit submission, the rep's open pipeline as it stood, in the submission's transaction. */
@Component
class CommitSnapshotListener {

    private final SnapshotService snapshots;

    CommitSnapshotListener(SnapshotService snapshots) {
        this.snapshots = snapshots;
    }

    @EventListener
    void on(WeeklyCommitSubmitted event) {
        snapshots.take(SnapshotKind.SUBMISSION, event.cycleId(), event.personId(), event.personId(), event.submittedAt());
    }
}
