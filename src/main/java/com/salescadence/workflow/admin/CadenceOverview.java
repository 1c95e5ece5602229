package com.salescadence.workflow.admin;

import java.util.List;
import java.util.Map;

/**
 * The cadence as deployed: every cadence process with its version, next start and timers, the time zone
 * the timers are read in, and the settings the models read with their current values.
 */
public record CadenceOverview(String timeZone, List<Process> processes, Map<String, Object> settings) {

    /**
     * @param startCron      the cron of the timer start event, as the model states it (null: started by another process)
     * @param nextStart      due date of the engine's timer-start job, in the configured zone (ISO, with offset)
     * @param nextStartText  the same for people, e.g. "Friday 2023-08-11 17:00 (Asia/Shanghai)"
     * @param deadlines      user task due dates (camunda:dueDate) by task id
     */
    public record Process(String key, String name, int version, String definitionId, String deploymentId,
                          String deploymentName, String deployedAt, String startCron, String nextStart,
                          String nextStartText, List<Timer> timers, List<Deadline> deadlines) {
    }

    /** @param type timeDate, timeDuration or timeCycle */
    public record Timer(String elementId, String name, String type, String expression) {
    }

    public record Deadline(String elementId, String name, String dueDate) {
    }
}
