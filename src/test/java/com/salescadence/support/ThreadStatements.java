package com.salescadence.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the SQL statements the application's own beans send from the current thread while a call runs (issue 14
 * item 5: a view read set-based costs the same statements for 2 rows as for 20). The shared test context's
 * {@code dataSource} is wrapped once (see {@link SharedTestDatabase}); outside {@link #during} its connections pass
 * through unwrapped, and statements of other threads are never counted. {@link StatementCounter} does the same for
 * a service built by hand over its own {@code JdbcClient}.
 */
public final class ThreadStatements {

    private static final ThreadLocal<AtomicInteger> COUNTING = new ThreadLocal<>();
    private static final ThreadLocal<java.util.List<String>> TEXTS = new ThreadLocal<>();

    private ThreadStatements() {
    }

    /** The statements prepared or created on this thread while {@code call} ran. */
    public static int during(Runnable call) {
        AtomicInteger statements = new AtomicInteger();
        AtomicInteger outer = COUNTING.get();
        COUNTING.set(statements);
        try {
            call.run();
        } finally {
            if (outer == null) {
                COUNTING.remove();
            } else {
                COUNTING.set(outer);
            }
        }
        return statements.get();
    }

    /** The texts of the statements prepared on this thread while {@code call} ran (createStatement: "(statement)"). */
    public static java.util.List<String> texts(Runnable call) {
        java.util.List<String> texts = new java.util.ArrayList<>();
        java.util.List<String> outer = TEXTS.get();
        TEXTS.set(texts);
        try {
            during(call);
        } finally {
            if (outer == null) {
                TEXTS.remove();
            } else {
                TEXTS.set(outer);
            }
        }
        return texts;
    }

    static Connection counted(Connection connection) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (self, method, args) -> {
                    AtomicInteger statements = COUNTING.get();
                    if (statements != null && (method.getName().equals("prepareStatement")
                            || method.getName().equals("createStatement") || method.getName().equals("prepareCall"))) {
                        statements.incrementAndGet();
                        java.util.List<String> texts = TEXTS.get();
                        if (texts != null) {
                            texts.add(args != null && args.length > 0 && args[0] instanceof String sql ? sql : "(statement)");
                        }
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** Wraps the application's data source (and nothing else) in a {@link Counting} one. */
    static final class Wrapper implements BeanPostProcessor {
        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
            return "dataSource".equals(name) && bean instanceof DataSource dataSource && !(bean instanceof Counting)
                    ? new Counting(dataSource) : bean;
        }
    }

    /** A connection is wrapped only while its thread counts; the pool and every other caller see the same connections. */
    static final class Counting extends DelegatingDataSource {
        Counting(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            Connection connection = super.getConnection();
            return COUNTING.get() == null ? connection : counted(connection);
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            Connection connection = super.getConnection(username, password);
            return COUNTING.get() == null ? connection : counted(connection);
        }
    }
}
