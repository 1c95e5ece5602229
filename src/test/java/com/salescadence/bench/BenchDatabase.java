package com.salescadence.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The benchmarks' database: a fresh H2 file under target/bench, or with {@code -Dbench.db.url} a PostgreSQL database
 * that is dropped and created anew, so every run starts empty.
 */
final class BenchDatabase {

    static final String URL = System.getProperty("bench.db.url", "");

    private BenchDatabase() {
    }

    static boolean postgres() {
        return !URL.isBlank();
    }

    static String name() {
        return postgres() ? "postgres" : "h2";
    }

    static void register(DynamicPropertyRegistry registry) throws Exception {
        if (!postgres()) {
            String file = Path.of("target/bench/h2-" + System.currentTimeMillis()).toAbsolutePath().toString();
            registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE;TRACE_LEVEL_FILE=0;QUERY_CACHE_SIZE=256");
            return;
        }
        String user = System.getProperty("bench.db.user", "postgres");
        String password = System.getProperty("bench.db.password", "");
        int slash = URL.lastIndexOf('/');
        int query = URL.indexOf('?', slash);
        String database = URL.substring(slash + 1, query < 0 ? URL.length() : query);
        try (Connection admin = DriverManager.getConnection(URL.substring(0, slash + 1) + "postgres", user, password);
             Statement sql = admin.createStatement()) {
            // (force: a connection left over, e.g. by a bench whose context was not closed, does not block the drop)
            sql.execute("drop database if exists " + database + " with (force)");
            sql.execute("create database " + database);
        }
        registry.add("spring.datasource.url", () -> URL);
        registry.add("spring.datasource.username", () -> user);
        registry.add("spring.datasource.password", () -> password);
    }
}
