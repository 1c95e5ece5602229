package com.salescadence.imports;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.salescadence.common.RecordRows;

/**
 * import_job and import_problem. Every write commits at once in a transaction of its own, also while the
 * import's own transaction is open, so every node of a cluster sees the progress.
 */
@Repository
class ImportJobRepository {

    private static final String RUNNING = "('QUEUED', 'VALIDATING', 'IMPORTING')";

    private final JdbcClient jdbc;
    private final TransactionTemplate own;

    ImportJobRepository(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    long create(String kinds, boolean dryRun, String createdBy, int rowsTotal, LocalDateTime now) {
        return own.execute(status -> {
            GeneratedKeyHolder key = new GeneratedKeyHolder();
            jdbc.sql("""
                    insert into import_job (kinds, dry_run, status, created_by, created_at, heartbeat_at, rows_total)
                    values (?, ?, 'QUEUED', ?, ?, ?, ?)""")
                    .params(kinds, dryRun, createdBy, now, now, rowsTotal).update(key, "id");
            return key.getKey().longValue();
        });
    }

    /** Starts a queued job; false when it is no longer queued (shown as abandoned meanwhile). */
    boolean claim(long id, LocalDateTime now) {
        return own.execute(tx -> jdbc.sql("update import_job set status = 'VALIDATING', heartbeat_at = ? where id = ? and status = 'QUEUED'")
                .params(now, id).update() > 0);
    }

    /** The node holding these jobs (queued or running) is alive. */
    void heartbeat(java.util.Collection<Long> ids, LocalDateTime now) {
        own.executeWithoutResult(tx -> jdbc.sql("update import_job set heartbeat_at = :now where id in (:ids) and status in " + RUNNING)
                .param("now", now).param("ids", ids).update());
    }

    void status(long id, ImportStatus status, LocalDateTime now) {
        own.executeWithoutResult(tx -> jdbc.sql("update import_job set status = ?, heartbeat_at = ? where id = ?")
                .params(status.name(), now, id).update());
    }

    void validated(long id, int rows, LocalDateTime now) {
        own.executeWithoutResult(tx -> jdbc.sql("update import_job set rows_validated = ?, heartbeat_at = ? where id = ?")
                .params(rows, now, id).update());
    }

    void imported(long id, int rows, LocalDateTime now) {
        own.executeWithoutResult(tx -> jdbc.sql("update import_job set rows_imported = ?, heartbeat_at = ? where id = ?")
                .params(rows, now, id).update());
    }

    void finish(long id, ImportStatus status, int badRows, int accounts, int contacts, int opportunities, String message,
                LocalDateTime now) {
        own.executeWithoutResult(tx -> jdbc.sql("""
                update import_job set status = ?, bad_rows = ?, accounts_created = ?, contacts_created = ?,
                  opportunities_created = ?, message = ?, finished_at = ?, heartbeat_at = ? where id = ?""")
                .params(status.name(), badRows, accounts, contacts, opportunities, truncate(message), now, now, id).update());
    }

    /** The people and quotas an import created (people administration, issue 12). */
    void createdPeople(long id, int people, int quotas) {
        own.executeWithoutResult(tx -> jdbc.sql("update import_job set people_created = ?, quotas_created = ? where id = ?")
                .params(people, quotas, id).update());
    }

    void addProblems(long id, List<RowProblem> problems) {
        own.executeWithoutResult(tx -> {
            for (RowProblem problem : problems) {
                jdbc.sql("insert into import_problem (job_id, kind, line_number, column_name, reason) values (?, ?, ?, ?, ?)")
                        .params(id, problem.kind().key(), problem.line(), problem.column(), truncate(problem.reason())).update();
            }
        });
    }

    /** Marks a running job whose node stopped reporting progress before {@code before} as abandoned. */
    boolean abandonIfStale(long id, LocalDateTime before, LocalDateTime now) {
        return own.execute(tx -> jdbc.sql("update import_job set status = 'ABANDONED', finished_at = ?, message = ? "
                        + "where id = ? and status in " + RUNNING + " and heartbeat_at < ?")
                .params(now, "The node running this import stopped before it finished; nothing was stored. Upload the file again.",
                        id, before).update() > 0);
    }

    Optional<ImportJob> find(long id) {
        return jdbc.sql("select * from import_job where id = ?").param(id).query(RecordRows.of(ImportJob.class)).optional();
    }

    List<RowProblem> problems(long id) {
        return jdbc.sql("select kind, line_number, column_name, reason from import_problem where job_id = ? order by id")
                .param(id)
                .query((rs, n) -> new RowProblem(ImportKind.of(rs.getString("kind")), rs.getInt("line_number"),
                        rs.getString("column_name"), rs.getString("reason")))
                .list();
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 997) + "...";
    }
}
