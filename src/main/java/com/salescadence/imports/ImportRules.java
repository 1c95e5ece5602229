package com.salescadence.imports;

import java.time.LocalDate;
import java.util.Set;

import com.salescadence.pipeline.FunnelPolicy;
import com.salescadence.pipeline.stage.StageModel;

/**
 * What validation checks rows against: the stage model in force, the funnel policy, the currencies the
 * system uses (the first is the default for a row without one), today in the business clock, and whose
 * deals the importer may create (null: anyone's, for an admin), and for a Salesforce export the stage of the model
 * each of the team's stage names was mapped to on the import page (stage name to stage code).
 */
public record ImportRules(StageModel stageModel, FunnelPolicy funnel, java.util.List<String> currencies, LocalDate today,
                          String importer, Set<String> allowedOwners, java.util.Map<String, String> stageMapping) {

    public ImportRules {
        currencies = java.util.List.copyOf(currencies);
        stageMapping = stageMapping == null ? java.util.Map.of() : java.util.Map.copyOf(stageMapping);
    }

    /** Rules without a Salesforce stage mapping. */
    public ImportRules(StageModel stageModel, FunnelPolicy funnel, java.util.List<String> currencies, LocalDate today,
                       String importer, Set<String> allowedOwners) {
        this(stageModel, funnel, currencies, today, importer, allowedOwners, java.util.Map.of());
    }

    public String defaultCurrency() {
        return currencies.get(0);
    }

    boolean mayOwn(String ownerId) {
        return allowedOwners == null || allowedOwners.contains(ownerId);
    }
}
