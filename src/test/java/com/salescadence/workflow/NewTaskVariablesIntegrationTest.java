package com.salescadence.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.salescadence.support.CadenceIntegrationTest;
import com.salescadence.support.ThreadStatements;

/**
 * Issue 15 round 6: a user task being created starts with no task-local variables, so its first variable read no
 * longer queries them, and reads and writes see exactly what they saw before.
 */
@CadenceIntegrationTest
class NewTaskVariablesIntegrationTest {

    @Autowired ProcessEngine engine;

    @BeforeEach
    void deploy() {
        // the same one-task model twice: one whose task's create listener reads a variable and sets a task-local one
        BpmnModelInstance reading = Bpmn.createExecutableProcess("new-task-variables-reading").camundaHistoryTimeToLive(1)
                .startEvent().userTask("Task_Read").camundaTaskListenerExpression(TaskListener.EVENTNAME_CREATE,
                        "${task.setVariableLocal('seen', task.getVariable('x'))}")
                .endEvent().done();
        BpmnModelInstance plain = Bpmn.createExecutableProcess("new-task-variables-plain").camundaHistoryTimeToLive(1)
                .startEvent().userTask("Task_Read").endEvent().done();
        engine.getRepositoryService().createDeployment().name("new-task-variables")
                .addModelInstance("new-task-variables-reading.bpmn", reading)
                .addModelInstance("new-task-variables-plain.bpmn", plain).deploy();
    }

    @Test
    void the_first_create_listener_of_every_user_task_marks_its_variables_empty() {
        ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("new-task-variables-plain");
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        List<TaskListener> listeners = configuration.getCommandExecutorTxRequired().execute(context -> {
            ProcessDefinitionEntity definition = configuration.getDeploymentCache()
                    .findDeployedProcessDefinitionById(instance.getProcessDefinitionId());
            UserTaskActivityBehavior behavior = (UserTaskActivityBehavior) definition.findActivity("Task_Read").getActivityBehavior();
            return behavior.getTaskDefinition().getBuiltinTaskListenersForEvent(TaskListener.EVENTNAME_CREATE);
        });
        // the product's first: before the task's naming (a built-in listener too) reads the task's variables (the
        // engine's own history listener, which reads none, comes before it)
        List<TaskListener> product = listeners.stream().filter(l -> l.getClass().getName().startsWith("com.salescadence.")).toList();
        assertThat(product).hasSizeGreaterThan(1);
        assertThat(product.get(0)).isSameAs(NewTaskVariables.START_EMPTY);
    }

    @Test
    void a_new_tasks_first_variable_read_sends_no_statement_and_sees_the_process_variables() {
        // warm-up: the definitions are cached, so both starts below pay the same engine statements
        start("new-task-variables-plain");
        start("new-task-variables-reading");

        int plain = ThreadStatements.during(() -> start("new-task-variables-plain"));
        AtomicReference<ProcessInstance> reading = new AtomicReference<>();
        int read = ThreadStatements.during(() -> reading.set(start("new-task-variables-reading")));

        // before: one more, the select of the new task's (empty) task-local variables
        assertThat(read).as("statements with a create listener reading a task variable").isEqualTo(plain);
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(reading.get().getId()).singleResult();
        assertThat(engine.getTaskService().getVariableLocal(task.getId(), "seen")).isEqualTo(42);
        assertThat(engine.getTaskService().getVariablesLocal(task.getId())).containsOnlyKeys("seen");
        assertThat(engine.getTaskService().getVariable(task.getId(), "x")).isEqualTo(42);
        engine.getTaskService().setVariable(task.getId(), "x", 43);
        assertThat(engine.getRuntimeService().getVariable(reading.get().getId(), "x")).as("set on the process, as before").isEqualTo(43);
        engine.getTaskService().complete(task.getId());
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(reading.get().getId()).count()).isZero();
    }

    private ProcessInstance start(String key) {
        return engine.getRuntimeService().startProcessInstanceByKey(key, Map.of("x", 42));
    }
}
