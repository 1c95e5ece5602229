package com.salescadence.support;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Which database the Spring tests use: H2 in memory by default; the PostgreSQL of
 * CADENCE_TEST_POSTGRES_URL when the build runs them with -Dcadence.test.database=postgres (the Maven
 * profile "postgres-tests" does, and CI turns it on).
 */
public final class TestDatabase {

    private TestDatabase() {
    }

    public static boolean postgres() {
        return "postgres".equals(System.getProperty("cadence.test.database"));
    }

    public static void register(DynamicPropertyRegistry registry) {
        if (!postgres()) {
            return;
        }
        String url = System.getenv("CADENCE_TEST_POSTGRES_URL");
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("cadence.test.database=postgres needs CADENCE_TEST_POSTGRES_URL");
        }
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> env("CADENCE_TEST_POSTGRES_USER", "postgres"));
        registry.add("spring.datasource.password", () -> env("CADENCE_TEST_POSTGRES_PASSWORD", ""));
    }

    /**
     * A database of the test class's own: H2 in memory as always; on PostgreSQL a fresh database next to
     * the shared one (dropped and created anew), for a test that needs an empty database, such as the
     * demo organisation, which loads only into one.
     */
    public static void registerOwn(DynamicPropertyRegistry registry, String name) {
        register(registry);
        if (!postgres()) {
            return;
        }
        String shared = System.getenv("CADENCE_TEST_POSTGRES_URL");
        int slash = shared.lastIndexOf('/');
        int query = shared.indexOf('?', slash);
        String database = shared.substring(slash + 1, query < 0 ? shared.length() : query) + "_" + name;
        String server = shared.substring(0, slash + 1);
        try (java.sql.Connection admin = java.sql.DriverManager.getConnection(server + "postgres",
                env("CADENCE_TEST_POSTGRES_USER", "postgres"), env("CADENCE_TEST_POSTGRES_PASSWORD", ""));
             java.sql.Statement sql = admin.createStatement()) {
            sql.execute("drop database if exists " + database);
            sql.execute("create database " + database);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Cannot create the test database " + database + ": " + e.getMessage(), e);
        }
        registry.add("spring.datasource.url", () -> server + database);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
