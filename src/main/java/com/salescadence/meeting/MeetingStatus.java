package com.salescadence.meeting;

/** SCHEDULED until held; HELD by its due time, LATE after it, NOT_HELD at the due time without it; CANCELLED when dropped. */
public enum MeetingStatus {
    SCHEDULED, HELD, LATE, NOT_HELD, CANCELLED
}
