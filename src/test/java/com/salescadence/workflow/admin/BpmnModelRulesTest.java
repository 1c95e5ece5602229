package com.salescadence.workflow.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import com.salescadence.support.CadenceIntegrationTest;


/**
 * The project's bpmn/ and forms/ folders (the files an admin edits and CI lints) follow the rules bpmnlint
 * cannot check; the Spring context is loaded so that the beans the models name are checked for real.
 */
@CadenceIntegrationTest
class BpmnModelRulesTest {

    @Autowired ApplicationContext context;

    @Test
    void the_shipped_models_and_forms_follow_the_rules() throws IOException {
        assertThat(Files.list(Path.of("bpmn")).count()).as("run from the project folder").isPositive();
        List<String> problems = ModelRules.check(Path.of("bpmn"), Path.of("forms"), context::containsBean);
        assertThat(problems).isEmpty();
    }

    @Test
    void a_broken_model_is_caught(@TempDir Path dir) throws IOException {
        Path bpmn = Files.createDirectories(dir.resolve("bpmn"));
        Path forms = Files.createDirectories(dir.resolve("forms"));
        Files.writeString(forms.resolve("good.form"), "{\"id\": \"good\", \"type\": \"default\", \"components\": []}");
        Files.writeString(forms.resolve("renamed.form"), "{\"id\": \"other-name\", \"type\": \"default\", \"components\": []}");
        Files.writeString(bpmn.resolve("broken.bpmn"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Definitions_Broken" targetNamespace="http://bpmn.io/schema/bpmn">
                  <bpmn:process id="broken" isExecutable="true">
                    <bpmn:startEvent id="Start" />
                    <bpmn:userTask id="Task_Good" camunda:formRef="good" camunda:formRefBinding="deployment"
                        camunda:dueDate="${cycleClock.at(cycleStart, 'PT1H')}" />
                    <bpmn:userTask id="Task_NoForm" />
                    <bpmn:userTask id="Task_MissingForm" camunda:formRef="nowhere" camunda:formRefBinding="deployment" />
                    <bpmn:userTask id="Task_LatestForm" camunda:formRef="good" camunda:formRefBinding="latest" />
                    <bpmn:serviceTask id="Service_NoBean" camunda:delegateExpression="${noSuchDelegate}" />
                    <bpmn:serviceTask id="Service_NoBeanMethod" camunda:expression="${noSuchService.run(execution)}" />
                    <bpmn:intermediateCatchEvent id="Timer_NoBean">
                      <bpmn:timerEventDefinition><bpmn:timeDate xsi:type="bpmn:tFormalExpression">${noSuchClock.at(cycleStart, 'PT1H')}</bpmn:timeDate></bpmn:timerEventDefinition>
                    </bpmn:intermediateCatchEvent>
                    <bpmn:serviceTask id="Service_Fine" camunda:expression="${execution.setVariable('x', 1)}" />
                  </bpmn:process>
                </bpmn:definitions>
                """);

        List<String> problems = ModelRules.check(bpmn, forms, context::containsBean);

        assertThat(problems).containsExactlyInAnyOrder(
                "forms/renamed.form: form id 'other-name' must equal the file name 'renamed'",
                "broken.bpmn: process broken has no camunda:historyTimeToLive",
                "broken.bpmn: user task Task_NoForm has no camunda:formRef",
                "broken.bpmn: user task Task_MissingForm refers to form 'nowhere', which is not in forms/",
                "broken.bpmn: user task Task_LatestForm must bind its form with camunda:formRefBinding=\"deployment\" (is latest)",
                "broken.bpmn: Service_NoBean camunda:delegateExpression: no bean named 'noSuchDelegate'",
                "broken.bpmn: Service_NoBeanMethod camunda:expression: no bean named 'noSuchService'",
                "broken.bpmn: Timer_NoBean timeDate: no bean named 'noSuchClock'");
    }
}
