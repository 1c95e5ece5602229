package com.salescadence.cadence;

/** DUE until the deadline; ON_TIME or MISSED at it; a MISSED report submitted later becomes LATE. */
public enum SubmissionStatus {
    DUE, ON_TIME, MISSED, LATE,
    /** Brought in with a team's history (issue 12): when it was submitted is not known; counted in no compliance figure. */
    IMPORTED;

    public boolean missedDeadline() {
        return this == MISSED || this == LATE;
    }
}
