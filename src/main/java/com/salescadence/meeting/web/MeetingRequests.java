package com.salescadence.meeting.web;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/** Request bodies of the meeting API. */
final class MeetingRequests {

    private MeetingRequests() {
    }

    record MinutesRequest(@Size(max = 4000) String minutes, @Size(max = 4000) String decisions,
                          @Valid @Size(max = 50) List<ActionRow> actions) {
    }

    record ActionRow(@Schema(example = "Send the revised quote to Xinhua") String what,
                     @Schema(description = "the owner's login: the owner or an attendee of the meeting") String ownerId,
                     @Schema(example = "2026-12-11") String dueDate) {
    }

    record RescheduleRequest(@Schema(example = "2026-12-08T10:30") String startsAt) {
    }
}
