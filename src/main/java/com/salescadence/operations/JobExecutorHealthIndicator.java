package com.salescadence.operations;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health of Camunda's job executor ({@code /actuator/health/jobExecutor}), which fires every timer and
 * asynchronous step of the cadence.
 * <ul>
 * <li>UP: the executor runs (or is off by configuration, {@code camunda.bpm.job-execution.enabled=false},
 * e.g. a web-only node: then {@code executor} says so).</li>
 * <li>DOWN: the executor should run but does not: no timer would fire on this node.</li>
 * </ul>
 * The details count the jobs with no retries left: each is an incident, shown in Cockpit, that waits for
 * an operator (fix the cause, then set the job's retries). Incidents do not take a node out of service:
 * they belong to one process instance, not to the node.
 */
@Component("jobExecutorHealthIndicator") // replaces Camunda starter's indicator of that name; shown as "jobExecutor"
public class JobExecutorHealthIndicator implements HealthIndicator {

    private final ProcessEngine engine;
    private final boolean enabled;

    JobExecutorHealthIndicator(ProcessEngine engine,
            @Value("${camunda.bpm.job-execution.enabled:true}") boolean enabled) {
        this.engine = engine;
        this.enabled = enabled;
    }

    @Override
    public Health health() {
        JobExecutor executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
        boolean active = executor != null && executor.isActive();
        ManagementService management = engine.getManagementService();
        long withoutRetries = management.createJobQuery().noRetriesLeft().count();
        long incidents = engine.getRuntimeService().createIncidentQuery().count();
        Health.Builder health;
        if (!enabled) {
            health = Health.up().withDetail("executor", "off by configuration (camunda.bpm.job-execution.enabled=false)");
        } else if (active) {
            health = Health.up().withDetail("executor", "active");
        } else {
            health = Health.down().withDetail("executor", "not running: timers and asynchronous steps do not run on this node");
        }
        return health.withDetail("jobsWithoutRetries", withoutRetries)
                .withDetail("incidents", incidents)
                .build();
    }
}
