package com.salescadence.meeting;

import java.time.LocalDateTime;

/** One occurrence of a meeting of the rhythm, as table {@code meeting} keeps it. */
public record Meeting(long id, MeetingKind kind, String seriesKey, String uid, String weekKey, String ownerId,
                      String subjectId, LocalDateTime startsAt, int lengthMinutes, LocalDateTime dueAt, int sequence,
                      MeetingStatus status, LocalDateTime heldAt, LocalDateTime notHeldAt, LocalDateTime remindedAt,
                      String minutes, String decisions, String processInstanceId, LocalDateTime createdAt) {
}
