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

    /** The refusal of an advance the gate does not pass, in Chinese and English, naming each missing outcome. */
    public String refusal() {
        return "还不能从「" + from.name("zh") + "」推进到「" + to.name("zh") + "」：缺少必需的成果："
                + String.join("；", missing.stream().map(o -> o.label("zh")).toList()) + "。 / " + explanation();
    }
}
