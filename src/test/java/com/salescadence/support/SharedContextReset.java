package com.salescadence.support;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

import javax.sql.DataSource;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

import com.salescadence.organization.Role;

/**
 * Before each test class of the shared context ({@link CadenceIntegrationTest}): the data of the classes before
 * it is removed, so the class starts as on a fresh database.
 * <ul>
 * <li>the engine's clock is reset, and the shared context's engine is made the one that {@code /engine-rest} and
 * the web apps find under its name (a class with a context of its own registers its engine under the same name);</li>
 * <li>every process instance is deleted (no listeners run), and standalone tasks; all history (ACT_HI_*);</li>
 * <li>every Camunda user but the engine's administrator, every group that is not a role's, and every authorization
 * created after the context started;</li>
 * <li>every row of the product's tables, except the tables that already held rows when the context had just
 * started (rows a migration seeds, such as startup_lock) and Flyway's history.</li>
 * </ul>
 * Deployments stay: a test that deploys a model of its own gives it a key of its own.
 */
public class SharedContextReset extends AbstractTestExecutionListener {

    /** What the context held when it had just started, per context. */
    private static final Map<ApplicationContext, Baseline> BASELINES = new WeakHashMap<>();

    private record Baseline(Set<String> seededTables, Set<String> authorizations) {
    }

    @Override
    public void beforeTestClass(TestContext testContext) {
        reset(testContext.getApplicationContext());
    }

    public static synchronized void reset(ApplicationContext context) {
        ProcessEngine engine = context.getBean(ProcessEngine.class);
        JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
        ProcessEngines.registerProcessEngine(engine);
        ClockUtil.reset();
        engine.getIdentityService().clearAuthentication();
        Baseline baseline = BASELINES.get(context);
        if (baseline == null) {
            baseline = new Baseline(seededTables(jdbc), new HashSet<>(jdbc.queryForList("select id_ from act_ru_authorization", String.class)));
            BASELINES.put(context, baseline);
            return;
        }
        deleteProcessData(engine);
        deleteIdentities(engine, context.getEnvironment().getProperty("camunda.bpm.admin-user.id", ""));
        for (String id : jdbc.queryForList("select id_ from act_ru_authorization", String.class)) {
            if (!baseline.authorizations().contains(id)) {
                jdbc.update("delete from act_ru_authorization where id_ = ?", id);
            }
        }
        List<String> history = tables(jdbc).stream().filter(t -> t.toLowerCase(Locale.ROOT).startsWith("act_hi_")).toList();
        history.forEach(table -> jdbc.execute("delete from " + quoted(table)));
        List<String> product = new ArrayList<>();
        for (String table : tables(jdbc)) {
            String name = table.toLowerCase(Locale.ROOT);
            if (!name.startsWith("act_") && !name.equals("cadence_schema_history") && !baseline.seededTables().contains(table)) {
                product.add(table);
            }
        }
        deleteRows(jdbc, product);
    }

    private static void deleteProcessData(ProcessEngine engine) {
        RuntimeService runtime = engine.getRuntimeService();
        List<String> instances = runtime.createProcessInstanceQuery().list().stream().map(ProcessInstance::getId).toList();
        if (!instances.isEmpty()) {
            runtime.deleteProcessInstancesIfExists(instances, "test data reset", true, true, false);
        }
        List<String> tasks = engine.getTaskService().createTaskQuery().list().stream().map(Task::getId).toList();
        if (!tasks.isEmpty()) {
            engine.getTaskService().deleteTasks(tasks, true);
        }
    }

    private static void deleteIdentities(ProcessEngine engine, String engineAdministrator) {
        IdentityService identity = engine.getIdentityService();
        for (User user : identity.createUserQuery().list()) {
            if (!user.getId().equals(engineAdministrator)) {
                identity.deleteUser(user.getId());
            }
        }
        Set<String> roleGroups = new HashSet<>(Arrays.stream(Role.values()).map(Role::groupId).toList());
        for (Group group : identity.createGroupQuery().list()) {
            if (!roleGroups.contains(group.getId())) {
                identity.deleteGroup(group.getId());
            }
        }
    }

    private static void deleteRows(JdbcTemplate jdbc, List<String> tables) {
        if (tables.isEmpty()) {
            return;
        }
        if (TestDatabase.postgres()) {
            jdbc.execute("truncate table " + String.join(", ", tables.stream().map(SharedContextReset::quoted).toList()));
            return;
        }
        jdbc.execute((Connection connection) -> {
            try (var sql = connection.createStatement()) {
                sql.execute("set referential_integrity false");
                try {
                    for (String table : tables) {
                        sql.execute("delete from " + quoted(table));
                    }
                } finally {
                    sql.execute("set referential_integrity true");
                }
            }
            return null;
        });
    }

    /** The product's tables that hold rows right after start-up (seeded by a migration or at start). */
    private static Set<String> seededTables(JdbcTemplate jdbc) {
        Set<String> seeded = new HashSet<>();
        for (String table : tables(jdbc)) {
            if (!table.toLowerCase(Locale.ROOT).startsWith("act_")
                    && Boolean.TRUE.equals(jdbc.queryForObject("select count(*) > 0 from " + quoted(table), Boolean.class))) {
                seeded.add(table);
            }
        }
        return seeded;
    }

    /** A table's name as the database's metadata gives it, quoted (Flyway's history table is a quoted lower-case name on H2). */
    private static String quoted(String table) {
        return '"' + table + '"';
    }

    /** The tables of the application's schema, as the database names them. */
    private static List<String> tables(JdbcTemplate jdbc) {
        return jdbc.execute((Connection connection) -> {
            List<String> names = new ArrayList<>();
            DatabaseMetaData meta = connection.getMetaData();
            try (ResultSet rows = meta.getTables(connection.getCatalog(), connection.getSchema(), "%", new String[] {"TABLE"})) {
                while (rows.next()) {
                    names.add(rows.getString("TABLE_NAME"));
                }
            }
            return names;
        });
    }
}
