package com.salescadence.cadence.quarterly;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.salescadence.common.Inputs;

/** One row of the manager's review form: whose target, the target, the outcome of the review. */
public record TargetInput(String personId, BigDecimal target, String outcome) {

    /** The rows of the form's dynamic list; a number that is no number is refused naming the rep. */
    public static List<TargetInput> parse(List<Map<String, Object>> rows) {
        return rows.stream().map(row -> {
            String person = Inputs.text(row.get("personId"));
            return new TargetInput(person, Inputs.amount(row.get("target"), "Target for " + person), Inputs.text(row.get("outcome")));
        }).toList();
    }
}
