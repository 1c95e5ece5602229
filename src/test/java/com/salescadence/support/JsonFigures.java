package com.salescadence.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Reading the metrics API's JSON in tests: amounts compared as numbers, Figure objects with their flag and inputs. */
public final class JsonFigures {

    private JsonFigures() {
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    public static void amount(Map<String, Object> json, String field, String expected) {
        assertThat(json.get(field)).as(field + " of " + json).isNotNull();
        assertThat(new BigDecimal(String.valueOf(json.get(field)))).as(field + " of " + json).isEqualByComparingTo(expected);
    }

    /** A Figure: its value (null when it cannot be computed), its flag, and the inputs named. */
    public static void figure(Map<String, Object> json, String name, String value, String flag, Map<String, String> inputs) {
        Map<String, Object> figure = map(json.get(name));
        assertThat(figure).as(name).containsKey("value").containsEntry("flag", flag);
        if (value == null) {
            assertThat(figure.get("value")).as(name).isNull();
        } else {
            amount(figure, "value", value);
        }
        Map<String, Object> actual = map(figure.get("inputs"));
        inputs.forEach((input, expected) -> amount(actual, input, expected));
    }

    /** A forecast category bucket: raw and final amounts, own and adjustedAbove amounts or null. */
    public static void bucket(Map<String, Object> row, String name, String raw, String own, String adjustedAbove, String fin) {
        Map<String, Object> bucket = map(row.get(name));
        assertThat(bucket).as(name).containsKeys("raw", "own", "adjustedAbove", "final");
        amount(bucket, "raw", raw);
        amount(bucket, "final", fin);
        nullableAmount(bucket, name, "own", own);
        nullableAmount(bucket, name, "adjustedAbove", adjustedAbove);
    }

    /** An amount, or null when expected is null (the key present either way). */
    public static void nullableAmount(Map<String, Object> json, String what, String field, String expected) {
        if (expected == null) {
            assertThat(json).as(what + " " + field).containsEntry(field, null);
        } else {
            amount(json, field, expected);
        }
    }
}
