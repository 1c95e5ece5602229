package com.salescadence.metrics;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One figure of the dashboard: its value (an amount or a ratio as a fraction, null when it cannot be
 * computed), its flag against the threshold, the threshold as text, the inputs it was computed from, and
 * (where set) the {@link Scope} of deals or reports it counts.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Figure(BigDecimal value, Flag flag, String threshold,
                     @JsonInclude(value = JsonInclude.Include.ALWAYS, content = JsonInclude.Include.ALWAYS)
                     Map<String, BigDecimal> inputs,
                     @JsonInclude(JsonInclude.Include.NON_NULL) Scope scope) {

    public Figure {
        inputs = inputs == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
    }

    public Figure(BigDecimal value, Flag flag, String threshold, Map<String, BigDecimal> inputs) {
        this(value, flag, threshold, inputs, null);
    }

    /** This figure with the scope it counts. */
    public Figure in(Scope counted) {
        return new Figure(value, flag, threshold, inputs, counted);
    }

    public static Figure none(String threshold, Map<String, BigDecimal> inputs) {
        return new Figure(null, Flag.NONE, threshold, inputs);
    }

    /** Inputs in the order given; null values allowed (Map.of refuses them). */
    public static Map<String, BigDecimal> inputs(Object... nameValue) {
        Map<String, BigDecimal> map = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            map.put((String) nameValue[i], (BigDecimal) nameValue[i + 1]);
        }
        return map;
    }
}
