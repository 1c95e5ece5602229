package com.salescadence.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.salescadence.organization.OrganizationAdministration;
import com.salescadence.organization.OrganizationService;
import com.salescadence.support.RestCalls;
import com.salescadence.support.CadenceIntegrationTest;
import com.salescadence.support.TestOrganization;

/**
 * Issue 18 item 5: the engine's history-cleanup job belongs to no process, so Camunda checked no permission on it:
 * any user could suspend, run, reschedule, retry or delete it. Only administrators may now.
 */
@CadenceIntegrationTest
class ProcessLessJobsIntegrationTest {

    private static final String ADMIN = "t.admin";


    @Autowired TestRestTemplate http;
    @Autowired OrganizationService organization;
    @Autowired OrganizationAdministration administration;
    @Autowired ProcessEngine engine;

    @BeforeEach
    void people() {
        TestOrganization.ensure(organization, administration);
    }

    @Test
    void only_an_administrator_may_suspend_run_reschedule_retry_or_delete_the_history_cleanup_job() {
        List<Job> cleanup = engine.getHistoryService().findHistoryCleanupJobs();
        if (cleanup.isEmpty()) {
            engine.getHistoryService().cleanUpHistoryAsync();
            cleanup = engine.getHistoryService().findHistoryCleanupJobs();
        }
        String job = "/engine-rest/job/" + cleanup.get(0).getId();

        for (String user : List.of(TestOrganization.REP, TestOrganization.MANAGER, TestOrganization.FINANCE)) {
            for (Call call : List.of(new Call(HttpMethod.PUT, job + "/suspended", Map.of("suspended", true)),
                    new Call(HttpMethod.PUT, job + "/retries", Map.of("retries", 0)),
                    new Call(HttpMethod.PUT, job + "/duedate", Map.of("duedate", "2099-01-01T00:00:00.000+0000")),
                    new Call(HttpMethod.PUT, job + "/priority", Map.of("priority", 99)),
                    new Call(HttpMethod.POST, job + "/execute", null),
                    new Call(HttpMethod.DELETE, job, null))) {
                ResponseEntity<String> refused = http.withBasicAuth(user, TestOrganization.PASSWORD)
                        .exchange(call.path(), call.method(), call.body() == null ? null : RestCalls.json(call.body()), String.class);
                assertThat(refused.getStatusCode()).as(user + " " + call).isEqualTo(HttpStatus.FORBIDDEN);
            }
        }
        Job untouched = engine.getManagementService().createJobQuery().jobId(cleanup.get(0).getId()).singleResult();
        assertThat(untouched).isNotNull();
        assertThat(untouched.isSuspended()).isFalse();
        assertThat(untouched.getRetries()).isPositive();
        assertThat(untouched.getPriority()).isNotEqualTo(99);

        RestCalls.call(http, ADMIN, HttpMethod.PUT, job + "/priority", Map.of("priority", 7), HttpStatus.NO_CONTENT);
        assertThat(engine.getManagementService().createJobQuery().jobId(cleanup.get(0).getId()).singleResult().getPriority())
                .isEqualTo(7);
    }

    private record Call(HttpMethod method, String path, Object body) {
    }
}
