package com.salescadence.imports;

import java.time.Duration;

import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The row lock (table import_lock) an import takes first in the transaction that validates and stores it: two
 * imports started at once, on one node or two, store one after the other, and the second is validated against
 * what the first stored (its rows that now exist are refused as such) instead of storing everything twice.
 * Held until that transaction ends; dry runs store nothing and take no lock.
 */
@Component
class ImportLock {

    /** How long an import waits for another one (a 20,000-row import takes minutes on a busy machine). */
    static final Duration MAX_WAIT = Duration.ofMinutes(30);

    private final JdbcClient jdbc;

    ImportLock(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Waits for the lock (inside the caller's transaction). PostgreSQL waits as long as the other import runs;
     * H2 gives up a single wait after its lock timeout (seconds), so the wait is asked again until
     * {@link #MAX_WAIT}: a lock timeout undoes only that statement, not the transaction.
     */
    void hold() {
        long deadline = System.nanoTime() + MAX_WAIT.toNanos();
        while (true) {
            try {
                jdbc.sql("select name from import_lock where name = 'import' for update").query(String.class).single();
                return;
            } catch (PessimisticLockingFailureException busy) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Another import has been running for more than " + MAX_WAIT.toMinutes()
                            + " minutes; try again when it has finished.", busy);
                }
            }
        }
    }
}
