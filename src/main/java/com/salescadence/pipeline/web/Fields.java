package com.salescadence.pipeline.web;

import java.util.HashMap;
import java.util.Map;

/** The fields of a task form, built from an API request; absent values stay absent. */
final class Fields {

    private final Map<String, Object> values = new HashMap<>();

    static Fields of() {
        return new Fields();
    }

    Fields put(String name, Object value) {
        if (value != null) {
            values.put(name, value);
        }
        return this;
    }

    Map<String, Object> map() {
        return values;
    }
}
