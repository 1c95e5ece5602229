package com.salescadence.workflow.admin;

import java.util.Map;

/**
 * Settings a capability contributes to the administrators' cadence overview (GET /api/admin/cadence), by their
 * property names with the values in force. Implemented by the capability's settings (forecast.ForecastThresholds),
 * so the overview does not depend on the capabilities.
 */
public interface CadenceSettings {

    Map<String, Object> cadenceSettings();
}
