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

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
