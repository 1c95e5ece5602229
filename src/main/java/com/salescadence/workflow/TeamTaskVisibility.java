package com.salescadence.workflow;

import java.util.List;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import com.salescadence.organization.OrganizationService;

/**
 * A manager sees the tasks of their team: whenever a user task is assigned (also on creation), every manager
 * above the assignee is granted READ on it. The assignee's own rights come from the engine.
 */
@Component
public class TeamTaskVisibility extends AbstractProcessEnginePlugin {

    private final OrganizationService organization;

    TeamTaskVisibility(@Lazy OrganizationService organization) {
        this.organization = organization;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        EveryUserTask.addListener(configuration, TaskListener.EVENTNAME_ASSIGNMENT, this::grantManagersRead);
    }

    private void grantManagersRead(DelegateTask task) {
        String assignee = task.getAssignee();
        if (assignee == null) {
            return;
        }
        CommandContext command = Context.getCommandContext();
        var authorizations = command.getAuthorizationManager();
        // A task inserted by this command (a user task just created) has an id no row of ACT_RU_AUTHORIZATION can name
        // yet: its grants are the ones this command holds in its entity cache (the engine's defaults for the assignee,
        // an earlier assignment of the same command), so the database is not asked once per manager. A task that
        // exists already (a reassignment) is looked up as before.
        List<AuthorizationEntity> inserted = insertedNow(command, task) ? command.getDbEntityManager()
                .getCachedEntitiesByType(AuthorizationEntity.class) : null;
        // managersAbove is empty for an unknown or inactive assignee: one query for the whole chain
        for (String managerId : organization.managersAbove(assignee)) {
            AuthorizationEntity existing = inserted != null ? grantOf(inserted, managerId, task.getId())
                    : authorizations.findAuthorizationByUserIdAndResourceId(Authorization.AUTH_TYPE_GRANT, managerId, Resources.TASK, task.getId());
            if (existing != null) {
                existing.addPermission(Permissions.READ);
                continue;
            }
            AuthorizationEntity read = new AuthorizationEntity(Authorization.AUTH_TYPE_GRANT);
            read.setUserId(managerId);
            read.setResource(Resources.TASK);
            read.setResourceId(task.getId());
            read.addPermission(Permissions.READ);
            authorizations.insert(read);
        }
    }

    /** Whether the task is a row this command inserts (transient in the command's entity cache). */
    static boolean insertedNow(CommandContext command, DelegateTask task) {
        return task instanceof TaskEntity entity && command.getDbEntityManager().getDbEntityCache().isTransient(entity);
    }

    /** The user's grant on the task among the command's cached authorizations, or null. */
    private static AuthorizationEntity grantOf(List<AuthorizationEntity> cached, String userId, String taskId) {
        for (AuthorizationEntity authorization : cached) {
            if (authorization.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT && userId.equals(authorization.getUserId())
                    && taskId.equals(authorization.getResourceId()) && authorization.getResourceType() == Resources.TASK.resourceType()) {
                return authorization;
            }
        }
        return null;
    }
}
