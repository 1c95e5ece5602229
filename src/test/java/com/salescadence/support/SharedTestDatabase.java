package com.salescadence.support;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The database of the shared test context ({@link CadenceIntegrationTest}): on H2 the in-memory database of
 * application-test.yml; on PostgreSQL one database for the whole run, created fresh (dropped and created) the
 * first time the shared context starts in this JVM and reused after that ({@code _shared}, or {@code _shared<n>} in
 * surefire's fork n when the build sets {@code cadence.test.fork}).
 */
public class SharedTestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static String url;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        // counts this thread's statements when a test asks (ThreadStatements.during), else passes connections through
        context.getBeanFactory().addBeanPostProcessor(new ThreadStatements.Wrapper());
        if (!TestDatabase.postgres()) {
            return;
        }
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("sharedTestDatabase", Map.of(
                "spring.datasource.url", url(),
                "spring.datasource.username", TestDatabase.user(),
                "spring.datasource.password", TestDatabase.password(),
                // the classes that keep a context of their own hold 3 connections each until the run ends
                "spring.datasource.hikari.maximum-pool-size", "6")));
    }

    private static synchronized String url() {
        if (url == null) {
            // one per surefire fork (-DforkCount=2 runs two JVMs at once, each with its shared context)
            String fork = System.getProperty("cadence.test.fork", "");
            url = TestDatabase.freshDatabase(fork.isBlank() || fork.contains("$") ? "shared" : "shared" + fork);
        }
        return url;
    }
}
