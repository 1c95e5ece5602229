package com.salescadence.support;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Which database the Spring tests use: H2 in memory by default; the PostgreSQL server of
 * CADENCE_TEST_POSTGRES_URL (a database per test class) when the build runs them with -Dcadence.test.database=postgres (the Maven
 * profile "postgres-tests" does, and CI turns it on).
 */
public final class TestDatabase {

    private TestDatabase() {
    }

    public static boolean postgres() {
        return "postgres".equals(System.getProperty("cadence.test.database"));
    }

    /**
     * The test class's database: on H2 the context's own in-memory database (application-test.yml); on
     * PostgreSQL a fresh database of the calling test class's own, as on H2 each Spring context has its own.
     */
    public static void register(DynamicPropertyRegistry registry) {
        if (!postgres()) {
            return;
        }
        Class<?> testClass = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).getCallerClass();
        registerOwn(registry, testClass.getSimpleName().toLowerCase());
    }

    /**
     * A database of the test class's own: H2 in memory as always; on PostgreSQL a fresh database named
     * after CADENCE_TEST_POSTGRES_URL's plus the name (dropped and created anew), so no test class sees
     * another's data, and the demo organisation, which loads only into an empty database, can load.
     */
    public static void registerOwn(DynamicPropertyRegistry registry, String name) {
        if (!postgres()) {
            return;
        }
        String url = freshDatabase(name);
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", TestDatabase::user);
        registry.add("spring.datasource.password", TestDatabase::password);
        // each test class keeps its context (and pool) open until the run ends: stay far below
        // PostgreSQL's 100 connections (closing contexts early would unregister the shared engine name
        // that /engine-rest looks up)
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> "3");
    }

    /**
     * Drops and creates the PostgreSQL database named after CADENCE_TEST_POSTGRES_URL's plus "_" + name, and
     * returns its JDBC URL (user and password: {@link #user()}, {@link #password()}). For tests that start
     * application nodes of their own on one database (the cluster and kill-and-restart tests).
     */
    public static String freshDatabase(String name) {
        String shared = System.getenv("CADENCE_TEST_POSTGRES_URL");
        if (shared == null || shared.isBlank()) {
            throw new IllegalStateException("cadence.test.database=postgres needs CADENCE_TEST_POSTGRES_URL");
        }
        int slash = shared.lastIndexOf('/');
        int query = shared.indexOf('?', slash);
        String database = shared.substring(slash + 1, query < 0 ? shared.length() : query) + "_" + name;
        String server = shared.substring(0, slash + 1);
        try (java.sql.Connection admin = java.sql.DriverManager.getConnection(server + "postgres", user(), password());
             java.sql.Statement sql = admin.createStatement()) {
            sql.execute("drop database if exists " + database + " with (force)");
            sql.execute("create database " + database);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Cannot create the test database " + database + ": " + e.getMessage(), e);
        }
        return server + database;
    }

    public static String user() {
        return env("CADENCE_TEST_POSTGRES_USER", "postgres");
    }

    public static String password() {
        return env("CADENCE_TEST_POSTGRES_PASSWORD", "");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
