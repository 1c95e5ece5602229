package com.salescadence.workflow;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.salescadence.common.NotFoundException;

/**
 * Completes a person's open task of a process instance for the REST API, as the Tasklist would: as
 * that person (Camunda authorization applies), with the same fields, through the same listeners.
 */
@Service
public class TaskActions {

    /** How long after a task was completed a second completion by someone who could work it reads as a lost race (409). */
    static final java.time.Duration JUST_DONE = java.time.Duration.ofMinutes(10);

    private final TaskService taskService;
    private final IdentityService identityService;
    private final org.camunda.bpm.engine.HistoryService historyService;

    TaskActions(TaskService taskService, IdentityService identityService, org.camunda.bpm.engine.HistoryService historyService) {
        this.taskService = taskService;
        this.identityService = identityService;
        this.historyService = historyService;
    }

    /** The open task with that activity id in the instance of that business key that this person may work on. */
    public Task openTaskFor(String businessKey, String activityId, String userId) {
        List<String> groups = groupsOf(userId);
        return taskService.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(activityId)
                .active().list().stream()
                .filter(task -> mayWork(task, userId, groups))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("There is no open '" + activityId.replace("Task_", "")
                        + "' task for you on this deal."));
    }

    /**
     * Completes the person's open task. When there is none because that very task was completed a moment ago by
     * someone (a double click, a retry, approve and reject sent at once) and this person could have worked it, the
     * answer is a conflict (409) naming it, not "no task" (404); the second request stores nothing.
     */
    @Transactional
    public void complete(String businessKey, String activityId, String userId, Map<String, Object> fields) {
        Task task;
        try {
            task = openTaskFor(businessKey, activityId, userId);
        } catch (NotFoundException none) {
            throw justDone(businessKey, activityId, userId).orElseThrow(() -> none);
        }
        identityService.setAuthentication(userId, groupsOf(userId));
        try {
            taskService.complete(task.getId(), fields);
        } catch (RuntimeException refused) {
            // refused because another request completed the task meanwhile (the deal was decided already): a lost race
            throw completedMeanwhile(task, refused).orElseThrow(() -> refused);
        } finally {
            identityService.clearAuthentication();
        }
    }

    private java.util.Optional<com.salescadence.common.ConflictException> completedMeanwhile(Task task, RuntimeException refused) {
        com.salescadence.common.ConflictException lost = new com.salescadence.common.ConflictException("这项任务（" + task.getName()
                + "）刚被别人或另一次请求完成了，这次请求没有保存任何内容。 / This task (" + task.getName()
                + ") was completed by someone else or another request just now; nothing of this request was saved.");
        if (refused instanceof org.camunda.bpm.engine.exception.NullValueException gone
                && String.valueOf(gone.getMessage()).startsWith("Cannot find task with id " + task.getId())) {
            return java.util.Optional.of(lost); // the engine found it no more: the other request completed it first
        }
        try {
            return taskService.createTaskQuery().taskId(task.getId()).count() > 0 ? java.util.Optional.empty() : java.util.Optional.of(lost);
        } catch (RuntimeException unreadable) {
            return java.util.Optional.empty(); // the transaction cannot read any more: the original refusal stands
        }
    }

    private java.util.Optional<com.salescadence.common.ConflictException> justDone(String businessKey, String activityId,
                                                                                     String userId) {
        java.util.Date since = new java.util.Date(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().getTime()
                - JUST_DONE.toMillis());
        List<String> groups = groupsOf(userId);
        return historyService.createHistoricTaskInstanceQuery().processInstanceBusinessKey(businessKey)
                .taskDefinitionKey(activityId).finished().orderByHistoricTaskInstanceEndTime().desc().listPage(0, 1).stream()
                .filter(done -> done.getEndTime() != null && !done.getEndTime().before(since))
                .filter(done -> userId.equals(done.getAssignee()) || historyService.createHistoricIdentityLinkLogQuery()
                        .taskId(done.getId()).type(IdentityLinkType.CANDIDATE).list().stream()
                        .anyMatch(link -> userId.equals(link.getUserId()) || groups.contains(link.getGroupId())))
                .map(done -> new com.salescadence.common.ConflictException("这项任务（" + done.getName()
                        + "）刚刚已经完成（重复点击、重试或别人同时处理），这次请求没有保存任何内容。 / This task (" + done.getName()
                        + ") was completed a moment ago (a second click, a retry or someone at the same time); nothing of this "
                        + "request was saved."))
                .findFirst();
    }

    private boolean mayWork(Task task, String userId, List<String> groups) {
        if (task.getAssignee() != null) {
            return task.getAssignee().equals(userId);
        }
        List<IdentityLink> links;
        try {
            links = taskService.getIdentityLinksForTask(task.getId());
        } catch (org.camunda.bpm.engine.exception.NullValueException | NullPointerException gone) {
            // completed by another request since it was listed: no open task (complete() then answers 409). The engine
            // says so with "Cannot find task", or, when the task row is still read but its execution is gone already,
            // with a NullPointerException in its authorization check (seen with 10 payments at once on H2)
            return false;
        }
        for (IdentityLink link : links) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType())
                    && (userId.equals(link.getUserId()) || (link.getGroupId() != null && groups.contains(link.getGroupId())))) {
                return true;
            }
        }
        return false;
    }

    private List<String> groupsOf(String userId) {
        return identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    }
}
