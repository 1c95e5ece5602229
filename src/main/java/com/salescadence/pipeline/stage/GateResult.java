package com.salescadence.pipeline.stage;

import java.util.List;

/** What the stage gate decided: passed, or the required outcomes still missing. */
public record GateResult(Stage from, Stage to, List<Outcome> missing) {

    public boolean passed() {
        return missing.isEmpty();
    }

    /** The refusal as the rep reads it. */
    public String explanation() {
        if (passed()) {
            return "All required outcomes of " + from.name() + " are evidenced.";
        }
        return "Cannot advance from " + from.name() + " to " + to.name() + " yet: missing required outcome(s): "
                + String.join("; ", missing.stream().map(Outcome::label).toList()) + ".";
    }
}
