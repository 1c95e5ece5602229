package com.salescadence.calendar;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * A meeting (a 1:1, a team meeting, the Monday commit call, ...) is set for a time. Published (Spring's
 * ApplicationEventPublisher) inside the transaction that sets the meeting, so that the invites the calendar module
 * writes for it land in the outbox with it or not at all.
 *
 * @param uid one occurrence's stable identity (e.g. {@code commit-call-2026-W49-mgr.north}); the same uid published
 *            again with a higher {@code sequence} moves the meeting, and calendars update it instead of adding one
 * @param sequence 0 when first set, one more for each change
 * @param organizerId the person (organization id) who holds the meeting
 * @param attendeeIds the people invited besides the organizer
 * @param start when it begins, in the product's time zone
 * @param length how long it lasts
 * @param titleZh the title in Chinese
 * @param titleEn the title in English
 * @param agendaZh the agenda in Chinese (may be empty)
 * @param agendaEn the agenda in English (may be empty)
 * @param link where in the product the meeting is held (the task's address), or null
 */
public record MeetingScheduled(String uid, int sequence, String organizerId, List<String> attendeeIds,
        ZonedDateTime start, Duration length, String titleZh, String titleEn, String agendaZh, String agendaEn,
        String link) {

    public MeetingScheduled {
        attendeeIds = List.copyOf(attendeeIds);
    }
}
