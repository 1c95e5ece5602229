package com.salescadence.imports;

import java.time.LocalDate;
import java.util.Set;

import com.salescadence.pipeline.FunnelPolicy;
import com.salescadence.pipeline.stage.StageModel;

/**
 * What validation checks rows against: the stage model in force, the funnel policy, the currencies the
 * system uses (the first is the default for a row without one), today in the business clock, and whose
 * deals the importer may create (null: anyone's, for an admin).
 */
public record ImportRules(StageModel stageModel, FunnelPolicy funnel, java.util.List<String> currencies, LocalDate today,
                          String importer, Set<String> allowedOwners) {

    public ImportRules {
        currencies = java.util.List.copyOf(currencies);
    }

    public String defaultCurrency() {
        return currencies.get(0);
    }

    boolean mayOwn(String ownerId) {
        return allowedOwners == null || allowedOwners.contains(ownerId);
    }
}
