package com.salescadence.meeting;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** What a meeting decided someone does by a date; OPEN until its owner completes the task, then DONE. */
public record ActionItem(long id, long meetingId, String seriesKey, int position, String what, String ownerId,
                         LocalDate dueDate, String status, String outcome, LocalDateTime doneAt, LocalDateTime remindedAt,
                         LocalDateTime escalatedAt, String processInstanceId) {

    public static final String OPEN = "OPEN";
    public static final String DONE = "DONE";

    public boolean open() {
        return OPEN.equals(status);
    }
}
