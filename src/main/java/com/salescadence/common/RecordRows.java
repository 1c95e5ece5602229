package com.salescadence.common;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.RowMapper;

/**
 * Maps a row to a record by column name (expected_close_date to expectedCloseDate). Spring's
 * {@code query(Record.class)} first looks every property up under its camelCase name, and the driver
 * builds an SQLException for every miss, per row: the hot spot the benchmark found (docs/benchmark.md).
 * A column the query did not select leaves its component null (or 0, false).
 */
public final class RecordRows<R extends Record> implements RowMapper<R> {

    private static final Map<Class<?>, RecordRows<?>> MAPPERS = new ConcurrentHashMap<>();

    private final Constructor<R> constructor;
    private final String[] columns;
    private final Class<?>[] types;

    private RecordRows(Class<R> type) {
        RecordComponent[] components = type.getRecordComponents();
        columns = new String[components.length];
        types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            columns[i] = snakeCase(components[i].getName());
            types[i] = components[i].getType();
        }
        try {
            constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(type + " has no canonical constructor", e);
        }
    }

    @SuppressWarnings("unchecked")
    public static <R extends Record> RowMapper<R> of(Class<R> type) {
        return (RowMapper<R>) MAPPERS.computeIfAbsent(type, t -> new RecordRows<>(type));
    }

    @Override
    public R mapRow(ResultSet rs, int rowNum) throws SQLException {
        Map<String, Integer> present = labels(rs.getMetaData());
        Object[] args = new Object[columns.length];
        for (int i = 0; i < columns.length; i++) {
            Integer index = present.get(columns[i]);
            args[i] = index == null ? absent(types[i]) : read(rs, index, types[i]);
        }
        try {
            return constructor.newInstance(args);
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot build " + constructor.getDeclaringClass().getSimpleName() + " from a row", e);
        }
    }

    private static Map<String, Integer> labels(ResultSetMetaData meta) throws SQLException {
        Map<String, Integer> labels = new HashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            labels.putIfAbsent(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), i);
        }
        return labels;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object read(ResultSet rs, int index, Class<?> type) throws SQLException {
        if (type == String.class) {
            return rs.getString(index);
        }
        if (type == long.class) {
            return rs.getLong(index);
        }
        if (type == int.class) {
            return rs.getInt(index);
        }
        if (type == boolean.class) {
            return rs.getBoolean(index);
        }
        if (type == BigDecimal.class) {
            return rs.getBigDecimal(index);
        }
        if (type == Instant.class) {
            Timestamp at = rs.getTimestamp(index);
            return at == null ? null : at.toInstant();
        }
        if (type.isEnum()) {
            String name = rs.getString(index);
            return name == null ? null : Enum.valueOf((Class<Enum>) type, name);
        }
        return rs.getObject(index, type);
    }

    private static Object absent(Class<?> type) {
        if (type == long.class) {
            return 0L;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == boolean.class) {
            return false;
        }
        return null;
    }

    static String snakeCase(String camel) {
        StringBuilder snake = new StringBuilder();
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) {
                snake.append('_').append(Character.toLowerCase(c));
            } else {
                snake.append(c);
            }
        }
        return snake.toString();
    }
}
