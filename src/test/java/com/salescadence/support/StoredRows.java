package com.salescadence.support;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the product's tables hold, to prove a refused request stored nothing: every row of every table of the
 * product (not the engine's ACT_ tables, not Flyway's history) as text, equal before and after. And the message of a
 * refusal, as the walks of hostile input read it.
 */
public final class StoredRows {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TITLE = Pattern.compile("<title>([^<]*)</title>");

    private final JdbcTemplate jdbc;
    private final List<String> tables;

    public StoredRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.tables = jdbc.queryForList("select table_name from information_schema.tables where lower(table_schema) = "
                        + (TestDatabase.postgres() ? "current_schema()" : "'public'") + " and table_type in ('TABLE', 'BASE TABLE')",
                String.class).stream()
                .filter(t -> !t.toLowerCase().startsWith("act_") && !t.toLowerCase().contains("schema_history")).sorted().toList();
        if (tables.isEmpty()) {
            throw new IllegalStateException("no tables of the product found");
        }
    }

    /** Every row of the product's tables, as text. */
    public String now() {
        StringBuilder rows = new StringBuilder();
        for (String table : tables) {
            rows.append(table).append(jdbc.queryForList("select * from \"" + table + "\"")).append('\n');
        }
        return rows.toString();
    }

    /**
     * The message of a refusal: the JSON's message (/engine-rest) or error (/api); for the servlet container's own
     * HTML page (it refuses a NUL in the URL before the application sees it) its title.
     */
    public static String message(String body) {
        if (body == null) {
            return "";
        }
        Matcher title = TITLE.matcher(body);
        if (body.startsWith("<!doctype html") && title.find()) {
            return title.group(1);
        }
        try {
            JsonNode json = JSON.readTree(body);
            return json.path("message").asText(json.path("error").asText(""));
        } catch (Exception e) {
            return "";
        }
    }

    public static String abbreviated(String body) {
        return body == null || body.length() < 300 ? body : body.substring(0, 300) + "...";
    }
}
