package com.salescadence.workflow;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import com.salescadence.common.NotFoundException;
import com.salescadence.organization.OrganizationService;
import com.salescadence.organization.Role;

/**
 * Who may read the rows an embedded form shows for an open task (GET /api/... of a form): the task's assignee, a
 * candidate (user or group), or a manager above the assignee. A task that does not exist, is completed or is not
 * of the expected activity is 404; someone else's is 403.
 */
@Component
public class TaskReaders {

    private final TaskService taskService;
    private final IdentityService identityService;
    private final OrganizationService organization;

    TaskReaders(TaskService taskService, IdentityService identityService, OrganizationService organization) {
        this.taskService = taskService;
        this.identityService = identityService;
        this.organization = organization;
    }

    /** The open task of that activity that {@code userId} may read, or 404 / 403. */
    public Task readable(String taskId, String activityId, String userId) {
        Task task = taskService.createTaskQuery().taskId(taskId).active().singleResult();
        if (task == null || !activityId.equals(task.getTaskDefinitionKey())) {
            throw new NotFoundException("没有这个待办任务。 / There is no open task " + taskId + " of this kind.");
        }
        if (userId.equals(task.getAssignee()) || isCandidate(task, userId) || isManagerAbove(task.getAssignee(), userId)) {
            return task;
        }
        throw new AccessDeniedException("Task " + taskId + " is not yours or your team's.");
    }

    /** Variables of the open task of that activity that {@code userId} may read (the task's and its process's), or 404 / 403. */
    public Map<String, Object> variables(String taskId, String activityId, String userId, String... names) {
        return taskService.getVariables(readable(taskId, activityId, userId).getId(), List.of(names));
    }

    private boolean isCandidate(Task task, String userId) {
        List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
        for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType())
                    && (userId.equals(link.getUserId()) || (link.getGroupId() != null && groups.contains(link.getGroupId())))) {
                return true;
            }
        }
        return false;
    }

    private boolean isManagerAbove(String assignee, String userId) {
        return assignee != null && !assignee.equals(userId)
                && organization.findPerson(userId).map(p -> p.role() == Role.MANAGER).orElse(false)
                && organization.canSee(userId, assignee);
    }
}
