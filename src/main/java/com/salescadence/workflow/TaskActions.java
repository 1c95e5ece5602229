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

    private final TaskService taskService;
    private final IdentityService identityService;

    TaskActions(TaskService taskService, IdentityService identityService) {
        this.taskService = taskService;
        this.identityService = identityService;
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

    @Transactional
    public void complete(String businessKey, String activityId, String userId, Map<String, Object> fields) {
        Task task = openTaskFor(businessKey, activityId, userId);
        identityService.setAuthentication(userId, groupsOf(userId));
        try {
            taskService.complete(task.getId(), fields);
        } finally {
            identityService.clearAuthentication();
        }
    }

    private boolean mayWork(Task task, String userId, List<String> groups) {
        if (task.getAssignee() != null) {
            return task.getAssignee().equals(userId);
        }
        for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
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
