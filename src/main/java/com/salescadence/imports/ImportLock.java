package com.salescadence.imports;

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

    private final JdbcClient jdbc;

    ImportLock(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Waits for the lock (inside the caller's transaction). */
    void hold() {
        jdbc.sql("select name from import_lock where name = 'import' for update").query(String.class).single();
    }
}
