package com.salescadence.meeting;

import java.time.LocalDate;

/** An action item as the meeting's owner enters it: what, who, by when. */
public record ActionInput(String what, String ownerId, LocalDate dueDate) {
}
