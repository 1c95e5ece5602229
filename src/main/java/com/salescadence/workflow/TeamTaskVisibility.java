package com.salescadence.workflow;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.context.Context;
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
        // managersAbove is empty for an unknown or inactive assignee: one query for the whole chain
        var authorizations = Context.getCommandContext().getAuthorizationManager();
        for (String managerId : organization.managersAbove(assignee)) {
            AuthorizationEntity existing = authorizations.findAuthorizationByUserIdAndResourceId(
                    Authorization.AUTH_TYPE_GRANT, managerId, Resources.TASK, task.getId());
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
}
