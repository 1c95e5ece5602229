package com.salescadence.workflow.naming;

import static com.salescadence.support.RestCalls.call;
import static com.salescadence.support.RestCalls.list;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

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
import com.salescadence.support.CadenceIntegrationTest;
import com.salescadence.support.TestOrganization;
import com.salescadence.workflow.LeadToCashProcess;

/**
 * The names the Tasklist shows, made by the real engine from the real tables: a rep reading Chinese sees the
 * stage task of their deal in Chinese, their manager reading English finds the approval by the deal's name,
 * and a group task is renamed into the language of whoever claims it.
 */
@CadenceIntegrationTest
class TaskNamesIntegrationTest {


    @Autowired TestRestTemplate http;
    @Autowired OrganizationService organization;
    @Autowired OrganizationAdministration administration;
    @Autowired TaskService taskService;

    @BeforeEach
    void people() {
        TestOrganization.ensure(organization, administration);
        administration.setLanguage(TestOrganization.REP, "zh");
        administration.setLanguage(TestOrganization.MANAGER, "en");
        administration.setLanguage(TestOrganization.FINANCE, "en");
    }

    @Test
    void every_task_of_a_deal_names_the_deal_in_its_assignees_language_and_is_found_by_the_deals_name() {
        String accountName = "Xinhua Bookstores " + System.nanoTime();
        Map<String, Object> account = call(http, TestOrganization.REP, HttpMethod.POST, "/api/accounts",
                Map.of("name", accountName, "tier", "KEY", "industry", "Retail"), HttpStatus.CREATED);
        Map<String, Object> lead = call(http, TestOrganization.REP, HttpMethod.POST, "/api/leads",
                Map.of("accountId", account.get("id"), "title", "Warehouse automation", "estimatedAmount", 449000), HttpStatus.CREATED);
        String businessKey = String.valueOf(lead.get("id"));
        assertThat(openTask(businessKey).getName()).isEqualTo("线索资格审查（BANT）：" + accountName + " – Warehouse automation, 449,000");

        call(http, TestOrganization.REP, HttpMethod.POST, "/api/leads/" + businessKey + "/qualification", Map.of("decision", "qualify",
                "budget", "Yes", "authority", "CIO", "need", "Manual picking", "timeline", "Q1", "opportunityName", "Warehouse automation",
                "amount", "449000", "expectedCloseDate", LocalDate.now().plusMonths(2).toString()), HttpStatus.OK);
        Task work = openTask(businessKey);
        assertThat(work.getTaskDefinitionKey()).isEqualTo(LeadToCashProcess.TASK_WORK_STAGE);
        assertThat(work.getName()).isEqualTo("推进阶段「识别机会」：" + accountName + " – Warehouse automation, 449,000");

        long dealId = ((Number) list(http, TestOrganization.REP, "/api/opportunities").stream()
                .filter(o -> String.valueOf(o.get("leadId")).equals(businessKey)).findFirst().orElseThrow().get("id")).longValue();
        call(http, TestOrganization.REP, HttpMethod.POST, "/api/opportunities/" + dealId + "/stage-work", Map.of("action", "advance",
                "outcomes", List.of("NEED_UNDERSTOOD", "MARKET_INFO_CONFIRMED"), "evidence", "Confirmed by the CIO",
                "claimedProbability", "25"), HttpStatus.OK);
        Task approval = openTask(businessKey);
        String approvalName = "Approve advance to Validate opportunity: " + accountName + " – Warehouse automation, 449,000 (Ren Rep)";
        assertThat(approval.getName()).isEqualTo(approvalName);

        // the manager finds it as the Tasklist's "task name like" search does
        List<Map<String, Object>> found = list(http, TestOrganization.MANAGER,
                "/engine-rest/task?nameLike=%" + accountName + "%");
        assertThat(found).extracting(t -> t.get("id")).containsExactly(approval.getId());
        assertThat(found.get(0).get("name")).isEqualTo(approvalName);
        assertThat(list(http, TestOrganization.OTHER_MANAGER, "/engine-rest/task?nameLike=%" + accountName + "%"))
                .as("another team's manager").isEmpty();

        // through the stages to won: finance's credit check is a group task, named in the default language (zh)
        String[][] steps = {
                {"BUDGET_TIMELINE_KNOWN,SOLUTION_DISCUSSED", "50"},
                {"PROPOSAL_ACCEPTED,CUSTOMER_PREFERS_US", "75"},
                {"VERBAL_COMMITMENT,MAIN_TERMS_AGREED,CONTRACT_SIGNED", "100"}};
        call(http, TestOrganization.MANAGER, HttpMethod.POST, "/api/opportunities/" + dealId + "/advance-decision",
                Map.of("decision", "approve", "comment", "ok"), HttpStatus.OK);
        for (String[] step : steps) {
            call(http, TestOrganization.REP, HttpMethod.POST, "/api/opportunities/" + dealId + "/stage-work", Map.of("action", "advance",
                    "outcomes", List.of(step[0].split(",")), "evidence", "In writing", "claimedProbability", step[1]), HttpStatus.OK);
            call(http, TestOrganization.MANAGER, HttpMethod.POST, "/api/opportunities/" + dealId + "/advance-decision",
                    Map.of("decision", "approve", "comment", "ok"), HttpStatus.OK);
        }
        Task credit = openTask(businessKey);
        assertThat(credit.getTaskDefinitionKey()).isEqualTo(LeadToCashProcess.TASK_CREDIT_CHECK);
        assertThat(credit.getAssignee()).isNull();
        assertThat(credit.getName()).isEqualTo("信用审查：" + accountName + " – Warehouse automation, 449,000（Ren Rep）");

        // finance claims it in the Tasklist: the name follows the claimant's language
        call(http, TestOrganization.FINANCE, HttpMethod.POST, "/engine-rest/task/" + credit.getId() + "/claim",
                Map.of("userId", TestOrganization.FINANCE), HttpStatus.NO_CONTENT);
        assertThat(openTask(businessKey).getName()).isEqualTo("Credit check: " + accountName + " – Warehouse automation, 449,000 (Ren Rep)");
    }

    private Task openTask(String businessKey) {
        List<Task> tasks = taskService.createTaskQuery().processInstanceBusinessKey(businessKey).list();
        assertThat(tasks).hasSize(1);
        return tasks.get(0);
    }
}
