package com.salescadence.pipeline.stage;

/** A verifiable outcome of a stage: evidence a customer would confirm, not an activity of the rep. */
public record Outcome(String code, String label, boolean required, int weight, String labelZh) {

    public Outcome(String code, String label, boolean required, int weight) {
        this(code, label, required, weight, null);
    }

    /** The outcome's label in a language ("zh" or "en"); the English label where no Chinese one is configured. */
    public String label(String language) {
        return "zh".equals(language) && labelZh != null && !labelZh.isBlank() ? labelZh : label;
    }
}
