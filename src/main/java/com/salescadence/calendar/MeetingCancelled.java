package com.salescadence.calendar;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * A meeting set earlier by {@link MeetingScheduled} is dropped: its attendees' calendars remove it (iCalendar
 * METHOD:CANCEL with the same uid and a higher sequence). Published inside the transaction that drops it.
 */
public record MeetingCancelled(String uid, int sequence, String organizerId, List<String> attendeeIds,
        ZonedDateTime start, Duration length, String titleZh, String titleEn) {

    public MeetingCancelled {
        attendeeIds = List.copyOf(attendeeIds);
    }
}
