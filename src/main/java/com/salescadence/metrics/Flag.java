package com.salescadence.metrics;

/** How a figure stands against its threshold; NONE when it cannot be computed. */
public enum Flag {
    OK, LOW, HIGH, GOOD, NONE
}
