package com.salescadence.notification.chat;

import java.nio.charset.StandardCharsets;

import com.salescadence.notification.OutboxMessage;

/**
 * What a chat robot posts for an outbox row: to whom (a group robot reaches the whole group, so the post names
 * its person), the subject, and the body as written in the recipient's language with its link to the task.
 */
record ChatText(String title, String text) {

    static ChatText of(OutboxMessage message, String recipientName) {
        return new ChatText(message.subject(), "@" + recipientName + " " + message.subject() + "\n\n" + message.body());
    }

    /** Markdown (WeCom, DingTalk): the subject bold, each line of the body its own paragraph. */
    String markdown() {
        StringBuilder md = new StringBuilder();
        String[] lines = text.split("\\R");
        md.append("**").append(lines[0]).append("**");
        for (int i = 1; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                md.append("\n\n").append(lines[i]);
            }
        }
        return md.toString();
    }

    /** Cut to at most {@code maxBytes} of UTF-8 (the robots' limits are in bytes), never inside a character. */
    static String bytes(String text, int maxBytes) {
        if (text.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
            return text;
        }
        int budget = maxBytes - 3; // the ellipsis
        StringBuilder cut = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (size > budget) {
                break;
            }
            budget -= size;
            cut.appendCodePoint(cp);
            i += Character.charCount(cp);
        }
        return cut.append('\u2026').toString();
    }
}
