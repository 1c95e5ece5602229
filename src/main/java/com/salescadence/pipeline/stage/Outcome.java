package com.salescadence.pipeline.stage;

/** A verifiable outcome of a stage: evidence a customer would confirm, not an activity of the rep. */
public record Outcome(String code, String label, boolean required, int weight) {
}
