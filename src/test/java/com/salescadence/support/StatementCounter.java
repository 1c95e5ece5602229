package com.salescadence.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Counts the SQL statements a piece of code sends: wraps a {@link DataSource} so that every statement prepared or
 * created on its connections counts once. A test builds the service under test over {@link #jdbc()} and asserts that
 * a call costs the same few statements however many rows it reads (no query per row).
 */
public final class StatementCounter {

    private final DataSource counted;
    private final AtomicInteger statements = new AtomicInteger();

    public StatementCounter(DataSource dataSource) {
        this.counted = proxy(DataSource.class, dataSource, (target, method, args) -> {
            Object result = method.invoke(target, args);
            return result instanceof Connection connection ? countingConnection(connection) : result;
        });
    }

    public JdbcClient jdbc() {
        return JdbcClient.create(counted);
    }

    /** The statements sent since the last reset. */
    public int count() {
        return statements.get();
    }

    public void reset() {
        statements.set(0);
    }

    private Connection countingConnection(Connection connection) {
        return proxy(Connection.class, connection, (target, method, args) -> {
            if (method.getName().equals("prepareStatement") || method.getName().equals("createStatement")
                    || method.getName().equals("prepareCall")) {
                statements.incrementAndGet();
            }
            return method.invoke(target, args);
        });
    }

    private interface Call {
        Object invoke(Object target, Method method, Object[] args) throws Throwable;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, Call call) {
        InvocationHandler handler = (self, method, args) -> {
            try {
                return call.invoke(target, method, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
    }
}
