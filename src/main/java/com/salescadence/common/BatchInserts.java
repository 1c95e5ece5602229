package com.salescadence.common;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Inserts many rows with one JDBC batch and returns their generated ids in the order of the rows (H2 and PostgreSQL
 * both return the keys of a batch in order). A bulk write (the CSV import) sends one round trip per batch, not one
 * statement per row.
 */
public final class BatchInserts {

    private BatchInserts() {
    }

    /** The generated {@code id} of each row, in order; values are bound as {@code JdbcTemplate.update} binds them. */
    public static List<Long> withIds(JdbcTemplate jdbc, String sql, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.batchUpdate(connection -> connection.prepareStatement(sql, new String[] {"id"}), new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement statement, int i) throws SQLException {
                bind(statement, rows.get(i));
            }

            @Override
            public int getBatchSize() {
                return rows.size();
            }
        }, keys);
        List<Map<String, Object>> generated = keys.getKeyList();
        if (generated.size() != rows.size()) {
            throw new IllegalStateException("The driver returned " + generated.size() + " ids for " + rows.size() + " rows.");
        }
        List<Long> ids = new ArrayList<>(rows.size());
        for (Map<String, Object> key : generated) {
            Object id = key.size() == 1 ? key.values().iterator().next()
                    : key.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("id")).findFirst().orElseThrow().getValue();
            ids.add(((Number) id).longValue());
        }
        return ids;
    }

    /** Rows without generated keys, one batch. */
    public static void all(JdbcTemplate jdbc, String sql, List<Object[]> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(sql, rows);
        }
    }

    private static void bind(PreparedStatement statement, Object[] values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            StatementCreatorUtils.setParameterValue(statement, i + 1, StatementCreatorUtils.javaTypeToSqlParameterType(
                    values[i] == null ? null : values[i].getClass()), values[i]);
        }
    }
}
