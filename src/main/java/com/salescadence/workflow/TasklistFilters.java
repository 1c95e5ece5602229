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
 * The Tasklist's shared filters, readable by everyone: "我的任务 / My tasks", "我的组 / My groups" (finance's queue) and
 * "我可见的全部 / All I may see" (a manager's view of the team's tasks: authorization decides what it shows).
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
        ensure("我的任务 / My tasks", "My tasks", -10, taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"),
                "分配给我的任务 / Tasks assigned to me");
        ensure("我的组 / My groups", "My groups", -5, taskService.createTaskQuery()
                .taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks(),
                "我所在组的任务（例如财务的信用审查和付款） / Tasks for my groups (e.g. finance's credit checks and payments)");
        ensure("我可见的全部 / All I may see", "All I may see", 0, taskService.createTaskQuery(),
                "我的任务，以及经理可见的团队任务 / My tasks and, for managers, my team's tasks");
    }

    /**
     * The filter's name and description read in Chinese and English ("中文 / English", as the forms' labels), since the
     * Tasklist shows a filter's name as stored. A filter made before under its English name only is renamed.
     */
    private void ensure(String name, String formerName, int priority, TaskQuery query, String description) {
        if (filterService.createFilterQuery().filterName(name).count() > 0) {
            return;
        }
        Filter former = filterService.createFilterQuery().filterName(formerName).singleResult();
        if (former != null) {
            Map<String, Object> properties = new java.util.HashMap<>(former.getProperties() == null ? Map.of() : former.getProperties());
            properties.put("description", description);
            filterService.saveFilter(former.setName(name).setProperties(properties));
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
