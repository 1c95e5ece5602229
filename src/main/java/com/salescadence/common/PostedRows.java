package com.salescadence.common;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A grid's typed rows as the process glue and the rules read a posted grid: one map per row, by field name, the
 * fields left out (null) absent, as the Tasklist form posts them. The API takes records (its schema), the rules keep
 * one reader for the form and the API, with the row-numbered messages.
 */
public final class PostedRows {

    private PostedRows() {
    }

    public static List<Map<String, Object>> of(List<? extends Record> rows) {
        List<Map<String, Object>> maps = new ArrayList<>();
        for (Record row : rows == null ? List.<Record>of() : rows) {
            if (row == null) {
                throw new ValidationException("每一行必须是一个对象。 / Each row must be an object.");
            }
            Map<String, Object> map = new LinkedHashMap<>();
            for (RecordComponent component : row.getClass().getRecordComponents()) {
                Object value = value(component, row);
                if (value != null) {
                    map.put(component.getName(), value);
                }
            }
            maps.add(map);
        }
        return maps;
    }

    private static Object value(RecordComponent component, Record row) {
        try {
            component.getAccessor().setAccessible(true);
            return component.getAccessor().invoke(row);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot read " + component.getName() + " of " + row.getClass().getName(), e);
        }
    }
}
