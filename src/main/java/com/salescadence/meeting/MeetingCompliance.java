package com.salescadence.meeting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Meeting compliance of a branch in a period, per kind and in total: held on time, late, not held, still open. */
public record MeetingCompliance(String personId, LocalDate from, LocalDate to, Map<MeetingKind, Counts> byKind, Counts total) {

    public record Counts(long held, long late, long notHeld, long open, BigDecimal ratePercent) {
    }

    static MeetingCompliance of(String personId, LocalDate from, LocalDate to, List<MeetingRepository.StatusCount> rows) {
        Map<MeetingKind, long[]> counts = new EnumMap<>(MeetingKind.class);
        long[] total = new long[4];
        for (MeetingRepository.StatusCount row : rows) {
            int slot = switch (row.status()) {
                case HELD -> 0;
                case LATE -> 1;
                case NOT_HELD -> 2;
                case SCHEDULED -> 3;
                case CANCELLED -> -1;
            };
            if (slot >= 0) {
                counts.computeIfAbsent(row.kind(), k -> new long[4])[slot] += row.meetings();
                total[slot] += row.meetings();
            }
        }
        Map<MeetingKind, Counts> byKind = new EnumMap<>(MeetingKind.class);
        counts.forEach((kind, c) -> byKind.put(kind, counts(c)));
        return new MeetingCompliance(personId, from, to, byKind, counts(total));
    }

    private static Counts counts(long[] c) {
        return new Counts(c[0], c[1], c[2], c[3], MeetingRules.compliance(c[0], c[1], c[2]));
    }
}
