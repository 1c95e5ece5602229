package com.salescadence.cadence.process;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

import com.salescadence.cadence.Cycle;

/**
 * Walks a cycle without waiting: fires the cycle's earliest pending timers now (every timer due at that
 * same moment: all reps' reminders together, say), as the job executor would at their due time. For
 * demonstrations and for an admin who must run a week early; the job executor does the rest.
 */
@Component
public class CycleTimers {

    private final RuntimeService runtimeService;
    private final ManagementService managementService;

    CycleTimers(RuntimeService runtimeService, ManagementService managementService) {
        this.runtimeService = runtimeService;
        this.managementService = managementService;
    }

    /** The cycle's timers that are still to fire, earliest first. */
    public List<Job> pending(Cycle cycle) {
        Set<String> instances = runtimeService.createProcessInstanceQuery().processInstanceBusinessKeyLike(cycle.cycleKey() + "%")
                .list().stream()
                .filter(p -> p.getBusinessKey().equals(cycle.cycleKey()) || p.getBusinessKey().startsWith(cycle.cycleKey() + ":"))
                .map(ProcessInstance::getId).collect(Collectors.toSet());
        List<Job> timers = new ArrayList<>();
        for (String instance : instances) {
            timers.addAll(managementService.createJobQuery().timers().processInstanceId(instance).list());
        }
        timers.sort(Comparator.comparing(Job::getDuedate));
        return timers;
    }

    /** Fires the earliest pending timers of the cycle; returns how many fired per BPMN element. */
    public Map<String, Integer> fireNext(Cycle cycle) {
        List<Job> pending = pending(cycle);
        Map<String, Integer> fired = new LinkedHashMap<>();
        if (pending.isEmpty()) {
            return fired;
        }
        long next = pending.get(0).getDuedate().getTime();
        for (Job job : pending) {
            if (job.getDuedate().getTime() != next) {
                break;
            }
            String activity = managementService.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId())
                    .singleResult().getActivityId();
            managementService.executeJob(job.getId());
            fired.merge(activity, 1, Integer::sum);
        }
        return fired;
    }
}
