package com.salescadence.support;

import java.util.List;
import java.util.Map;

/** Typed views of JSON read into plain maps and lists (TestRestTemplate, WebDriver's executeScript). */
public final class JsonValues {

    private JsonValues() {
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}
