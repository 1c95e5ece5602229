package com.salescadence.cadence;

/** DUE until the deadline; ON_TIME or MISSED at it; a MISSED report submitted later becomes LATE. */
public enum SubmissionStatus {
    DUE, ON_TIME, MISSED, LATE;

    public boolean missedDeadline() {
        return this == MISSED || this == LATE;
    }
}
