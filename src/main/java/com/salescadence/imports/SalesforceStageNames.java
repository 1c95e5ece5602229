package com.salescadence.imports;

import java.util.List;

/**
 * A Salesforce export's stage names for the import page's mapping: the active stage model and its stages, and each of the
 * team's stage names with how often the files use it and the stage it resolves to without a choice (null: one must be chosen).
 */
public record SalesforceStageNames(String modelId, String modelName, String modelNameZh, List<StageOption> stages,
                                   List<TeamStage> names) {

    public record StageOption(String code, String name, String nameZh, String kind) {
    }

    public record TeamStage(String name, int opportunities, int historyRows, String suggested) {
    }
}
