package com.salescadence.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tables {@code chat_channel} (a team's robot) and {@code notification_preference} (mail, chat or both per
 * person). Portable SQL (H2 2.x, PostgreSQL); a save is an update, or an insert when there was nothing to update.
 */
@Repository
@Transactional
public class ChatChannels {

    private static final String COLUMNS = "team_id, kind, webhook_url, secret, updated_at, updated_by";

    private final JdbcClient jdbc;

    ChatChannels(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<ChatChannel> all() {
        return jdbc.sql("select " + COLUMNS + " from chat_channel order by team_id").query(this::map).list();
    }

    @Transactional(readOnly = true)
    public Optional<ChatChannel> find(String teamId) {
        return jdbc.sql("select " + COLUMNS + " from chat_channel where team_id = ?").param(teamId).query(this::map).optional();
    }

    /** The robot of the first team in {@code teamIds} (nearest first) that has one. */
    @Transactional(readOnly = true)
    public Optional<ChatChannel> firstOf(List<String> teamIds) {
        if (teamIds.isEmpty()) {
            return Optional.empty();
        }
        Map<String, ChatChannel> found = new HashMap<>();
        jdbc.sql("select " + COLUMNS + " from chat_channel where team_id in (:ids)").param("ids", teamIds)
                .query(this::map).list().forEach(c -> found.put(c.teamId(), c));
        return teamIds.stream().map(found::get).filter(java.util.Objects::nonNull).findFirst();
    }

    /** Sets a team's robot; a null {@code secret} keeps the one stored (an admin who edits the address need not type it again). */
    public ChatChannel save(String teamId, Channel kind, String webhookUrl, String secret, boolean clearSecret, String by, Instant now) {
        if (!kind.isChat()) {
            throw new IllegalArgumentException("a chat channel is WECOM, DINGTALK or FEISHU, got " + kind);
        }
        int updated = jdbc.sql("update chat_channel set kind = :kind, webhook_url = :url, "
                        + (secret != null || clearSecret ? "secret = :secret, " : "")
                        + "updated_at = :now, updated_by = :by where team_id = :team")
                .param("kind", kind.name()).param("url", webhookUrl).param("secret", clearSecret ? null : secret)
                .param("now", Timestamp.from(now)).param("by", by).param("team", teamId)
                .update();
        if (updated == 0) {
            jdbc.sql("insert into chat_channel (" + COLUMNS + ") values (:team, :kind, :url, :secret, :now, :by)")
                    .param("team", teamId).param("kind", kind.name()).param("url", webhookUrl)
                    .param("secret", clearSecret ? null : secret).param("now", Timestamp.from(now)).param("by", by)
                    .update();
        }
        return find(teamId).orElseThrow();
    }

    /** Removes a team's robot; false when it had none. */
    public boolean delete(String teamId) {
        return jdbc.sql("delete from chat_channel where team_id = ?").param(teamId).update() == 1;
    }

    /** How a person wants to be told; MAIL when they never chose. */
    @Transactional(readOnly = true)
    public DeliveryPreference preference(String personId) {
        return jdbc.sql("select channels from notification_preference where person_id = ?").param(personId)
                .query(String.class).optional().map(DeliveryPreference::valueOf).orElse(DeliveryPreference.MAIL);
    }

    public void setPreference(String personId, DeliveryPreference preference, String by, Instant now) {
        int updated = jdbc.sql("update notification_preference set channels = :p, updated_at = :now, updated_by = :by "
                        + "where person_id = :person")
                .param("p", preference.name()).param("now", Timestamp.from(now)).param("by", by).param("person", personId)
                .update();
        if (updated == 0) {
            jdbc.sql("insert into notification_preference (person_id, channels, updated_at, updated_by) "
                            + "values (:person, :p, :now, :by)")
                    .param("person", personId).param("p", preference.name()).param("now", Timestamp.from(now)).param("by", by)
                    .update();
        }
    }

    private ChatChannel map(ResultSet rs, int row) throws SQLException {
        return new ChatChannel(rs.getString("team_id"), Channel.valueOf(rs.getString("kind")), rs.getString("webhook_url"),
                rs.getString("secret"), rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));
    }
}
