package com.salescadence.pipeline.process;

import static com.salescadence.support.RestCalls.call;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

import com.salescadence.organization.OrganizationAdministration;
import com.salescadence.organization.OrganizationService;
import com.salescadence.pipeline.AccountService;
import com.salescadence.pipeline.OpportunityService;
import com.salescadence.support.CadenceIntegrationTest;
import com.salescadence.support.QualifiedDeals;
import com.salescadence.support.TestOrganization;
import com.salescadence.workflow.LeadToCashProcess;
import com.salescadence.workflow.TaskActions;

/**
 * Issue 13: the open tasks named after a deal follow its edits. A rep (reading Chinese) edits the amount of a deal
 * whose stage task is open, then asks to advance and edits it again while the approval waits at the manager
 * (reading English): each time the open task's name, in the Tasklist and in its history, carries the new amount,
 * in its assignee's language; a refused edit renames nothing.
 */
@CadenceIntegrationTest
class DealTaskNamesIntegrationTest {

    @Autowired TestRestTemplate http;
    @Autowired TaskService taskService;
    @Autowired HistoryService history;
    @Autowired OpportunityService opportunities;
    @Autowired TaskActions tasks;
    @Autowired LeadIntake intake;
    @Autowired AccountService accounts;
    @Autowired OrganizationService organization;
    @Autowired OrganizationAdministration administration;

    /** The rep reads Chinese, the manager English. */
    @BeforeEach
    void languages() {
        TestOrganization.ensure(organization, administration);
        for (String[] person : new String[][] {{TestOrganization.REP, "zh"}, {TestOrganization.MANAGER, "en"}}) {
            administration.setLanguage(person[0], person[1]);
        }
    }

    @Test
    void the_open_stage_task_and_approval_name_the_amount_the_deal_has_after_an_edit() {
        String account = "Renamed Tasks Co " + System.nanoTime();
        String businessKey = QualifiedDeals.open(accounts, intake, tasks, account, "Warehouse automation");
        long dealId = opportunities.listVisibleTo(TestOrganization.REP).stream()
                .filter(o -> String.valueOf(o.leadId()).equals(businessKey)).findFirst().orElseThrow().id();
        String deal = "/api/deals/" + dealId;
        assertThat(openTask(businessKey).getName()).endsWith(account + " – Warehouse automation, 449,000");

        // the rep edits the amount on the deal page: the open stage task names the new amount, in the rep's Chinese
        call(http, TestOrganization.REP, HttpMethod.PATCH, deal, Map.of("amount", "520000"), HttpStatus.OK);
        Task work = openTask(businessKey);
        assertThat(work.getTaskDefinitionKey()).isEqualTo(LeadToCashProcess.TASK_WORK_STAGE);
        assertThat(work.getName()).isEqualTo("推进阶段「识别机会」：" + account + " – Warehouse automation, 520,000");
        assertThat(history.createHistoricTaskInstanceQuery().taskId(work.getId()).singleResult().getName())
                .as("the task's history follows").isEqualTo(work.getName());

        // a refused edit (a close date in the past) stores nothing and renames nothing
        call(http, TestOrganization.REP, HttpMethod.PATCH, deal, Map.of("amount", "530000",
                "closeDate", LocalDate.now().minusDays(1).toString()), HttpStatus.BAD_REQUEST);
        assertThat(openTask(businessKey).getName()).endsWith(", 520,000");

        // the rep asks to advance; while the manager's approval waits, the rep edits the amount again
        call(http, TestOrganization.REP, HttpMethod.POST, "/api/opportunities/" + dealId + "/stage-work", Map.of("action", "advance",
                "outcomes", List.of("NEED_UNDERSTOOD", "MARKET_INFO_CONFIRMED"), "evidence", "Confirmed by the CIO",
                "claimedProbability", "25"), HttpStatus.OK);
        assertThat(openTask(businessKey).getName()).endsWith("520,000 (Ren Rep)");
        call(http, TestOrganization.REP, HttpMethod.PATCH, deal, Map.of("amount", "612345.5"), HttpStatus.OK);
        Task approval = openTask(businessKey);
        assertThat(approval.getTaskDefinitionKey()).isEqualTo(LeadToCashProcess.TASK_APPROVE_STAGE_ADVANCE);
        assertThat(approval.getName()).isEqualTo("Approve advance to Validate opportunity: " + account
                + " – Warehouse automation, 612,345.50 (Ren Rep)");
        // found by the new amount, as the Tasklist's "task name like" search does; the old one finds it no more
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(businessKey).taskNameLike("%612,345.50%").count()).isEqualTo(1);
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(businessKey).taskNameLike("%520,000%").count()).isZero();
    }

    private Task openTask(String businessKey) {
        List<Task> open = taskService.createTaskQuery().processInstanceBusinessKey(businessKey).list();
        assertThat(open).hasSize(1);
        return open.get(0);
    }
}
