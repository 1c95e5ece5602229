package com.salescadence.cadence;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import com.salescadence.workflow.admin.CadenceSettings;

/**
 * The reps' reliability shown in the Monday call (issue 16, item 4).
 *
 * @param weeks    how many completed weeks before the call's week are looked at (13, a quarter)
 * @param minWeeks fewer usable weeks (a commit above 0) than this and the call shows "not enough history" (4)
 */
@ConfigurationProperties("cadence.reliability")
public record ReliabilitySettings(@DefaultValue("13") int weeks, @DefaultValue("4") int minWeeks) implements CadenceSettings {

    @Override
    public Map<String, Object> cadenceSettings() {
        return Map.of("cadence.reliability.weeks", weeks, "cadence.reliability.min-weeks", minWeeks);
    }

    public ReliabilitySettings {
        if (weeks < 1 || minWeeks < 1 || minWeeks > weeks) {
            throw new IllegalArgumentException("cadence.reliability: weeks (" + weeks + ") and min-weeks (" + minWeeks
                    + ") must be at least 1, min-weeks at most weeks");
        }
    }
}
