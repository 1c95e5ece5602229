package com.salescadence.workflow;

import java.lang.reflect.Field;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.core.variable.scope.VariableCollectionProvider;
import org.camunda.bpm.engine.impl.core.variable.scope.VariableStore;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A user task that is being created has no task-local variables in the database yet (its id is new), so its first
 * variable read need not query them: the engine does (one {@code select} of {@code ACT_RU_VARIABLE} by task id per
 * task, issue 15: 5.6% of the weekly commit fan-out's samples, paid by the task's naming), as it does not for a new
 * execution. This create listener, the first of every user task (the plugin runs first), tells the task's variable
 * store that it starts empty, as the engine tells a new execution's. A store that is already loaded (a variable set
 * or read earlier in the creation) is left as it is. Reads and writes then behave exactly as before: the task's own
 * variables (none yet, or those set from now on), then its execution's.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class NewTaskVariables extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(NewTaskVariables.class);
    private static final Field STORE = storeField();
    /** The listener itself (a test checks that it is the first create listener of every user task). */
    static final TaskListener START_EMPTY = NewTaskVariables::startEmpty;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        EveryUserTask.addListener(configuration, TaskListener.EVENTNAME_CREATE, START_EMPTY);
    }

    /** Marks a task being created as having no task-local variables yet, unless its store is loaded already. */
    static void startEmpty(DelegateTask task) {
        if (STORE == null || !(task instanceof TaskEntity entity)) {
            return;
        }
        VariableStore<VariableInstanceEntity> store = store(entity);
        if (!store.isInitialized()) {
            store.setVariablesProvider(VariableCollectionProvider.emptyVariables());
            store.forceInitialization();
            store.setVariablesProvider(entity);
        }
    }

    @SuppressWarnings("unchecked")
    private static VariableStore<VariableInstanceEntity> store(TaskEntity task) {
        try {
            return (VariableStore<VariableInstanceEntity>) STORE.get(task);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Field storeField() {
        try {
            Field field = TaskEntity.class.getDeclaredField("variableStore");
            field.setAccessible(true);
            return field;
        } catch (ReflectiveOperationException | RuntimeException e) {
            // another engine version: the first read queries the (empty) task variables, as the engine does
            log.warn("TaskEntity.variableStore not accessible ({}): new tasks load their variables from the database", e.toString());
            return null;
        }
    }
}
