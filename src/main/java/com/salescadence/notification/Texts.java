package com.salescadence.notification;

/** Fitting text into the outbox's columns. */
final class Texts {

    private static final char ELLIPSIS = '\u2026';

    private Texts() {
    }

    /**
     * At most {@code max} characters (UTF-16 units, as varchar counts them for our texts); a cut text ends in
     * an ellipsis, and is never cut inside a surrogate pair.
     */
    static String truncate(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + ELLIPSIS;
    }

    /** A mail subject is one line. */
    static String oneLine(String text) {
        return text == null ? null : text.replaceAll("[\\r\\n\\t]+", " ").strip();
    }
}
