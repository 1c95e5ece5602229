package com.salescadence.cadence;

import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.Schema;

/** Start a cadence's cycle now; optionally at a given cycle start, an ISO local date-time in the configured time zone. */
public record CycleStartRequest(@Schema(example = "2026-11-29T08:00") @Size(max = 40,
        message = "“cycleStart”太长。 / cycleStart is too long.") String cycleStart) {
}
