package com.salescadence.workflow;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.TaskServiceImpl;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;

/**
 * The engine's TaskService, except that a task's variables of the {@link ProtectedVariables} cannot be set,
 * changed or removed through it (engine REST: PUT/POST/DELETE /task/{id}/variables and /localVariables).
 * Otherwise a person could change them on their own task first and then complete it with the form's fields
 * alone. The application itself never sets task variables this way; its delegates and listeners work on
 * the execution and the task they are given. A BPMN error or escalation thrown at a task goes through
 * {@link TaskEventGuard}: only a code the model catches, and never with a protected variable.
 */
final class ProtectedTaskVariables extends TaskServiceImpl {

    private final Set<String> protectedNames;

    ProtectedTaskVariables(Set<String> protectedNames) {
        this.protectedNames = Set.copyOf(protectedNames);
    }

    @Override
    protected void setVariables(String taskId, Map<String, ? extends Object> variables, boolean local) {
        refuse(variables.keySet());
        super.setVariables(taskId, variables, local);
    }

    @Override
    protected void updateVariables(String taskId, Map<String, ? extends Object> modifications,
            Collection<String> deletions, boolean local) {
        refuse(modifications == null ? List.of() : modifications.keySet());
        refuse(deletions == null ? List.of() : deletions);
        super.updateVariables(taskId, modifications, deletions, local);
    }

    @Override
    public void removeVariable(String taskId, String variableName) {
        refuse(List.of(variableName));
        super.removeVariable(taskId, variableName);
    }

    @Override
    public void removeVariableLocal(String taskId, String variableName) {
        refuse(List.of(variableName));
        super.removeVariableLocal(taskId, variableName);
    }

    @Override
    public void removeVariables(String taskId, Collection<String> variableNames) {
        refuse(variableNames);
        super.removeVariables(taskId, variableNames);
    }

    @Override
    public void removeVariablesLocal(String taskId, Collection<String> variableNames) {
        refuse(variableNames);
        super.removeVariablesLocal(taskId, variableNames);
    }

    @Override
    public void handleBpmnError(String taskId, String errorCode) {
        handleBpmnError(taskId, errorCode, null, null);
    }

    @Override
    public void handleBpmnError(String taskId, String errorCode, String errorMessage) {
        handleBpmnError(taskId, errorCode, errorMessage, null);
    }

    @Override
    public void handleBpmnError(String taskId, String errorCode, String errorMessage, Map<String, Object> variables) {
        commandExecutor.execute(new TaskEventGuard<>(taskId, TaskEventGuard.Kind.ERROR, errorCode, variables, protectedNames,
                new HandleTaskBpmnErrorCmd(taskId, errorCode, errorMessage, variables)));
    }

    @Override
    public void handleEscalation(String taskId, String escalationCode) {
        handleEscalation(taskId, escalationCode, null);
    }

    @Override
    public void handleEscalation(String taskId, String escalationCode, Map<String, Object> variables) {
        commandExecutor.execute(new TaskEventGuard<>(taskId, TaskEventGuard.Kind.ESCALATION, escalationCode, variables,
                protectedNames, new HandleTaskEscalationCmd(taskId, escalationCode, variables)));
    }

    private void refuse(Collection<String> names) {
        Set<String> touched = new TreeSet<>(names);
        touched.retainAll(protectedNames);
        if (!touched.isEmpty()) {
            throw new BadUserRequestException(ProtectedVariableGuard.refusal(touched) + " They cannot be changed on a task.");
        }
    }
}
