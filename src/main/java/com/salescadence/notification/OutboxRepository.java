package com.salescadence.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code outbox_message} table. Every state change of delivery is one conditional UPDATE, so it is
 * atomic on its own (also with plain auto-commit) and safe when several nodes run the delivery job: a
 * message is sent only by the node whose claim changed the row. Portable SQL for H2 2.x and PostgreSQL;
 * times are computed in Java and passed as parameters.
 *
 * <p>Methods join the caller's transaction ({@code REQUIRED}): {@link #insert} is meant to run inside the
 * transaction of the event that causes the message; the delivery job calls the others outside any
 * transaction, so each is a short transaction of its own.
 */
@Repository
@Transactional
class OutboxRepository {

    static final int SUBJECT_MAX = 300;
    static final int BODY_MAX = 4000;
    static final int ERROR_MAX = 1000;
    static final int EMAIL_MAX = 200;

    /**
     * A row's columns with its attachment: its own (rows written one by one, and every row written before V87) or the
     * shared one it points at ({@code outbox_attachment}, one meeting's calendar in one language for all its readers).
     */
    private static final String COLUMNS = "id, recipient_id, recipient_email, kind, subject, body, status, attempts, "
            + "last_error, created_at, next_attempt_at, sent_at, channel, chat_team, "
            + "coalesce(attachment_name, a.file_name) as attachment_name, coalesce(attachment_type, a.content_type) as attachment_type, "
            + "coalesce(attachment, a.content) as attachment";
    /** The outbox with its shared attachments (the attachment table's columns are all named apart from the outbox's). */
    private static final String FROM = " from outbox_message left join outbox_attachment a on a.attachment_id = outbox_message.attachment_id";
    private static final String NEWEST_FIRST = " order by created_at desc, id desc";
    /** Due for an attempt: PENDING and its time has come, or SENDING by a claim that went stale. */
    private static final String DUE = "((status = 'PENDING' and next_attempt_at <= :now)"
            + " or (status = 'SENDING' and next_attempt_at <= :staleBefore))";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    /** @param dataSource the one {@code jdbc} runs on, for the batches JdbcClient has no call for (same connection in a transaction) */
    OutboxRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.batch = new JdbcTemplate(dataSource);
    }

    /** Writes a mail without attachment, due at once; returns its id. Texts longer than their columns are cut. */
    public long insert(String recipientId, String recipientEmail, NotificationKind kind, String subject, String body,
            OutboxStatus status, String lastError, Instant now) {
        return insert(recipientId, recipientEmail, kind, subject, body, status, lastError, now, Channel.MAIL, null, null);
    }

    /**
     * Writes a delivery on {@code channel} (for a chat channel, to the robot of {@code chatTeam}), with the mail's
     * {@code attachment} or null, due at once; returns its id. Texts longer than their columns are cut.
     */
    public long insert(String recipientId, String recipientEmail, NotificationKind kind, String subject, String body,
            OutboxStatus status, String lastError, Instant now, Channel channel, String chatTeam, Attachment attachment) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into outbox_message (recipient_id, recipient_email, kind, subject, body, status, attempts, "
                        + "last_error, created_at, next_attempt_at, channel, chat_team, attachment_name, attachment_type, attachment) "
                        + "values (:recipientId, :email, :kind, :subject, :body, :status, 0, :error, :now, :now, "
                        + ":channel, :chatTeam, :attachmentName, :attachmentType, :attachment)")
                .param("channel", channel.name())
                .param("chatTeam", chatTeam)
                .param("attachmentName", attachment == null ? null : attachment.name())
                .param("attachmentType", attachment == null ? null : attachment.contentType())
                .param("attachment", attachment == null ? null : attachment.content())
                .param("recipientId", recipientId)
                .param("email", Texts.truncate(recipientEmail, EMAIL_MAX))
                .param("kind", kind.name())
                .param("subject", Texts.truncate(subject, SUBJECT_MAX))
                .param("body", Texts.truncate(body, BODY_MAX))
                .param("status", status.name())
                .param("error", Texts.truncate(lastError, ERROR_MAX))
                .param("now", Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Stores an attachment that several rows carry ({@link #insertMails}); returns its id. */
    public long insertSharedAttachment(Attachment attachment) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into outbox_attachment (file_name, content_type, content) values (:name, :type, :content)")
                .param("name", attachment.name())
                .param("type", attachment.contentType())
                .param("content", attachment.content())
                .update(keys, "attachment_id");
        return keys.getKey().longValue();
    }

    /**
     * One mail to write with {@link #insertMails}: as {@link #insert}'s parameters on {@link Channel#MAIL}, its
     * attachment stored before by {@link #insertSharedAttachment} ({@code attachmentId}), or none (null).
     */
    record NewMail(String recipientId, String recipientEmail, NotificationKind kind, String subject, String body,
            OutboxStatus status, String lastError, Long attachmentId) {
    }

    /** Writes these mails, due at {@code now}, in one JDBC batch; texts longer than their columns are cut. */
    public void insertMails(List<NewMail> mails, Instant now) {
        if (mails.isEmpty()) {
            return;
        }
        Timestamp at = Timestamp.from(now);
        List<Object[]> rows = new java.util.ArrayList<>(mails.size());
        for (NewMail mail : mails) {
            rows.add(new Object[] {mail.recipientId(), Texts.truncate(mail.recipientEmail(), EMAIL_MAX), mail.kind().name(),
                    Texts.truncate(mail.subject(), SUBJECT_MAX), Texts.truncate(mail.body(), BODY_MAX), mail.status().name(),
                    Texts.truncate(mail.lastError(), ERROR_MAX), at, at, Channel.MAIL.name(), mail.attachmentId()});
        }
        batch.batchUpdate("insert into outbox_message (recipient_id, recipient_email, kind, subject, body, status, attempts, "
                + "last_error, created_at, next_attempt_at, channel, attachment_id) values (?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?)", rows,
                new int[] {Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
                        Types.TIMESTAMP, Types.TIMESTAMP, Types.VARCHAR, Types.BIGINT});
    }

    @Transactional(readOnly = true)
    public Optional<OutboxMessage> find(long id) {
        return jdbc.sql("select " + COLUMNS + FROM + " where id = ?").param(id).query(this::map).optional();
    }

    /** A person's messages, newest first. */
    @Transactional(readOnly = true)
    public List<OutboxMessage> forRecipient(String recipientId, int limit) {
        return jdbc.sql("select " + COLUMNS + FROM + " where recipient_id = ?" + NEWEST_FIRST + first(limit))
                .param(recipientId).query(this::map).list();
    }

    /** Everyone's messages, newest first. */
    @Transactional(readOnly = true)
    public List<OutboxMessage> recent(int limit) {
        return jdbc.sql("select " + COLUMNS + FROM + NEWEST_FIRST + first(limit)).query(this::map).list();
    }

    /**
     * Messages to deliver now: PENDING and due at {@code now}, or SENDING since before {@code staleBefore}
     * (claimed by a node that died), oldest due first.
     */
    @Transactional(readOnly = true)
    public List<OutboxMessage> findDue(Instant now, Instant staleBefore, int limit) {
        return findDue(now, staleBefore, limit, java.util.EnumSet.allOf(Channel.class));
    }

    /** {@link #findDue(Instant, Instant, int)} of the given channels only (those this node can deliver). */
    @Transactional(readOnly = true)
    public List<OutboxMessage> findDue(Instant now, Instant staleBefore, int limit, java.util.Set<Channel> channels) {
        if (channels.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + FROM + " where " + DUE + " and channel in (:channels)"
                        + " order by next_attempt_at, id" + first(limit))
                .param("now", Timestamp.from(now))
                .param("staleBefore", Timestamp.from(staleBefore))
                .param("channels", channels.stream().map(Channel::name).toList())
                .query(this::map).list();
    }

    /**
     * Takes a due message for sending: true when this call changed the row, false when it is not due (any
     * more), e.g. because another node claimed it first. The claim time is kept in {@code next_attempt_at},
     * so the claim is stale {@code staleAfter} later.
     */
    public boolean claim(long id, Instant now, Instant staleBefore) {
        return jdbc.sql("update outbox_message set status = 'SENDING', next_attempt_at = :now where id = :id and " + DUE)
                .param("id", id)
                .param("now", Timestamp.from(now))
                .param("staleBefore", Timestamp.from(staleBefore))
                .update() == 1;
    }

    /** What a password-link mail's body becomes once it was sent or given up: the one-time link is not kept. */
    public static final String LINK_REMOVED = "(A one-time link to set a password was in this mail; it is not kept. / "
            + "此邮件中含有设置密码的一次性链接，系统不保存该链接。)";

    /** The mail server took the message; a password-link mail's body (its one-time link) is replaced. */
    public boolean markSent(long id, Instant sentAt) {
        return jdbc.sql("update outbox_message set status = 'SENT', sent_at = :sentAt, last_error = null, "
                        + "body = case when kind = :linkKind then :removed else body end "
                        + "where id = :id and status = 'SENDING'")
                .param("id", id)
                .param("sentAt", Timestamp.from(sentAt))
                .param("linkKind", NotificationKind.PASSWORD_LINK.name())
                .param("removed", LINK_REMOVED)
                .update() == 1;
    }

    /** An attempt failed; try again at {@code nextAttemptAt}. */
    public boolean retryLater(long id, int attempts, String error, Instant nextAttemptAt) {
        return recordFailure(id, OutboxStatus.PENDING, attempts, error, nextAttemptAt);
    }

    /** An attempt failed and it was the last one. */
    public boolean giveUp(long id, int attempts, String error, Instant now) {
        return recordFailure(id, OutboxStatus.FAILED, attempts, error, now);
    }

    private boolean recordFailure(long id, OutboxStatus status, int attempts, String error, Instant nextAttemptAt) {
        // a password link given up on is not kept either (the administrator sends a new one)
        boolean givenUp = status == OutboxStatus.FAILED;
        var update = jdbc.sql("update outbox_message set status = :status, attempts = :attempts, last_error = :error, "
                        + "next_attempt_at = :next" + (givenUp ? ", body = case when kind = :linkKind then :removed else body end" : "")
                        + " where id = :id and status = 'SENDING'")
                .param("id", id)
                .param("status", status.name())
                .param("attempts", attempts)
                .param("error", Texts.truncate(error, ERROR_MAX))
                .param("next", Timestamp.from(nextAttemptAt));
        if (givenUp) {
            update = update.param("linkKind", NotificationKind.PASSWORD_LINK.name()).param("removed", LINK_REMOVED);
        }
        return update.update() == 1;
    }

    /** How many messages are in each status (statuses without messages are left out). */
    @Transactional(readOnly = true)
    public java.util.Map<OutboxStatus, Long> countByStatus() {
        java.util.Map<OutboxStatus, Long> counts = new java.util.EnumMap<>(OutboxStatus.class);
        jdbc.sql("select status, count(*) as n from outbox_message group by status")
                .query((rs, row) -> counts.put(OutboxStatus.valueOf(rs.getString("status")), rs.getLong("n"))).list();
        return counts;
    }

    /** When the oldest message still waiting (PENDING or SENDING) was written, if any waits. */
    @Transactional(readOnly = true)
    public Optional<Instant> oldestWaiting() {
        return jdbc.sql("select min(created_at) from outbox_message where status in ('PENDING', 'SENDING')")
                .query((rs, row) -> instant(rs.getTimestamp(1))).optional();
    }

    /** Standard SQL (H2 2.x, PostgreSQL); the limit is an int, never text from outside. */
    private static String first(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        return " fetch first " + limit + " rows only";
    }

    private OutboxMessage map(ResultSet rs, int row) throws SQLException {
        return new OutboxMessage(
                rs.getLong("id"),
                rs.getString("recipient_id"),
                rs.getString("recipient_email"),
                NotificationKind.valueOf(rs.getString("kind")),
                rs.getString("subject"),
                rs.getString("body"),
                OutboxStatus.valueOf(rs.getString("status")),
                rs.getInt("attempts"),
                rs.getString("last_error"),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("next_attempt_at")),
                instant(rs.getTimestamp("sent_at")),
                Channel.valueOf(rs.getString("channel")),
                rs.getString("chat_team"),
                rs.getString("attachment") == null ? null
                        : new Attachment(rs.getString("attachment_name"), rs.getString("attachment_type"), rs.getString("attachment")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
