package com.salescadence.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a test SMTP server received, told apart by the outbox message each mail carries in its
 * X-Cadence-Outbox-Id header: how many mails per recipient and kind, and which outbox messages arrived
 * more than once.
 *
 * @param received   mails received
 * @param perRecipientAndKind "recipient KIND" to the number of mails received
 * @param duplicates outbox ids received more than once
 */
public record DeliveredMail(int received, Map<String, Integer> perRecipientAndKind, List<Long> duplicates) {

    public static DeliveredMail of(MimeMessage[] messages, JdbcClient jdbc) {
        Map<Long, Integer> perOutboxId = new TreeMap<>();
        for (MimeMessage message : messages) {
            perOutboxId.merge(outboxId(message), 1, Integer::sum);
        }
        Map<Long, String> rows = new TreeMap<>();
        jdbc.sql("select id, recipient_id, kind from outbox_message")
                .query((rs, n) -> rows.put(rs.getLong("id"), rs.getString("recipient_id") + " " + rs.getString("kind"))).list();
        Map<String, Integer> perRecipientAndKind = new TreeMap<>();
        List<Long> duplicates = new ArrayList<>();
        perOutboxId.forEach((id, count) -> {
            String key = rows.get(id);
            if (key == null) {
                throw new AssertionError("a mail of outbox message " + id + ", which is not in the outbox");
            }
            perRecipientAndKind.merge(key, count, Integer::sum);
            if (count > 1) {
                duplicates.add(id);
            }
        });
        return new DeliveredMail(messages.length, perRecipientAndKind, duplicates);
    }

    private static long outboxId(MimeMessage message) {
        try {
            String[] header = message.getHeader("X-Cadence-Outbox-Id");
            if (header == null || header.length != 1) {
                throw new AssertionError("a mail without its outbox id: " + message.getSubject());
            }
            return Long.parseLong(header[0]);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
