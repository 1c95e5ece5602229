package com.salescadence.cadence;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** One run of a cadence: this week's commit, this month's forecast. */
public record Cycle(long id, Cadence cadence, String cycleKey, LocalDateTime startsAt, LocalDate periodStart,
                    LocalDate periodEnd, String processInstanceId) {
}
