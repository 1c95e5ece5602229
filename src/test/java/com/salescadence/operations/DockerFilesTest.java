package com.salescadence.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker/ as far as it can be checked without a Docker engine: the compose file's topology (PostgreSQL, a
 * mail catcher, two nodes on one database with their job executors on, health checks), no secret in the
 * files, every CADENCE_ variable it sets read by the application, and a Dockerfile that builds with the
 * Maven wrapper and runs on a JRE as a user without privileges.
 */
class DockerFilesTest {

    private static final Path COMPOSE = Path.of("docker", "docker-compose.yml");
    private static final Path DOCKERFILE = Path.of("docker", "Dockerfile");
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Z0-9_]+)(?::?([-?])([^}]*))?}");

    @Test
    void the_compose_file_runs_postgres_a_mail_catcher_and_two_nodes_on_the_one_database() throws IOException {
        Map<String, Object> services = map(compose().get("services"));
        assertThat(services).containsOnlyKeys("postgres", "mailpit", "engine-1", "engine-2");
        assertThat(map(services.get("mailpit")).get("image").toString()).startsWith("axllent/mailpit");
        services.forEach((name, service) -> assertThat(map(service)).as(name + " has a health check").containsKey("healthcheck"));

        Map<String, Object> one = map(services.get("engine-1"));
        Map<String, Object> two = map(services.get("engine-2"));
        Map<String, Object> env1 = map(one.get("environment"));
        Map<String, Object> env2 = map(two.get("environment"));
        assertThat(env1.get("CADENCE_DB_URL")).isEqualTo(env2.get("CADENCE_DB_URL")).asString().startsWith("jdbc:postgresql://postgres:5432/");
        assertThat(env1.get("SPRING_PROFILES_ACTIVE")).isEqualTo(env2.get("SPRING_PROFILES_ACTIVE")).isEqualTo("postgres");
        assertThat(env1.get("CAMUNDA_BPM_JOB_EXECUTION_ENABLED")).isEqualTo(env2.get("CAMUNDA_BPM_JOB_EXECUTION_ENABLED")).isEqualTo("true");
        assertThat(env1.get("SERVER_PORT")).isNotEqualTo(env2.get("SERVER_PORT"));
        assertThat(one.get("ports").toString()).contains(env1.get("SERVER_PORT") + ":" + env1.get("SERVER_PORT"));
        assertThat(two.get("ports").toString()).contains(env2.get("SERVER_PORT") + ":" + env2.get("SERVER_PORT"));
        assertThat(map(one.get("healthcheck")).get("test").toString()).contains("localhost:" + env1.get("SERVER_PORT") + "/actuator/health/liveness");
        assertThat(map(two.get("healthcheck")).get("test").toString()).contains("localhost:" + env2.get("SERVER_PORT") + "/actuator/health/liveness");
        // the first start on an empty database creates the schemas once: the second node waits for the first
        assertThat(map(map(two.get("depends_on")).get("engine-1"))).containsEntry("condition", "service_healthy");
        assertThat(String.valueOf(env1.get("SPRING_MAIL_HOST"))).contains("mailpit");
        assertThat(String.valueOf(env1.get("SPRING_MAIL_PORT"))).contains("1025");
    }

    @Test
    void no_secret_is_written_in_the_files_and_every_required_one_is_in_the_env_example() throws IOException {
        String compose = Files.readString(COMPOSE);
        List<String> required = new ArrayList<>();
        for (Map.Entry<String, Object> service : map(compose().get("services")).entrySet()) {
            Object environment = map(service.getValue()).get("environment");
            if (environment == null) {
                continue;
            }
            map(environment).forEach((name, value) -> {
                if (name.contains("PASSWORD") || name.contains("SECRET")) {
                    Matcher reference = REFERENCE.matcher(String.valueOf(value));
                    assertThat(reference.matches()).as(service.getKey() + " " + name + " comes from the environment: " + value).isTrue();
                    assertThat(reference.group(2) == null || reference.group(2).equals("?") || reference.group(3).isEmpty())
                            .as(service.getKey() + " " + name + " has no default value: " + value).isTrue();
                }
            });
        }
        Matcher references = REFERENCE.matcher(compose);
        while (references.find()) {
            if ("?".equals(references.group(2))) {
                required.add(references.group(1));
            }
        }
        String example = Files.readString(Path.of("docker", ".env.example"));
        assertThat(required).isNotEmpty().allSatisfy(name -> assertThat(example).contains(name + "="));
        assertThat(example.lines().filter(l -> l.contains("PASSWORD=") && !l.startsWith("#")))
                .as("the example holds no password").allSatisfy(l -> assertThat(l).endsWith("="));
        assertThat(Files.readString(Path.of(".gitignore")).lines()).contains("docker/.env");
        assertThat(Files.readString(DOCKERFILE)).doesNotContainIgnoringCase("PASSWORD=");
    }

    @Test
    void every_cadence_variable_the_nodes_get_is_read_by_the_application() throws IOException {
        StringBuilder configuration = new StringBuilder();
        try (Stream<Path> files = Files.list(Path.of("src", "main", "resources"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("application")).toList()) {
                configuration.append(Files.readString(file));
            }
        }
        for (String node : List.of("engine-1", "engine-2")) {
            map(map(map(compose().get("services")).get(node)).get("environment")).keySet().stream()
                    .filter(name -> name.startsWith("CADENCE_"))
                    .forEach(name -> assertThat(configuration).as(node + " sets " + name).contains("${" + name + ":"));
        }
    }

    @Test
    void the_image_is_built_with_the_maven_wrapper_and_runs_on_a_jre_as_an_unprivileged_user() throws IOException {
        List<String> lines = Files.readAllLines(DOCKERFILE).stream().map(String::trim).filter(l -> !l.startsWith("#")).toList();
        List<String> stages = lines.stream().filter(l -> l.startsWith("FROM ")).toList();
        assertThat(stages).hasSize(2);
        assertThat(stages.get(0)).contains("-jdk").endsWith("AS build");
        assertThat(stages.get(1)).contains("-jre");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("RUN").contains("./mvnw").contains("package"));
        int runStage = lines.indexOf(stages.get(1));
        List<String> runtime = lines.subList(runStage, lines.size());
        assertThat(runtime).anySatisfy(l -> assertThat(l).matches("USER (?!root)\\w+"));
        assertThat(String.join("\n", runtime)).contains("HEALTHCHECK").contains("/actuator/health/liveness");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("ENTRYPOINT").contains("java").contains("-jar"));
    }

    private static Map<String, Object> compose() throws IOException {
        return new Yaml().load(Files.readString(COMPOSE));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }
}
