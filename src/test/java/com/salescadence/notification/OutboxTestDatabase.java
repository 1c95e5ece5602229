package com.salescadence.notification;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * A fresh outbox table made by the real migrations (V3, V45, V46, V87), without Flyway or Spring Boot: an in-memory H2
 * database, or, when {@code CADENCE_TEST_POSTGRES_URL} is set (with {@code CADENCE_TEST_POSTGRES_USER} and
 * {@code CADENCE_TEST_POSTGRES_PASSWORD}), a throw-away schema in that PostgreSQL database.
 */
final class OutboxTestDatabase {

    private static final java.util.List<String> MIGRATIONS = java.util.List.of("db/migration/V3__notification.sql",
            "db/migration/V45__outbox_channels_and_attachments.sql", "db/migration/V46__chat_channels.sql",
            "db/migration/V87__outbox_shared_attachments.sql");

    private final DataSource dataSource;
    private final Runnable drop;

    private OutboxTestDatabase(DataSource dataSource, Runnable drop) {
        this.dataSource = dataSource;
        this.drop = drop;
        new ResourceDatabasePopulator(MIGRATIONS.stream().map(OutboxTestDatabase::migration).toArray(Resource[]::new))
                .execute(dataSource);
    }

    static OutboxTestDatabase create() {
        String postgres = System.getenv("CADENCE_TEST_POSTGRES_URL");
        return postgres == null || postgres.isBlank() ? h2() : postgres(postgres);
    }

    DataSource dataSource() {
        return dataSource;
    }

    void drop() {
        drop.run();
    }

    private static OutboxTestDatabase h2() {
        DriverManagerDataSource h2 = new DriverManagerDataSource(
                "jdbc:h2:mem:outbox-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        return new OutboxTestDatabase(h2, () -> JdbcClient.create(h2).sql("shutdown").update());
    }

    private static OutboxTestDatabase postgres(String url) {
        String user = System.getenv("CADENCE_TEST_POSTGRES_USER");
        String password = System.getenv("CADENCE_TEST_POSTGRES_PASSWORD");
        String schema = "outbox_test_" + UUID.randomUUID().toString().replace("-", "");
        JdbcClient admin = JdbcClient.create(new DriverManagerDataSource(url, user, password));
        admin.sql("create schema " + schema).update();
        DriverManagerDataSource inSchema = new DriverManagerDataSource(
                url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema, user, password);
        return new OutboxTestDatabase(inSchema, () -> admin.sql("drop schema " + schema + " cascade").update());
    }

    private static Resource migration(String migration) {
        Path source = Path.of("src/main/resources").resolve(migration);
        return Files.isRegularFile(source) ? new FileSystemResource(source) : new ClassPathResource(migration);
    }
}
