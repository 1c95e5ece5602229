package com.salescadence.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.salescadence.SalesCadenceApplication;
import com.salescadence.support.TestDatabase;

/**
 * What a production node creates at start-up: with the shipped configuration (no test or demo profile),
 * nothing but the administrator of CADENCE_ADMIN_USER / CADENCE_ADMIN_PASSWORD, once, with a hashed
 * password; no password on an empty database means no start, with a message that says what to set.
 * Each case starts the whole application as {@code java -jar} would (on an in-memory H2 database of its
 * own, under an engine name of its own, so the other test contexts of the JVM are not touched).
 */
class FirstAdministratorIntegrationTest {

    private static final String LOGIN = "ops.chief";
    private static final String PASSWORD = "Correct horse battery 42";

    @Test
    void a_node_on_an_empty_database_without_the_admin_password_refuses_to_start_and_says_what_to_set() {
        Map<String, Object> database = newDatabase();
        assertThat(failureOf(database, Map.of()))
                .isInstanceOf(FirstAdministrator.MissingAdministratorException.class)
                .hasMessageContaining("CADENCE_ADMIN_PASSWORD is not set.")
                .hasMessageContaining("at least 12 characters");
        assertThat(failureOf(database, Map.of("CADENCE_ADMIN_USER", LOGIN, "CADENCE_ADMIN_PASSWORD", "secret")))
                .hasMessageContaining("CADENCE_ADMIN_PASSWORD is shorter than 12 characters.");
        // the report Spring Boot prints instead of a stack trace
        // (analyzers of other libraries that need constructor arguments are skipped here)
        assertThat(SpringFactoriesLoader.forDefaultResourceLocation(getClass().getClassLoader()).load(FailureAnalyzer.class,
                null, SpringFactoriesLoader.FailureHandler.handleMessage((message, failure) -> { })))
                .hasAtLeastOneElementOfType(FirstAdministrator.MissingAdministratorAnalyzer.class);
    }

    @Test
    void the_first_start_creates_only_the_administrator_of_the_environment_and_a_restart_no_longer_needs_the_password() {
        Map<String, Object> database = newDatabase();
        try (ConfigurableApplicationContext node = start(database, Map.of("CADENCE_ADMIN_USER", LOGIN,
                "CADENCE_ADMIN_PASSWORD", PASSWORD, "CADENCE_ADMIN_EMAIL", "chief@example.com"))) {
            IdentityService identity = node.getBean(IdentityService.class);
            assertThat(identity.createUserQuery().list()).extracting(User::getId).containsExactly(LOGIN);
            User admin = identity.createUserQuery().userId(LOGIN).singleResult();
            assertThat(admin.getEmail()).isEqualTo("chief@example.com");
            assertThat(identity.createUserQuery().memberOfGroup(Role.ADMIN.groupId()).userId(LOGIN).count()).isEqualTo(1);
            assertThat(identity.checkPassword(LOGIN, PASSWORD)).isTrue();

            JdbcClient jdbc = node.getBean(JdbcClient.class);
            Map<String, Object> stored = jdbc.sql("select PWD_, SALT_ from ACT_ID_USER where ID_ = ?").param(LOGIN).query().singleRow();
            assertThat((String) stored.get("PWD_")).as("the stored password").isNotBlank().doesNotContain(PASSWORD)
                    .startsWith("{SHA-512}");
            assertThat((String) stored.get("SALT_")).isNotBlank();

            OrganizationService organization = node.getBean(OrganizationService.class);
            assertThat(organization.everyone()).extracting(Person::id, Person::role).containsExactly(org.assertj.core.groups.Tuple.tuple(LOGIN, Role.ADMIN));
        }

        // a restart of the same installation: no password needed, nothing created, the password unchanged
        try (ConfigurableApplicationContext node = start(database, Map.of("CADENCE_ADMIN_PASSWORD", "another long password"))) {
            IdentityService identity = node.getBean(IdentityService.class);
            assertThat(identity.createUserQuery().list()).extracting(User::getId).containsExactly(LOGIN);
            assertThat(identity.checkPassword(LOGIN, PASSWORD)).isTrue();
            assertThat(identity.checkPassword("admin", "another long password")).isFalse();
        }
        try (ConfigurableApplicationContext node = start(database, Map.of())) {
            assertThat(node.getBean(IdentityService.class).createUserQuery().count()).isEqualTo(1);
            // last: a wrong password makes Camunda delay this login's next check by a few seconds
            assertThat(node.getBean(IdentityService.class).checkPassword(LOGIN, "demo")).isFalse();
        }
    }

    private static int databases;

    /** Why the application did not start (the innermost cause). */
    private static Throwable failureOf(Map<String, Object> database, Map<String, String> environment) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> start(database, environment).close());
        assertThat(thrown).as("the node must not start").isNotNull();
        return org.springframework.core.NestedExceptionUtils.getMostSpecificCause(thrown);
    }

    /** A fresh database: H2 in memory, or a new PostgreSQL database when the tests run on PostgreSQL. */
    private static Map<String, Object> newDatabase() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.datasource.url", "jdbc:h2:mem:first-admin-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        TestDatabase.registerOwn((name, value) -> properties.put(name, value.get()), "firstadmin" + (++databases));
        return properties;
    }

    /**
     * The application as an operator starts it: the shipped application.yml (no profile), these environment
     * variables; the database and the test's own settings as command-line arguments, which win over application.yml.
     */
    private static ConfigurableApplicationContext start(Map<String, Object> database, Map<String, String> environment) {
        Map<String, Object> properties = new HashMap<>(database);
        properties.put("server.port", "0");
        properties.put("camunda.bpm.process-engine-name", "first-admin-" + UUID.randomUUID().toString().substring(0, 8));
        properties.put("camunda.bpm.job-execution.enabled", "false");
        properties.put("cadence.notification.initial-delay", "PT1H");
        properties.put("cadence.notification.delivery-interval", "PT1H");
        properties.put("spring.main.banner-mode", "off");
        properties.putAll(environment);
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return new SpringApplicationBuilder(SalesCadenceApplication.class).run(arguments);
    }
}
