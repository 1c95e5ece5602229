package com.salescadence.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.salescadence.common.ValidationException;
import com.salescadence.pipeline.stage.Stage;
import com.salescadence.pipeline.stage.StageKind;
import com.salescadence.pipeline.stage.StageModel;

/**
 * The team's Salesforce stage names (StageName of Opportunity.csv, OpportunityHistory.csv, and OpportunityFieldHistory.csv's
 * stage changes) and the stage of the active model each one stands for. A name is resolved by the mapping chosen on the
 * import page, else by a stage of the model with that code or name, else, for a name Opportunity.csv only uses on closed
 * deals, by the won or lost stage its IsWon says. A name none of these resolves has no stage: its rows are refused.
 */
final class SalesforceStages {

    private final StageModel model;
    private final Map<String, String> mapping = new HashMap<>();
    /** What Opportunity.csv says a name is: the won or lost kind when every deal in it is closed that way, else OPEN. */
    private final Map<String, StageKind> evidence;

    SalesforceStages(StageModel model, Map<String, String> mapping, Map<String, StageKind> evidence) {
        this.model = model;
        mapping.forEach((name, code) -> this.mapping.put(key(name), code));
        this.evidence = new HashMap<>();
        evidence.forEach((name, kind) -> this.evidence.put(key(name), kind));
    }

    /** Refuses (400) a mapping that names a stage the active model does not have. */
    static void checkMapping(StageModel model, Map<String, String> mapping) {
        List<String> bad = mapping.entrySet().stream()
                .filter(e -> e.getValue() != null && !e.getValue().isBlank() && model.find(e.getValue().trim()).isEmpty())
                .map(e -> "'" + e.getKey() + "' -> '" + e.getValue() + "'").toList();
        if (!bad.isEmpty()) {
            throw new ValidationException("The stage mapping names stages " + model.name() + " does not have: " + String.join(", ", bad)
                    + "; its stages are " + String.join(", ", model.codes()) + ". / 阶段映射中的阶段不属于" + model.name("zh")
                    + "：" + String.join("，", bad) + "。");
        }
    }

    /** The stage a Salesforce stage name stands for, if any. */
    Optional<Stage> resolve(String name) {
        String chosen = mapping.get(key(name));
        if (chosen != null && !chosen.isBlank()) {
            return model.find(chosen.trim());
        }
        Optional<Stage> same = model.stages().stream()
                .filter(s -> s.code().equalsIgnoreCase(name.trim()) || s.name().equalsIgnoreCase(name.trim())).findFirst();
        if (same.isPresent()) {
            return same;
        }
        StageKind kind = evidence.get(key(name));
        if (kind == StageKind.WON) {
            return Optional.of(model.won());
        }
        if (kind == StageKind.LOST) {
            return Optional.of(model.lost());
        }
        return Optional.empty();
    }

    /** What Opportunity.csv's IsClosed and IsWon say of each stage name. */
    static Map<String, StageKind> evidence(Sheet opportunities) {
        Map<String, StageKind> kinds = new HashMap<>();
        if (opportunities == null) {
            return kinds;
        }
        for (CsvRecord row : opportunities.rows()) {
            String name = opportunities.value(row, "StageName");
            if (name.isEmpty() || Boolean.TRUE.equals(flag(opportunities.value(row, "IsDeleted")))) {
                continue;
            }
            Boolean closed = flag(opportunities.value(row, "IsClosed"));
            Boolean won = flag(opportunities.value(row, "IsWon"));
            StageKind kind = closed == null || won == null ? StageKind.OPEN : !closed ? StageKind.OPEN : won ? StageKind.WON : StageKind.LOST;
            kinds.merge(name, kind, (a, b) -> a == b ? a : StageKind.OPEN);
        }
        return kinds;
    }

    /** One stage name of an export, how often it is used, and the stage it resolves to without a choice (null: none). */
    record Name(String name, int opportunities, int historyRows, String suggested) {
    }

    /** Every stage name of the export's files, sorted, with what it resolves to. */
    static List<Name> names(StageModel model, Map<ImportKind, Sheet> sheets) {
        Map<String, int[]> counts = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        Sheet opportunities = sheets.get(ImportKind.SALESFORCE_OPPORTUNITY);
        if (opportunities != null) {
            for (CsvRecord row : opportunities.rows()) {
                count(counts, opportunities.value(row, "StageName"), 0);
            }
        }
        Sheet history = sheets.get(ImportKind.SALESFORCE_OPPORTUNITY_HISTORY);
        if (history != null) {
            history.rows().forEach(row -> count(counts, history.value(row, "StageName"), 1));
        }
        Sheet fields = sheets.get(ImportKind.SALESFORCE_OPPORTUNITY_FIELD_HISTORY);
        if (fields != null) {
            for (CsvRecord row : fields.rows()) {
                if (fields.value(row, "Field").equalsIgnoreCase("StageName")) {
                    count(counts, fields.value(row, "OldValue"), 1);
                    count(counts, fields.value(row, "NewValue"), 1);
                }
            }
        }
        SalesforceStages stages = new SalesforceStages(model, Map.of(), evidence(opportunities));
        List<Name> names = new ArrayList<>();
        counts.forEach((name, n) -> names.add(new Name(name, n[0], n[1], stages.resolve(name).map(Stage::code).orElse(null))));
        return names;
    }

    private static void count(Map<String, int[]> counts, String name, int which) {
        if (!name.isBlank()) {
            counts.computeIfAbsent(name.trim(), k -> new int[2])[which]++;
        }
    }

    /** Salesforce's booleans: true/false (Data Export, Data Loader) or 1/0; null for anything else. */
    static Boolean flag(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "true", "1" -> Boolean.TRUE;
            case "false", "0" -> Boolean.FALSE;
            default -> null;
        };
    }

    private static String key(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }
}
