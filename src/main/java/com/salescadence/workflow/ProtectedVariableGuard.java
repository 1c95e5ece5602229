package com.salescadence.workflow;

import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.core.variable.CoreVariableInstance;
import org.camunda.bpm.engine.impl.core.variable.scope.AbstractVariableScope;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.CachedDbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityCache;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityState;
import org.springframework.stereotype.Component;

/**
 * Refuses the completion of a user task whose completing call (TaskService.complete or submitTaskForm, so
 * the engine's REST API, the Tasklist and the product's API alike) created or changed one of the
 * {@link ProtectedVariables}. The check is a complete listener that every user task gets first, before the
 * model's own listeners: it looks at the variables the current command has written so far, which at that
 * moment are exactly the ones the call passed. The refusal is a BadUserRequestException (REST: 400 with the
 * message); the command rolls back, so the task stays open and nothing is stored. Setting them on the task
 * beforehand is refused too: the plugin installs {@link ProtectedTaskVariables} as the engine's TaskService.
 */
@Component
public class ProtectedVariableGuard extends AbstractProcessEnginePlugin {

    private final Set<String> protectedNames;

    ProtectedVariableGuard() {
        this(ProtectedVariables.NAMES);
    }

    ProtectedVariableGuard(Set<String> protectedNames) {
        this.protectedNames = Set.copyOf(protectedNames);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setTaskService(new ProtectedTaskVariables(protectedNames));
        EveryUserTask.addListener(configuration, TaskListener.EVENTNAME_COMPLETE, this::refuseProtectedWrites);
    }

    private void refuseProtectedWrites(DelegateTask task) {
        Set<String> written = writtenByThisCommand(task);
        if (!written.isEmpty()) {
            throw new BadUserRequestException("Task '" + task.getName() + "' was not completed: " + refusal(written)
                    + " Submit only the form's fields.");
        }
    }

    static String refusal(Set<String> names) {
        return String.join(", ", names) + (names.size() == 1 ? " is" : " are")
                + " set by the process, not by the person completing the task.";
    }

    /** The protected variables visible to the task (its own or its execution's) that this command created or changed. */
    private Set<String> writtenByThisCommand(DelegateTask task) {
        DbEntityCache cache = Context.getCommandContext().getDbEntityManager().getDbEntityCache();
        Set<String> written = new TreeSet<>();
        for (String name : protectedNames) {
            if (isWritten(cache, ((AbstractVariableScope) task).getVariableInstanceLocal(name))
                    || (task.getExecution() != null
                            && isWritten(cache, ((AbstractVariableScope) task.getExecution()).getVariableInstance(name)))) {
                written.add(name);
            }
        }
        return written;
    }

    private static boolean isWritten(DbEntityCache cache, CoreVariableInstance variable) {
        if (!(variable instanceof DbEntity entity)) {
            return false;
        }
        CachedDbEntity cached = cache.getCachedEntity(entity);
        if (cached == null) {
            return false;
        }
        return cached.getEntityState() == DbEntityState.TRANSIENT
                || (cached.getEntityState() == DbEntityState.PERSISTENT && cached.isDirty());
    }
}
