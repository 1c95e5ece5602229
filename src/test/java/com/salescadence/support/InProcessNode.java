package com.salescadence.support;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.salescadence.SalesCadenceApplication;

/**
 * One node of the application started in the test JVM, as {@code java -jar} would start it but with the
 * given settings as command-line arguments (so they win over application.yml). Several nodes may run at once
 * on one database: give each its own {@code camunda.bpm.process-engine-name} (letters and digits: Camunda
 * ignores a name with a hyphen), so they neither replace each other's engine in Camunda's JVM-wide registry nor
 * the "default" engine of the test contexts that /engine-rest looks up.
 */
public final class InProcessNode implements AutoCloseable {

    private final String name;
    private final ConfigurableApplicationContext context;

    private InProcessNode(String name, ConfigurableApplicationContext context) {
        this.name = name;
        this.context = context;
    }

    public static InProcessNode start(String name, Map<String, String> settings) {
        Map<String, String> all = new LinkedHashMap<>(settings);
        // without Camunda's web apps (Tasklist, Cockpit, Admin): when a node with them stops, their bootstrap
        // clears the web apps' JVM-wide runtime delegates, under the feet of the test contexts still running
        all.putIfAbsent("camunda.bpm.webapp.enabled", "false");
        // outside the demo a node only starts when an administrator exists or can be created from the settings
        all.putIfAbsent("cadence.admin.user", "node.admin");
        all.putIfAbsent("cadence.admin.password", "node-admin-secret");
        String[] args = all.entrySet().stream()
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
