package com.salescadence.common;

/** The answer of a check that found nothing wrong (a refusal answers 400 with an {@link ApiError}). */
public record Checked(boolean ok) {

    public static final Checked OK = new Checked(true);
}
