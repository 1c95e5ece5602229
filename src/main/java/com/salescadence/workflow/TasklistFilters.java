package com.salescadence.workflow;

import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.salescadence.common.StartupLock;

/**
 * The Tasklist's shared filters, readable by everyone: "My tasks", "My groups" (finance's queue) and
 * "All I may see" (a manager's view of the team's tasks: authorization decides what it shows).
 */
@Component
@Order(30)
class TasklistFilters implements ApplicationRunner {

    private final FilterService filterService;
    private final TaskService taskService;
    private final AuthorizationService authorizationService;
    private final StartupLock startupLock;

    TasklistFilters(FilterService filterService, TaskService taskService, AuthorizationService authorizationService,
                    StartupLock startupLock) {
        this.filterService = filterService;
        this.taskService = taskService;
        this.authorizationService = authorizationService;
        this.startupLock = startupLock;
    }

    /** Under the start-up lock: two nodes starting at once create each filter once. */
    @Override
    public void run(ApplicationArguments args) {
        startupLock.run(this::ensureAll);
    }

    private void ensureAll() {
        ensure("My tasks", -10, taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"),
                "Tasks assigned to me");
        ensure("My groups", -5, taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                .includeAssignedTasks(), "Tasks for my groups (e.g. finance's credit checks and payments)");
        ensure("All I may see", 0, taskService.createTaskQuery(), "My tasks and, for managers, my team's tasks");
    }

    private void ensure(String name, int priority, TaskQuery query, String description) {
        if (filterService.createFilterQuery().filterName(name).count() > 0) {
            return;
        }
        Filter filter = filterService.newTaskFilter(name).setOwner("admin").setQuery(query)
                .setProperties(Map.of("priority", priority, "description", description, "refresh", true));
        filterService.saveFilter(filter);
        Authorization read = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
        read.setUserId(Authorization.ANY);
        read.setResource(Resources.FILTER);
        read.setResourceId(filter.getId());
        read.addPermission(Permissions.READ);
        authorizationService.saveAuthorization(read);
    }
}
