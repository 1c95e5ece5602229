package com.salescadence.cadence;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import com.salescadence.workflow.admin.CadenceSettings;

/**
 * The bands managers steer by (docs/domain.md section 3), as settings with the seeds' defaults.
 *
 * @param accuracyLow      commit accuracy below this is flagged (95%)
 * @param accuracyHigh     commit accuracy above this is flagged (110%)
 * @param linearityLow     a week's commit below this share of its linear part is flagged (95%)
 * @param linearityHigh    ... above this share (100%)
 * @param unfulfilledMax   unfulfilled order share at or above this is flagged (5%)
 */
@ConfigurationProperties("cadence.thresholds")
public record ForecastThresholds(
        @DefaultValue("0.95") BigDecimal accuracyLow,
        @DefaultValue("1.10") BigDecimal accuracyHigh,
        @DefaultValue("0.95") BigDecimal linearityLow,
        @DefaultValue("1.00") BigDecimal linearityHigh,
        @DefaultValue("0.05") BigDecimal unfulfilledMax) implements CadenceSettings {

    @Override
    public Map<String, Object> cadenceSettings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("cadence.thresholds.accuracy-low", accuracyLow);
        settings.put("cadence.thresholds.accuracy-high", accuracyHigh);
        settings.put("cadence.thresholds.linearity-low", linearityLow);
        settings.put("cadence.thresholds.linearity-high", linearityHigh);
        settings.put("cadence.thresholds.unfulfilled-max", unfulfilledMax);
        return settings;
    }
}
