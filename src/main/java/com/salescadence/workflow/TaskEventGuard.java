package com.salescadence.workflow;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.bpmn.helper.BpmnProperties;
import org.camunda.bpm.engine.impl.bpmn.parser.ErrorEventDefinition;
import org.camunda.bpm.engine.impl.bpmn.parser.EscalationEventDefinition;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;

/**
 * Runs a BPMN error or escalation thrown at a user task (TaskService.handleBpmnError / handleEscalation, so
 * POST /engine-rest/task/{id}/bpmnError and /bpmnEscalation) only when the model catches its code, and never
 * with a variable of the {@link ProtectedVariables}; otherwise refuses it with a BadUserRequestException
 * (REST: 400 with the message) before anything happens.
 *
 * <p>Why here and not for "business users" only: an error nobody catches ends the whole process instance
 * silently (no missed record, no chase, no escalation), which is never a person's decision, an
 * administrator's neither (Cockpit cancels an instance with a reason in its history). A model that means a
 * task to be abandoned says so with an error or escalation event that catches the code, on the task, on an
 * enclosing sub-process, in an event sub-process or on the call activity of a calling process, exactly where
 * the engine itself looks for one; so the check asks the deployed model and needs no list of codes. Inside the
 * engine's command (the TaskService is replaced, see {@link ProtectedVariableGuard}), the Java API, the REST
 * API and any future caller are refused alike; authorization is checked first, so nobody learns about a
 * task they may not work on.
 */
final class TaskEventGuard<T> implements Command<T> {

    enum Kind {
        ERROR("BPMN error"), ESCALATION("escalation");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    private final String taskId;
    private final Kind kind;
    private final String code;
    private final Map<String, ?> variables;
    private final Set<String> protectedNames;
    private final Command<T> thrower;

    TaskEventGuard(String taskId, Kind kind, String code, Map<String, ?> variables, Set<String> protectedNames,
                   Command<T> thrower) {
        this.taskId = taskId;
        this.kind = kind;
        this.code = code;
        this.variables = variables == null ? Map.of() : variables;
        this.protectedNames = protectedNames;
        this.thrower = thrower;
    }

    @Override
    public T execute(CommandContext context) {
        TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
        if (task != null && code != null) {
            for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
                checker.checkTaskWork(task);
            }
            refuseProtected();
            if (task.getExecution() == null || !caught(task.getExecution())) {
                throw new BadUserRequestException("Task '" + task.getName() + "' cannot take the " + kind.label + " '" + code
                        + "': no event of the process catches it, so it would end the process. Complete the task instead.");
            }
        }
        return thrower.execute(context);   // an unknown task or a missing code: the engine's own answer (404, 400)
    }

    private void refuseProtected() {
        Set<String> touched = new TreeSet<>(variables.keySet());
        touched.retainAll(protectedNames);
        if (!touched.isEmpty()) {
            throw new BadUserRequestException(ProtectedVariableGuard.refusal(touched) + " They cannot be passed with a "
                    + kind.label + ".");
        }
    }

    /** Whether an event catches the code in the task's scope or any scope around it, up through calling processes. */
    private boolean caught(ExecutionEntity execution) {
        for (ExecutionEntity current = execution; current != null;
                current = current.getProcessInstance().getSuperExecution()) {
            for (ScopeImpl scope = current.getActivity(); scope != null;
                    scope = scope instanceof ActivityImpl activity ? activity.getFlowScope() : null) {
                if (catchesHere(scope)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean catchesHere(ScopeImpl scope) {
        if (kind == Kind.ERROR) {
            List<ErrorEventDefinition> errors = scope.getProperties().get(BpmnProperties.ERROR_EVENT_DEFINITIONS);
            return errors.stream().anyMatch(definition -> definition.catchesError(code));
        }
        List<EscalationEventDefinition> escalations = scope.getProperties().get(BpmnProperties.ESCALATION_EVENT_DEFINITIONS);
        return escalations.stream().anyMatch(definition -> definition.getEscalationCode() == null
                || definition.getEscalationCode().equals(code));
    }
}
