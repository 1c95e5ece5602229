package com.salescadence.meeting;

import java.util.stream.Collectors;

/** The agenda's headings as one text per language, for the calendar invite. */
final class AgendaText {

    private AgendaText() {
    }

    static String en(MeetingKind kind, int openActions) {
        return kind.agenda().stream().map(s -> "- " + s.en()
                        + (s == MeetingKind.AgendaSection.OPEN_ACTIONS ? " (" + openActions + ")" : ""))
                .collect(Collectors.joining("\n"));
    }

    static String zh(MeetingKind kind, int openActions) {
        return kind.agenda().stream().map(s -> "- " + s.zh()
                        + (s == MeetingKind.AgendaSection.OPEN_ACTIONS ? "（" + openActions + "）" : ""))
                .collect(Collectors.joining("\n"));
    }
}
