package com.salescadence.forecasting;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import com.salescadence.pipeline.StageRates;
import com.salescadence.pipeline.stage.Stage;
import com.salescadence.pipeline.stage.StageModel;
import com.salescadence.pipeline.stage.StageModelCatalog;

/**
 * "The forecast" everywhere else (the metrics, the roll-up) weighs open deals as {@code cadence.forecasting.method}
 * says (issue 16, item 2): CONFIGURED (the default, as before) the stage model's win rate, exactly as the caller
 * weighed it; CLAIMED the reps' claimed probabilities; LEARNED amount x the learned rate of the owner's branch
 * ({@link LearnedRates}, from the verdicts known by the as-of day), read on the first deal weighed and then kept for
 * the lookup's life. A deal of another stage model than the active one (whose rates are learned) keeps its configured
 * weight.
 */
@Component
class ForecastWeighing implements StageRates {

    private final ForecastingSettings settings;
    /** Looked up when first needed: the win rates read through the metrics' queries, which weigh through this. */
    private final ObjectProvider<WinRateService> winRates;
    private final StageModelCatalog stageModels;

    ForecastWeighing(ForecastingSettings settings, ObjectProvider<WinRateService> winRates, StageModelCatalog stageModels) {
        this.settings = settings;
        this.winRates = winRates;
        this.stageModels = stageModels;
    }

    @Override
    public Weighing asOf(LocalDate asOf) {
        return switch (settings.method()) {
            case CONFIGURED -> (owner, model, stage, amount, configured, claimed) -> configured;
            case CLAIMED -> (owner, model, stage, amount, configured, claimed) -> claimed;
            case LEARNED -> learned(asOf);
        };
    }

    private Weighing learned(LocalDate asOf) {
        StageModel active = stageModels.active();
        LearnedRates[] rates = {null};
        return (owner, model, code, amount, configured, claimed) -> {
            Stage stage = active.id().equals(model) ? active.find(code).filter(Stage::isOpen).orElse(null) : null;
            if (stage == null) {
                return configured;
            }
            if (rates[0] == null) {
                rates[0] = winRates.getObject().learnedRates(active, asOf);
            }
            return amount.multiply(BigDecimal.valueOf(rates[0].rate(owner, stage)));
        };
    }
}
