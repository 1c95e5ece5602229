package com.salescadence.support;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * Drives processes in tests as time and people would: moves the engine's clock, executes the due jobs
 * of a cycle's instances as the job executor would, completes a task as a signed-in person.
 */
public final class ProcessDriver {

    private final ProcessEngine engine;
    private final IdentityService identityService;

    public ProcessDriver(ProcessEngine engine) {
        this.engine = engine;
        this.identityService = engine.getIdentityService();
    }

    /**
     * Executes the due jobs of every instance whose business key starts with the prefix, earliest due
     * first and one at a time (a job may create or remove others), until none is due.
     */
    public void runDueJobs(String businessKeyPrefix) {
        for (int round = 0; round < 500; round++) {
            Set<String> instances = engine.getRuntimeService().createProcessInstanceQuery()
                    .processInstanceBusinessKeyLike(businessKeyPrefix + "%").list().stream()
                    .map(ProcessInstance::getId).collect(Collectors.toSet());
            List<Job> due = engine.getManagementService().createJobQuery().executable().list().stream()
                    .filter(job -> instances.contains(job.getProcessInstanceId()))
                    .sorted(Comparator.comparing(Job::getDuedate, Comparator.nullsFirst(Comparator.naturalOrder())))
                    .toList();
            if (due.isEmpty()) {
                return;
            }
            engine.getManagementService().executeJob(due.get(0).getId());
        }
        throw new AssertionError("jobs keep coming for " + businessKeyPrefix);
    }

    public ProcessInstance instance(String processKey, String businessKey) {
        ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(processKey)
                .processInstanceBusinessKey(businessKey).singleResult();
        Assertions.assertThat(instance).as(processKey + " " + businessKey).isNotNull();
        return instance;
    }

    public Task task(ProcessInstance instance, String activity) {
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(activity).singleResult();
        Assertions.assertThat(task).as(activity + " of " + instance.getBusinessKey()).isNotNull();
        return task;
    }

    public void assertEnded(String processKey, String businessKey) {
        var historic = engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(processKey)
                .processInstanceBusinessKey(businessKey).singleResult();
        Assertions.assertThat(historic).as(processKey + " " + businessKey).isNotNull();
        Assertions.assertThat(historic.getEndTime()).as(processKey + " " + businessKey + " ended").isNotNull();
    }

    /** Completes the task as that person with their groups, as the Tasklist does. */
    public void completeAs(String userId, Task task, Map<String, Object> fields) {
        identityService.setAuthentication(userId, identityService.createGroupQuery().groupMember(userId).list()
                .stream().map(Group::getId).toList());
        try {
            engine.getTaskService().complete(task.getId(), new HashMap<>(fields));
        } finally {
            identityService.clearAuthentication();
        }
    }

    public static void setClock(LocalDateTime time) {
        ClockUtil.setCurrentTime(date(time));
    }

    public static Date date(LocalDateTime time) {
        return Date.from(time.atZone(ZoneId.systemDefault()).toInstant());
    }

    public static LocalDateTime toLocal(Date date) {
        return LocalDateTime.ofInstant(date.toInstant(), ZoneId.systemDefault());
    }
}
