package com.salescadence.meeting;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.salescadence.common.RecordRows;

/** Tables meeting, meeting_attendee and action_item. Status changes are conditional updates: a retried job does nothing twice. */
@Repository
class MeetingRepository {

    private final JdbcClient jdbc;

    MeetingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the occurrence unless its uid exists; true when it was new. */
    boolean insertIfAbsent(MeetingKind kind, String seriesKey, String uid, String weekKey, String ownerId, String subjectId,
                           LocalDateTime startsAt, int lengthMinutes) {
        return jdbc.sql("""
                insert into meeting (kind, series_key, uid, week_key, owner_id, subject_id, starts_at, length_minutes, status)
                select cast(:kind as varchar(20)), cast(:series as varchar(200)), cast(:uid as varchar(200)),
                       cast(:week as varchar(20)), cast(:owner as varchar(64)), cast(:subject as varchar(64)),
                       cast(:starts as timestamp), cast(:length as integer), 'SCHEDULED'
                where not exists (select 1 from meeting where uid = :uid)""")
                .param("kind", kind.name()).param("series", seriesKey).param("uid", uid).param("week", weekKey)
                .param("owner", ownerId).param("subject", subjectId).param("starts", startsAt).param("length", lengthMinutes)
                .update() == 1;
    }

    void addAttendees(long meetingId, List<String> people) {
        for (String person : people) {
            jdbc.sql("insert into meeting_attendee (meeting_id, person_id) select :m, :p where not exists "
                    + "(select 1 from meeting_attendee where meeting_id = :m and person_id = :p)")
                    .param("m", meetingId).param("p", person).update();
        }
    }

    List<String> attendees(long meetingId) {
        return jdbc.sql("select person_id from meeting_attendee where meeting_id = ? order by person_id")
                .param(meetingId).query(String.class).list();
    }

    Optional<Meeting> find(long id) {
        return jdbc.sql("select * from meeting where id = ?").param(id).query(RecordRows.of(Meeting.class)).optional();
    }

    Optional<Meeting> findByUid(String uid) {
        return jdbc.sql("select * from meeting where uid = ?").param(uid).query(RecordRows.of(Meeting.class)).optional();
    }

    /** The series' occurrences that started before {@code before}, latest first. */
    List<Meeting> earlier(String seriesKey, LocalDateTime before, int limit) {
        return jdbc.sql("select * from meeting where series_key = :s and starts_at < :b and status <> 'CANCELLED' "
                        + "order by starts_at desc, id desc")
                .param("s", seriesKey).param("b", before).query(RecordRows.of(Meeting.class)).stream().limit(limit).toList();
    }

    List<Meeting> ofWeek(String weekKey) {
        return jdbc.sql("select * from meeting where week_key = ? order by starts_at, id").param(weekKey)
                .query(RecordRows.of(Meeting.class)).list();
    }

    void attach(long id, String processInstanceId, LocalDateTime dueAt) {
        jdbc.sql("update meeting set process_instance_id = :p, due_at = :d where id = :id")
                .param("p", processInstanceId).param("d", dueAt).param("id", id).update();
    }

    boolean markHeld(long id, MeetingStatus status, LocalDateTime at) {
        return jdbc.sql("update meeting set status = :s, held_at = :at where id = :id and status in ('SCHEDULED', 'NOT_HELD')")
                .param("s", status.name()).param("at", at).param("id", id).update() == 1;
    }

    boolean markNotHeld(long id, LocalDateTime at) {
        return jdbc.sql("update meeting set status = 'NOT_HELD', not_held_at = :at where id = :id and status = 'SCHEDULED'")
                .param("at", at).param("id", id).update() == 1;
    }

    boolean markReminded(long id, LocalDateTime at) {
        return jdbc.sql("update meeting set reminded_at = :at where id = :id and reminded_at is null and status = 'SCHEDULED'")
                .param("at", at).param("id", id).update() == 1;
    }

