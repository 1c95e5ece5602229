package com.salescadence.pipeline.process;

import static com.salescadence.workflow.LeadToCashProcess.OPPORTUNITY_ID;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.salescadence.pipeline.deal.DealChanged;
import com.salescadence.workflow.naming.TaskNameRules;
import com.salescadence.workflow.naming.TaskNaming;

/**
 * Renames the open tasks about a deal when the deal changes (its amount, name or close date edited through the deals
 * API or the weekly commit grid), in the transaction of the change: a stage task or an approval then names the
 * amount the deal has now, in its assignee's language, as {@link TaskNaming} names a new task. Tasks of any
 * assignee are renamed, whoever made the change (the engine's authorization checks are not the editor's to pass).
 */
@Component
class DealTaskNames {

    private final TaskService taskService;
    private final ProcessEngineConfigurationImpl engine;
    private final TaskSubjects subjects;
    private final TaskNaming naming;

    DealTaskNames(ProcessEngine processEngine, TaskSubjects subjects, TaskNaming naming) {
        this.taskService = processEngine.getTaskService();
        this.engine = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        this.subjects = subjects;
        this.naming = naming;
    }

    @EventListener
    void dealChanged(DealChanged changed) {
        engine.getCommandExecutorTxRequired().execute((CommandContext context) -> {
            boolean checked = context.isAuthorizationCheckEnabled();
            context.disableAuthorizationCheck();
            try {
                rename(changed.opportunityId());
            } finally {
                if (checked) {
                    context.enableAuthorizationCheck();
                }
            }
            return null;
        });
    }

    /** The number of open tasks of the deal whose name changed. */
    int rename(long opportunityId) {
        int renamed = 0;
        for (Task task : taskService.createTaskQuery().processVariableValueEquals(OPPORTUNITY_ID, opportunityId).list()) {
            String key = task.getTaskDefinitionKey();
            if (!TaskNameRules.names(key)) {
                continue;
            }
            Map<String, Object> variables = taskService.getVariables(task.getId());
            String name = TaskNameRules.name(key, subjects.of(key, variables::get), naming.languageOf(task.getAssignee()));
            if (!name.equals(task.getName())) {
                task.setName(name);
                taskService.saveTask(task);
                renamed++;
            }
        }
        return renamed;
    }
}
