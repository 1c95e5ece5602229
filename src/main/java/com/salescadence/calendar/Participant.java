package com.salescadence.calendar;

/** Someone on an invite: their name (the calendar's CN) and address (mailto:). */
record Participant(String id, String name, String email) {
}
