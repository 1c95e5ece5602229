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
}
