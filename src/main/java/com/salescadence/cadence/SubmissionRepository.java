package com.salescadence.cadence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import com.salescadence.common.RecordRows;

/** Report submissions and escalations. Status changes are conditional updates, safe in a cluster. */
@Repository
class SubmissionRepository {

    /** Every column of report_submission, as {@link Submission} reads them. */
    private static final String[] COLUMNS = {"id", "cycle_id", "person_id", "report_type", "due_at", "status",
            "submitted_at", "reminded_at", "missed_at", "version"};

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;

    SubmissionRepository(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    /**
     * Inserts the report a person owes unless it exists, in one statement that also returns the new row (the
     * driver's generated keys, every column): empty when it existed already.
     */
    Optional<Submission> insertIfAbsent(long cycleId, String personId, ReportType type, LocalDateTime dueAt) {
        String sql = """
                insert into report_submission (cycle_id, person_id, report_type, due_at, status)
                select cast(? as bigint), cast(? as varchar(64)), cast(? as varchar(30)), cast(? as timestamp), 'DUE'
                where not exists (select 1 from report_submission where cycle_id = ? and person_id = ? and report_type = ?)""";
        return Optional.ofNullable(jdbcTemplate.execute((Connection con) -> {
            PreparedStatement insert = con.prepareStatement(sql, COLUMNS);
            Object[] values = {cycleId, personId, type.name(), Timestamp.valueOf(dueAt), cycleId, personId, type.name()};
            for (int i = 0; i < values.length; i++) {
                insert.setObject(i + 1, values[i]);
            }
            return insert;
        }, (PreparedStatement insert) -> {
            insert.executeUpdate();
            try (ResultSet row = insert.getGeneratedKeys()) {
                return row.next() ? RecordRows.of(Submission.class).mapRow(row, 0) : null;
            }
        }));
    }

    Optional<Submission> find(long id) {
        return jdbc.sql("select * from report_submission where id = ?").param(id).query(RecordRows.of(Submission.class)).optional();
    }

    Optional<Submission> find(long cycleId, String personId, ReportType type) {
        return jdbc.sql("select * from report_submission where cycle_id = ? and person_id = ? and report_type = ?")
                .params(cycleId, personId, type.name()).query(RecordRows.of(Submission.class)).optional();
    }

    /**
     * Locks the report's row until the end of the transaction (SELECT ... FOR UPDATE, H2 and PostgreSQL):
     * whoever changes what belongs to it (adjustments of its figures, a roll-up's submission) does so one at
     * a time. False when there is no such report (yet).
     */
    boolean lock(long cycleId, String personId, ReportType type) {
        return !jdbc.sql("select id from report_submission where cycle_id = ? and person_id = ? and report_type = ? for update")
                .params(cycleId, personId, type.name()).query(Long.class).list().isEmpty();
    }

    List<Submission> ofCycle(long cycleId) {
        return jdbc.sql("select * from report_submission where cycle_id = ? order by report_type, person_id")
                .param(cycleId).query(RecordRows.of(Submission.class)).list();
    }

    List<Submission> ofCycle(long cycleId, ReportType type, Collection<String> people) {
        if (people.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from report_submission where cycle_id = :cycle and report_type = :type and person_id in (:people)")
                .param("cycle", cycleId).param("type", type.name()).param("people", people).query(RecordRows.of(Submission.class)).list();
    }

    /** Removes a person's reports that are still due (not yet missed, nothing of them stored): a leaver owes them no more. */
    int withdrawDue(String personId) {
        return jdbc.sql("""
                delete from report_submission s where s.person_id = ? and s.status = 'DUE'
                  and not exists (select 1 from escalation e where e.submission_id = s.id)
                  and not exists (select 1 from commit_report r where r.submission_id = s.id)
                  and not exists (select 1 from rollup_report r where r.submission_id = s.id)
                  and not exists (select 1 from forecast_report r where r.submission_id = s.id)
                  and not exists (select 1 from forecast_review r where r.submission_id = s.id)
                  and not exists (select 1 from quarterly_review r where r.submission_id = s.id)
                  and not exists (select 1 from quarterly_manager_review r where r.submission_id = s.id)""")
                .param(personId).update();
    }

    /** DUE becomes ON_TIME, MISSED becomes LATE; returns false when it was already submitted. */
    boolean markSubmitted(long id, LocalDateTime at) {
        return jdbc.sql("""
                update report_submission set status = case when status = 'DUE' and due_at >= ? then 'ON_TIME'
                                                           else 'LATE' end,
                       submitted_at = ?, version = version + 1
                where id = ? and status in ('DUE', 'MISSED')""")
                .params(at, at, id).update() == 1;
    }

    boolean markMissed(long id, LocalDateTime at) {
        return jdbc.sql("update report_submission set status = 'MISSED', missed_at = ?, version = version + 1 where id = ? and status = 'DUE'")
                .params(at, id).update() == 1;
    }

    boolean markReminded(long id, LocalDateTime at) {
        return jdbc.sql("update report_submission set reminded_at = ? where id = ? and status = 'DUE' and reminded_at is null")
                .params(at, id).update() == 1;
    }

    /** A person's reports of a cadence, latest cycle first. */
    List<Submission> ofPerson(String personId, Cadence cadence, int limit) {
        return jdbc.sql("""
                select s.* from report_submission s join cadence_cycle c on c.id = s.cycle_id
                where s.person_id = ? and c.cadence = ?
                order by c.period_start desc, s.report_type fetch first ? rows only""")
                .params(personId, cadence.name(), limit).query(RecordRows.of(Submission.class)).list();
    }

    /** The person's previous report of this type, in the cycle before. */
    Optional<Submission> previous(String personId, ReportType type, Cadence cadence, long cycleId) {
        return jdbc.sql("""
                select s.* from report_submission s join cadence_cycle c on c.id = s.cycle_id
                where s.person_id = ? and s.report_type = ? and c.cadence = ?
                  and c.period_start < (select period_start from cadence_cycle where id = ?)
                order by c.period_start desc fetch first 1 rows only""")
                .params(personId, type.name(), cadence.name(), cycleId).query(RecordRows.of(Submission.class)).optional();
    }

    long insertEscalation(long submissionId, String to, int level, String reason, LocalDateTime at) {
        GeneratedKeyHolder id = new GeneratedKeyHolder();
        jdbc.sql("insert into escalation (submission_id, escalated_to, level, reason, created_at) values (?, ?, ?, ?, ?)")
                .params(submissionId, to, level, reason, at).update(id, "id");
        return id.getKey().longValue();
    }

    List<Escalation> escalations(long submissionId) {
        return jdbc.sql("select * from escalation where submission_id = ? order by id").param(submissionId).query(RecordRows.of(Escalation.class)).list();
    }

    List<Escalation> escalationsOfCycle(long cycleId) {
        return jdbc.sql("""
                select e.* from escalation e join report_submission s on s.id = e.submission_id
                where s.cycle_id = ? order by e.id""").param(cycleId).query(RecordRows.of(Escalation.class)).list();
    }

    int closeEscalations(long submissionId, String reason, LocalDateTime at) {
        return jdbc.sql("update escalation set closed_at = ?, close_reason = ? where submission_id = ? and closed_at is null")
                .params(at, reason, submissionId).update();
    }

    void recordChase(long submissionId, String chasedBy, String note) {
        jdbc.sql("update escalation set chase_note = ? where submission_id = ? and escalated_to = ?")
                .params(note, submissionId, chasedBy).update();
    }
}
