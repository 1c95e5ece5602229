package com.salescadence.pipeline.stage;

import java.util.List;

/**
 * One stage of a stage model: its default win rate, the highest probability a rep may claim while a
 * deal sits in it, and the outcomes that must be evidenced before a deal may leave it.
 */
public record Stage(String code, String name, int winRate, int probabilityCap, StageKind kind, List<Outcome> outcomes,
                    String nameZh) {

    public Stage(String code, String name, int winRate, int probabilityCap, StageKind kind, List<Outcome> outcomes) {
        this(code, name, winRate, probabilityCap, kind, outcomes, null);
    }

    /** The stage's name in a language ("zh" or "en"); the English name where no Chinese one is configured. */
    public String name(String language) {
        return "zh".equals(language) && nameZh != null && !nameZh.isBlank() ? nameZh : name;
    }

    public Stage {
        outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
        kind = kind == null ? StageKind.OPEN : kind;
    }

    public List<Outcome> requiredOutcomes() {
        return outcomes.stream().filter(Outcome::required).toList();
    }

    public boolean isOpen() {
        return kind == StageKind.OPEN;
    }

    public String describe() {
        return name + " (" + winRate + "%)";
    }
}
