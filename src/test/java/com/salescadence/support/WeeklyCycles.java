package com.salescadence.support;

import static com.salescadence.workflow.WeeklyCommitProcess.*;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.Spin;

import com.salescadence.cadence.CycleKeys;

/** Drives weekly-commit cycles in tests as WeeklyCommitProcessTest does: engine clock, due jobs, task completion. */
public final class WeeklyCycles {

    private final ProcessEngine engine;

    public WeeklyCycles(ProcessEngine engine) {
        this.engine = engine;
    }

    /** Starts the cycle of that Sunday 08:00 (clock set there), runs its due jobs and returns its key. */
    public String open(LocalDateTime sunday) {
        setClock(sunday);
        engine.getRuntimeService().startProcessInstanceByKey(KEY, Map.of(CYCLE_START, date(sunday)));
        String key = CycleKeys.weekKey(CycleKeys.weekCommittedFrom(sunday.toLocalDate()));
        runDueJobs(key);
        return key;
    }

    /** Executes every due job of the cycle's instances, as the job executor would, until none is due. */
    public void runDueJobs(String cycleKey) {
        for (int round = 0; round < 200; round++) {
            List<Job> due = dueJobs(cycleKey);
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> engine.getManagementService().executeJob(job.getId()));
        }
        throw new AssertionError("jobs keep coming for " + cycleKey);
    }

    public List<Job> dueJobs(String cycleKey) {
        List<String> instances = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKeyLike(cycleKey + "%").list().stream().map(ProcessInstance::getId).toList();
        List<Job> due = new ArrayList<>();
        for (Job job : engine.getManagementService().createJobQuery().executable().list()) {
            if (instances.contains(job.getProcessInstanceId())) {
                due.add(job);
            }
        }
        return due;
    }

    public ProcessInstance instance(String processKey, String businessKey) {
        return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(processKey)
                .processInstanceBusinessKey(businessKey).singleResult();
    }

    public Task commitTask(String cycleKey, String rep) {
        ProcessInstance instance = instance(SUBMISSION_KEY, cycleKey + ":" + rep);
        return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(TASK_SUBMIT_WEEKLY_COMMIT).singleResult();
    }

    /** The rep submits an empty commit through the engine, as the Tasklist would. */
    public void submitEmptyCommit(String cycleKey, String rep) {
        completeAs(rep, commitTask(cycleKey, rep).getId(), Map.of(F_COMMIT_ITEMS, Spin.JSON(List.of()),
                F_PROJECT_TRACKING, "On track"));
    }

    public void completeAs(String userId, String taskId, Map<String, Object> fields) {
        var identity = engine.getIdentityService();
        identity.setAuthentication(userId, identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList());
        try {
            engine.getTaskService().complete(taskId, new HashMap<>(fields));
        } finally {
            identity.clearAuthentication();
        }
    }

    public static void setClock(LocalDateTime time) {
        ClockUtil.setCurrentTime(date(time));
    }

    public static Date date(LocalDateTime time) {
        return Date.from(time.atZone(ZoneId.systemDefault()).toInstant());
    }
}
