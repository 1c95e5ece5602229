package com.salescadence.metrics.snapshot;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which snapshot "what changed this week" compares the live pipeline with, when nobody picked one: the newest snapshot
 * of the week's rhythm (the weekly timer's, or one rebuilt from imported history for a past week's end). A snapshot a
 * manager takes by hand, or the one each commit submission takes, is a point to compare from on request, never the
 * week's baseline: taking one must not empty the week's view. Without any weekly snapshot, the newest of any kind.
 */
public final class WeekBaseline {

    private static final Set<SnapshotKind> OF_THE_WEEK = Set.of(SnapshotKind.WEEKLY, SnapshotKind.HISTORY);

    private WeekBaseline() {
    }

    /** @param newestFirst the snapshots holding the person's branch, newest first (as {@link SnapshotService#list} answers) */
    public static Optional<SnapshotService.SnapshotRow> pick(List<SnapshotService.SnapshotRow> newestFirst) {
        return newestFirst.stream().filter(s -> OF_THE_WEEK.contains(s.kind())).findFirst()
                .or(() -> newestFirst.stream().findFirst());
    }
}
