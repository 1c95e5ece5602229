package com.salescadence.workflow;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.delegate.VariableScope;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.salescadence.common.Inputs;
import com.salescadence.common.ValidationException;

/**
 * The fields a person submitted with a task form, read once and typed. Form fields are input, not
 * process state: {@link #clear()} removes them again so the process keeps only ids and decisions.
 */
public final class FormInput {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final VariableScope scope;
    private final Set<String> read = new LinkedHashSet<>();

    private FormInput(VariableScope scope) {
        this.scope = scope;
    }

    public static FormInput of(VariableScope scope) {
        return new FormInput(scope);
    }

    private Object raw(String name) {
        read.add(name);
        return scope.getVariable(name);
    }

    public String text(String name) {
        return Inputs.text(raw(name));
    }

    public BigDecimal amount(String name, String label) {
        return Inputs.amount(raw(name), label);
    }

    public Integer percent(String name, String label) {
        return Inputs.percent(raw(name), label);
    }

    public LocalDate date(String name, String label) {
        return Inputs.date(raw(name), label);
    }

    /** One of the allowed choices of a radio group, or a refusal that lists them. */
    public String choice(String name, String label, String... allowed) {
        String value = text(name);
        if (value == null || !Arrays.asList(allowed).contains(value)) {
            throw new ValidationException(label + ": choose one of " + String.join(", ", allowed)
                    + (value == null ? "." : ", not '" + value + "'."));
        }
        return value;
    }

    /** The values of a checklist: a JSON array, a collection, or comma separated text. */
    public List<String> list(String name) {
        Object value = raw(name);
        if (value == null) {
            return List.of();
        }
        if (value instanceof Collection<?> collection) {
            return values(name, new ArrayList<>(collection));
        }
        String text = value.toString().trim();
        if (text.isEmpty()) {
            return List.of();
        }
        if (text.startsWith("[")) {
            List<Object> parsed;
            try {
                parsed = JSON.readValue(text, new TypeReference<List<Object>>() { });
            } catch (Exception e) {
                throw new ValidationException("'" + name + "' is not a list of values.");
            }
            return values(name, parsed);
        }
        List<String> values = new ArrayList<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                values.add(part.trim());
            }
        }
        return values;
    }

    /** The rows of a dynamic list: a JSON array of objects, or a list of maps. */
    @SuppressWarnings("unchecked")
    public List<java.util.Map<String, Object>> objects(String name) {
        Object value = raw(name);
        if (value == null) {
            return List.of();
        }
        List<?> rows;
        if (value instanceof Collection<?> collection) {
            rows = new ArrayList<>(collection);
        } else {
            String text = value.toString().trim();
            if (text.isEmpty()) {
                return List.of();
            }
            try {
                rows = JSON.readValue(text, new TypeReference<List<Object>>() { });
            } catch (Exception e) {
                throw new ValidationException("'" + name + "' is not a list of rows.");
            }
        }
        // each row an object of fields: a string, a number or null in the list is refused here, not a 500 later
        for (int i = 0; i < rows.size(); i++) {
            if (!(rows.get(i) instanceof java.util.Map<?, ?>)) {
                throw new ValidationException("'" + name + "' row " + (i + 1) + " is not a row of fields.");
            }
        }
        return rows.stream().map(row -> (java.util.Map<String, Object>) row).toList();
    }

    /** The values of a list field: texts or numbers, none empty. */
    private static List<String> values(String name, List<?> items) {
        List<String> values = new ArrayList<>();
        for (Object item : items) {
            if (item == null || item instanceof Collection<?> || item instanceof java.util.Map<?, ?> || item.toString().isBlank()) {
                throw new ValidationException("'" + name + "' holds an empty or nested value; it is a list of values.");
            }
            values.add(item.toString().trim());
        }
        return values;
    }

    /** Removes every field read so far from the process. */
    public void clear() {
        scope.removeVariables(read);
    }
}