    boolean markCancelled(long id) {
        return jdbc.sql("update meeting set status = 'CANCELLED', sequence = sequence + 1 where id = :id "
                        + "and status in ('SCHEDULED', 'NOT_HELD')")
                .param("id", id).update() == 1;
    }

    boolean moveTo(long id, LocalDateTime startsAt) {
        return jdbc.sql("update meeting set starts_at = :s, sequence = sequence + 1 where id = :id and status = 'SCHEDULED'")
                .param("s", startsAt).param("id", id).update() == 1;
    }

    void saveMinutes(long id, String minutes, String decisions) {
        jdbc.sql("update meeting set minutes = :m, decisions = :d where id = :id")
                .param("m", minutes).param("d", decisions).param("id", id).update();
    }

    // action items

    void replaceActions(long meetingId, String seriesKey, List<ActionInput> items) {
        jdbc.sql("delete from action_item where meeting_id = ?").param(meetingId).update();
        int position = 0;
        for (ActionInput item : items) {
            jdbc.sql("""
                    insert into action_item (meeting_id, series_key, position, what, owner_id, due_date, status)
                    values (:m, :s, :p, :w, :o, :d, 'OPEN')""")
                    .param("m", meetingId).param("s", seriesKey).param("p", position++).param("w", item.what())
                    .param("o", item.ownerId()).param("d", item.dueDate()).update();
        }
    }

    List<ActionItem> actionsOf(long meetingId) {
        return jdbc.sql("select * from action_item where meeting_id = ? order by position, id").param(meetingId)
                .query(RecordRows.of(ActionItem.class)).list();
    }

    /** The series' action items of meetings other than {@code meetingId}, still open, oldest due first. */
    List<ActionItem> openActions(String seriesKey, long meetingId) {
        return jdbc.sql("""
                select a.* from action_item a join meeting m on m.id = a.meeting_id
                where a.series_key = :s and a.status = 'OPEN' and a.meeting_id <> :m and m.status in ('HELD', 'LATE')
                order by a.due_date, a.id""")
                .param("s", seriesKey).param("m", meetingId).query(RecordRows.of(ActionItem.class)).list();
    }

    Optional<ActionItem> action(long id) {
        return jdbc.sql("select * from action_item where id = ?").param(id).query(RecordRows.of(ActionItem.class)).optional();
    }

    void attachAction(long id, String processInstanceId) {
        jdbc.sql("update action_item set process_instance_id = :p where id = :id").param("p", processInstanceId).param("id", id).update();
    }

    boolean markActionDone(long id, String outcome, LocalDateTime at) {
        return jdbc.sql("update action_item set status = 'DONE', outcome = :o, done_at = :at where id = :id and status = 'OPEN'")
                .param("o", outcome).param("at", at).param("id", id).update() == 1;
    }

    boolean markActionReminded(long id, LocalDateTime at) {
        return jdbc.sql("update action_item set reminded_at = :at where id = :id and reminded_at is null and status = 'OPEN'")
                .param("at", at).param("id", id).update() == 1;
    }

    boolean markActionEscalated(long id, LocalDateTime at) {
        return jdbc.sql("update action_item set escalated_at = :at where id = :id and escalated_at is null and status = 'OPEN'")
                .param("at", at).param("id", id).update() == 1;
    }

    /** Meetings of these owners starting in [from, to), per status, for compliance. */
    List<StatusCount> statusCounts(java.util.Collection<String> owners, LocalDate from, LocalDate to) {
        if (owners.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select kind, status, count(*) as meetings from meeting
                where owner_id in (:owners) and starts_at >= :from and starts_at < :to
                group by kind, status""")
                .param("owners", owners).param("from", from.atStartOfDay()).param("to", to.atStartOfDay())
                .query((rs, row) -> new StatusCount(MeetingKind.valueOf(rs.getString("kind")),
                        MeetingStatus.valueOf(rs.getString("status")), rs.getLong("meetings"))).list();
    }

    record StatusCount(MeetingKind kind, MeetingStatus status, long meetings) {
    }
}
