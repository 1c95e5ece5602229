package com.salescadence.metrics.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

class WeekBaselineTest {

    @Test
    void a_snapshot_taken_by_hand_after_the_weekly_one_does_not_become_the_baseline() {
        var manual = row(3, "2026-11-11T10:00", SnapshotKind.MANUAL);
        var submission = row(2, "2026-11-08T20:00", SnapshotKind.SUBMISSION);
        var weekly = row(1, "2026-11-08T18:00", SnapshotKind.WEEKLY);
        assertThat(WeekBaseline.pick(List.of(manual, submission, weekly))).contains(weekly);
    }

    @Test
    void the_newest_weekly_or_history_snapshot_is_the_baseline() {
        var weekly = row(4, "2026-11-15T18:00", SnapshotKind.WEEKLY);
        var history = row(2, "2026-11-08T23:59", SnapshotKind.HISTORY);
        assertThat(WeekBaseline.pick(List.of(row(5, "2026-11-16T09:00", SnapshotKind.MANUAL), weekly, history))).contains(weekly);
        assertThat(WeekBaseline.pick(List.of(row(3, "2026-11-09T09:00", SnapshotKind.SUBMISSION), history))).contains(history);
    }

    @Test
    void without_a_weekly_snapshot_the_newest_of_any_kind_and_without_any_none() {
        var manual = row(7, "2026-11-11T10:00", SnapshotKind.MANUAL);
        assertThat(WeekBaseline.pick(List.of(manual, row(6, "2026-11-10T10:00", SnapshotKind.SUBMISSION)))).contains(manual);
        assertThat(WeekBaseline.pick(List.of())).isEmpty();
    }

    private static SnapshotService.SnapshotRow row(long id, String takenAt, SnapshotKind kind) {
        return new SnapshotService.SnapshotRow(id, LocalDateTime.parse(takenAt), kind, null, 1, BigDecimal.TEN,
                LocalDate.parse("2026-12-31"), 1, BigDecimal.TEN);
    }
}
