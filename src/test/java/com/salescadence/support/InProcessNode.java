package com.salescadence.support;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.salescadence.SalesCadenceApplication;

/**
 * One node of the application started in the test JVM, as {@code java -jar} would start it but with the
 * given settings as command-line arguments (so they win over application.yml). Several nodes may run at once
 * on one database: give each its own {@code camunda.bpm.process-engine-name}, so they do not replace each
 * other's engine in Camunda's JVM-wide registry.
 */
public final class InProcessNode implements AutoCloseable {

    private final String name;
    private final ConfigurableApplicationContext context;

    private InProcessNode(String name, ConfigurableApplicationContext context) {
        this.name = name;
        this.context = context;
    }

    public static InProcessNode start(String name, Map<String, String> settings) {
        String[] args = new LinkedHashMap<>(settings).entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return new InProcessNode(name, new SpringApplicationBuilder(SalesCadenceApplication.class).run(args));
    }

    public String name() {
        return name;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** The node's HTTP API, e.g. http://127.0.0.1:41234 (server.port=0 picks a free port). */
    public ApiClient api() {
        return new ApiClient("http://127.0.0.1:" + context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    @Override
    public void close() {
        context.close();
    }
}
