package com.salescadence.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

import com.salescadence.organization.OrganizationAdministration;
import com.salescadence.organization.OrganizationService;
import com.salescadence.support.CadenceIntegrationTest;
import com.salescadence.support.TestOrganization;
import com.salescadence.web.browser.TasklistBrowserTestBase;

/**
 * The shared code of the embedded forms (static/forms-lib/) in the real Tasklist: an embedded form deployed with
 * its model (camunda:formKey="embedded:deployment:forms/...html") loads cadence-forms.js from its cam-script, reads
 * /api with the Tasklist session, renders a grid in the person's language, refuses an empty field next to its row,
 * and completes with a transient variable that the process uses and never stores.
 */
@CadenceIntegrationTest
class FormsLibBrowserTest extends TasklistBrowserTestBase {

    private static final String KEY = "forms-lib-check";

    @Autowired OrganizationService organization;
    @Autowired OrganizationAdministration administration;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired TaskService taskService;
    @Autowired HistoryService history;

    private Deployment deployment;

    @BeforeEach
    void deployTheCheckForm() throws IOException {
        TestOrganization.ensure(organization, administration);
        BpmnModelInstance model = Bpmn.createExecutableProcess(KEY).name("Forms library check").camundaHistoryTimeToLive(1)
                .startEvent("Start_Check")
                .userTask("Task_CheckForm").name("Check the forms library").camundaAssignee(TestOrganization.REP)
                .camundaFormKey("embedded:deployment:forms/forms-lib-check.html")
                .exclusiveGateway("Gateway_Choice")
                .condition("typed ok", "${checkChoice == 'ok'}").endEvent("End_TypedOk")
                .moveToLastGateway()
                .condition("typed something else", "${checkChoice != 'ok'}").endEvent("End_TypedOther")
                .done();
        try (InputStream form = getClass().getResourceAsStream("/forms-lib-check/forms-lib-check.html")) {
            deployment = repository.createDeployment().name(KEY)
                    .addModelInstance("bpmn/forms-lib-check.bpmn", model)
                    .addInputStream("forms/forms-lib-check.html", form)
                    .deploy();
        }
    }

    @AfterEach
    void removeIt() {
        TestOrganization.speak(administration, "en");
        repository.deleteDeployment(deployment.getId(), true);
    }

    @Test
    void an_embedded_form_loads_the_shared_code_shows_a_grid_in_chinese_and_completes_with_a_transient_decision() {
        TestOrganization.speak(administration, "zh");
        ProcessInstance instance = runtime.startProcessInstanceByKey(KEY);
        String task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();

        tasklist.signIn(TestOrganization.REP, TestOrganization.PASSWORD);
        browser().get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + task);
        WebElement grid = tasklist.waitFor("the grid of the embedded form", ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("table.cf-grid")));
        assertThat(grid.getText()).as("the grid in the person's language, /api read with the Tasklist session")
                .contains("名称", "语言", "zh", "449,000");
        assertThat(browser().findElement(By.cssSelector(".cf-brief")).getText()).isEqualTo("检查共享表单代码");
        String stickyName = (String) ((org.openqa.selenium.JavascriptExecutor) browser()).executeScript(
                "return getComputedStyle(document.querySelector('table.cf-grid tbody th')).position");
        assertThat(stickyName).as("the name column stays in sight").isEqualTo("sticky");

        // an empty field is refused in the form, next to its row, and nothing is submitted
        clickComplete();
        assertThat(tasklist.waitFor("the problem under the row", ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("tr.cf-problem"))).getText()).isEqualTo("请填写。");
        assertThat(taskService.createTaskQuery().taskId(task).count()).isEqualTo(1);
        tasklist.screenshot("forms-lib-1-refused-in-the-form-zh");

        browser().findElement(By.cssSelector("input[name=checkChoice]")).sendKeys("ok");
        clickComplete();
        tasklist.waitFor("the task to complete", d -> taskService.createTaskQuery().taskId(task).count() == 0);

        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).activityId("End_TypedOk").count())
                .as("the process used the submitted decision").isEqualTo(1);
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).list())
                .as("a transient decision is never stored, not even in history").isEmpty();
    }

    private void clickComplete() {
        List<WebElement> buttons = tasklist.waitFor("the Complete button", d -> {
            List<WebElement> found = d.findElements(By.xpath("//button[normalize-space()='Complete' or normalize-space()='完成']"));
            return found.isEmpty() ? null : found;
        });
        buttons.get(0).click();
    }
}
