package com.salescadence.notification;

import java.util.Objects;

/**
 * A file a mail carries besides its text, e.g. the iCalendar invite of a meeting.
 *
 * @param name        the file name the mail shows (e.g. {@code invite.ics})
 * @param contentType its MIME type with parameters (e.g. {@code text/calendar; charset=UTF-8; method=REQUEST})
 * @param content     the text of the file
 */
public record Attachment(String name, String contentType, String content) {

    /** Longest content the outbox keeps (its column). */
    public static final int MAX_CONTENT = 60000;

    public Attachment {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(content, "content");
        if (content.length() > MAX_CONTENT) {
            throw new IllegalArgumentException("an attachment holds at most " + MAX_CONTENT + " characters, got " + content.length());
        }
    }
}
