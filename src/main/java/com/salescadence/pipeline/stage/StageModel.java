package com.salescadence.pipeline.stage;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.salescadence.common.ValidationException;

/**
 * A sales stage model: open stages in order, then one won and one lost stage. Loaded from
 * configuration (resources/stage-models/*.yml); nothing of it is written in Java.
 */
public record StageModel(String id, String name, List<Stage> stages, String nameZh) {

    public StageModel(String id, String name, List<Stage> stages) {
        this(id, name, stages, null);
    }

    /** The model's name in a language ("zh" or "en"). */
    public String name(String language) {
        return "zh".equals(language) && nameZh != null && !nameZh.isBlank() ? nameZh : name;
    }

    public StageModel {
        stages = List.copyOf(stages);
        List<String> problems = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (Stage stage : stages) {
            if (!codes.add(stage.code())) {
                problems.add("duplicate stage code " + stage.code());
            }
            if (stage.winRate() < 0 || stage.winRate() > 100) {
                problems.add(stage.code() + ": win rate must be 0-100");
            }
            if (stage.probabilityCap() < stage.winRate() || stage.probabilityCap() > 100) {
                problems.add(stage.code() + ": probability cap must lie between the win rate and 100");
            }
        }
        if (stages.stream().filter(s -> s.kind() == StageKind.WON).count() != 1) {
            problems.add("exactly one stage of kind WON is needed");
        }
        if (stages.stream().filter(s -> s.kind() == StageKind.LOST).count() != 1) {
            problems.add("exactly one stage of kind LOST is needed");
        }
        if (stages.stream().noneMatch(Stage::isOpen)) {
            problems.add("at least one open stage is needed");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Stage model '" + id + "' is invalid: " + String.join("; ", problems));
        }
    }

    public Optional<Stage> find(String code) {
        return stages.stream().filter(s -> s.code().equals(code)).findFirst();
    }

    /** The stage of that code, or a refusal a rep understands. */
    public Stage stage(String code) {
        return find(code).orElseThrow(() -> new ValidationException(
                "Unknown stage '" + code + "'. The stages of " + name + " are: " + String.join(", ", codes()) + "."));
    }

    public Stage first() {
        return funnel().get(0);
    }

    public Stage won() {
        return stages.stream().filter(s -> s.kind() == StageKind.WON).findFirst().orElseThrow();
    }

    public Stage lost() {
        return stages.stream().filter(s -> s.kind() == StageKind.LOST).findFirst().orElseThrow();
    }

    /** The open stages in order, then the won stage: the path a deal walks. */
    public List<Stage> funnel() {
        List<Stage> path = new ArrayList<>(stages.stream().filter(Stage::isOpen).toList());
        path.add(won());
        return path;
    }

    /** The stage after an open one; the won stage after the last open stage. */
    public Stage next(String code) {
        List<Stage> path = funnel();
        for (int i = 0; i < path.size() - 1; i++) {
            if (path.get(i).code().equals(code)) {
                return path.get(i + 1);
            }
        }
        throw new ValidationException("A deal in stage '" + code + "' cannot advance any further.");
    }

    public List<String> codes() {
        return stages.stream().map(Stage::code).toList();
    }
}
