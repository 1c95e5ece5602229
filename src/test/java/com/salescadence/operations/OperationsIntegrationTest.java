package com.salescadence.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.impl.jobexecutor.historycleanup.BatchWindow;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.salescadence.notification.NotificationKind;
import com.salescadence.notification.NotificationService;
import com.salescadence.organization.OrganizationAdministration;
import com.salescadence.organization.OrganizationService;
import com.salescadence.support.CadenceIntegrationTest;
import com.salescadence.support.TestOrganization;
import com.salescadence.support.WeeklyCycles;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/**
 * Operations: actuator health (public summary, details for administrators), the job executor and outbox
 * indicators, metrics for administrators, the history cleanup window, and log lines that carry the
 * process instance and business key.
 */
@CadenceIntegrationTest
class OperationsIntegrationTest {

    private static final String ADMIN = "t.admin"; // the engine's admin user of application-test.yml, in camunda-admin
    private static final int BACKLOG_ALARM = CadenceIntegrationTest.BACKLOG_ALARM;
    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };

    @Autowired TestRestTemplate http;
    @Autowired ProcessEngine engine;
    @Autowired OrganizationService organization;
    @Autowired OrganizationAdministration administration;
    @Autowired NotificationService notifications;
    @Autowired JdbcClient jdbc;
    @Value("${logging.pattern.level}") String levelPattern;

    @BeforeEach
    void people() {
        TestOrganization.ensure(organization, administration);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void the_health_summary_is_public_and_its_details_are_for_administrators_only() {
        ResponseEntity<Map<String, Object>> anonymous = get(null, "/actuator/health");
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(anonymous.getBody()).containsEntry("status", "UP").doesNotContainKey("components");

        ResponseEntity<Map<String, Object>> rep = get(TestOrganization.REP, "/actuator/health");
        assertThat(rep.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(rep.getBody()).doesNotContainKey("components");

        Map<String, Object> admin = get(ADMIN, "/actuator/health").getBody();
        Map<String, Object> components = map(admin.get("components"));
        assertThat(components).containsKeys("db", "jobExecutor").doesNotContainKey("outbox");
        Map<String, Object> jobExecutor = map(components.get("jobExecutor"));
        assertThat(jobExecutor).containsEntry("status", "UP");
        assertThat(map(jobExecutor.get("details"))).containsEntry("executor",
                "off by configuration (camunda.bpm.job-execution.enabled=false)").containsKeys("jobsWithoutRetries", "incidents");
        // the mail components are the administrators' own group, out of the summary (issue 18)
        Map<String, Object> outbox = map(map(get(ADMIN, "/actuator/health/mail").getBody().get("components")).get("outbox"));
        assertThat(map(outbox.get("details"))).containsEntry("delivery", "off (spring.mail.host not set)")
                .containsEntry("backlogAlarm", BACKLOG_ALARM).containsKeys("pending", "failed");
    }

    @Test
    @SuppressWarnings("unchecked")
    void metrics_are_for_administrators_only() {
        assertThat(get(null, "/actuator/metrics").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(get(TestOrganization.REP, "/actuator/metrics").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map<String, Object>> admin = get(ADMIN, "/actuator/metrics");
        assertThat(admin.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((List<Object>) admin.getBody().get("names")).contains((Object) "jvm.memory.used", (Object) "http.server.requests");
        //"jvm.memory.used", "http.server.requests");
    }

    @Test
    void the_outbox_is_down_when_more_mails_wait_than_the_alarm_allows_and_up_again_when_they_are_gone_and_the_node_stays_up() {
        // this context's own database: mails of the other tests are set aside first
        jdbc.sql("update outbox_message set status = 'SENT' where status in ('PENDING', 'SENDING')").update();
        assertThat(get(ADMIN, "/actuator/health/mail/outbox").getBody()).containsEntry("status", "UP");
        for (int i = 0; i <= BACKLOG_ALARM; i++) {
            notifications.notify(TestOrganization.REP, NotificationKind.GENERAL, "Backlog " + i, "ops test backlog");
        }

        ResponseEntity<Map<String, Object>> down = get(ADMIN, "/actuator/health/mail/outbox");
        assertThat(down.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(down.getBody()).containsEntry("status", "DOWN");
        assertThat(map(down.getBody().get("details"))).containsEntry("pending", BACKLOG_ALARM + 1)
                .containsKey("oldestWaitingSince");
        assertThat(get(null, "/actuator/health").getBody()).as("a mail backlog does not take the node out of the load balancer")
                .containsEntry("status", "UP");
        ResponseEntity<Map<String, Object>> liveness = get(null, "/actuator/health/liveness");
        assertThat(liveness.getStatusCode()).as("a mail backlog does not make the node look dead (docker health check)").isEqualTo(HttpStatus.OK);
        assertThat(liveness.getBody()).containsEntry("status", "UP");

        jdbc.sql("update outbox_message set status = 'SENT' where body = 'ops test backlog'").update();
        assertThat(get(ADMIN, "/actuator/health/mail/outbox").getBody()).containsEntry("status", "UP");
    }

    @Test
    void the_job_executor_indicator_is_down_when_the_executor_should_run_but_does_not() {
        // this test context switches the executor off; an indicator told it should be on sees it is not running
        JobExecutorHealthIndicator expectingOne = new JobExecutorHealthIndicator(engine, true);
        assertThat(expectingOne.health().getStatus().getCode()).isEqualTo("DOWN");
        assertThat(new JobExecutorHealthIndicator(engine, false).health().getStatus().getCode()).isEqualTo("UP");
    }

    @Test
    void history_cleanup_runs_in_the_configured_night_window() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
        assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
        assertThat(configuration.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
        assertThat(configuration.isEnforceHistoryTimeToLive()).isTrue();

        BatchWindow window = configuration.getBatchWindowManager()
                .getCurrentOrNextBatchWindow(WeeklyCycles.date(LocalDateTime.of(2018, 3, 6, 12, 0)), configuration);
        assertThat(local(window.getStart())).isEqualTo(LocalDateTime.of(2018, 3, 7, 1, 0));
        assertThat(local(window.getEnd())).isEqualTo(LocalDateTime.of(2018, 3, 7, 5, 0));

        // the engine scheduled its cleanup job(s) at start-up, due in the window
        List<Job> cleanup = engine.getHistoryService().findHistoryCleanupJobs();
        assertThat(cleanup).isNotEmpty().allSatisfy(job -> assertThat(local(job.getDuedate()).toLocalTime())
                .isBetween(java.time.LocalTime.of(1, 0), java.time.LocalTime.of(5, 0)));
    }

    @Test
    void a_delegate_log_line_carries_the_process_instance_and_business_key() {
        Logger logger = (Logger) LoggerFactory.getLogger("com.salescadence.cadence.process.CommitDelegates");
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            WeeklyCycles cycles = new WeeklyCycles(engine);
            String key = cycles.open(LocalDateTime.of(2018, 1, 7, 8, 0));
            String instanceId = cycles.instance(com.salescadence.workflow.WeeklyCommitProcess.SUBMISSION_KEY,
                    key + ":" + TestOrganization.REP).getId();
            WeeklyCycles.setClock(LocalDateTime.of(2018, 1, 7, 9, 0));
            cycles.submitEmptyCommit(key, TestOrganization.REP);

            ILoggingEvent recorded = appender.list.stream()
                    .filter(e -> e.getFormattedMessage().startsWith("Weekly commit recorded")).findFirst().orElseThrow();
            assertThat(recorded.getMDCPropertyMap())
                    .containsEntry("businessKey", key + ":" + TestOrganization.REP)
                    .containsEntry("processInstanceId", instanceId)
                    .containsEntry("activityId", "Service_RecordWeeklyCommit");

            PatternLayout layout = new PatternLayout();
            layout.setContext(logger.getLoggerContext());
            layout.setPattern(levelPattern + " %logger{0} - %msg");
            layout.start();
            assertThat(layout.doLayout(recorded)).startsWith(" INFO [pi=" + instanceId + " bk=" + key + ":" + TestOrganization.REP
                    + " act=Service_RecordWeeklyCommit] CommitDelegates - Weekly commit recorded");
        } finally {
            logger.detachAppender(appender);
        }
    }

    @Test
    void api_request_bodies_above_one_megabyte_are_refused_with_413() throws Exception {
        String big = "{\"reason\": \"" + "x".repeat(1024 * 1024) + "\"}";
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        ResponseEntity<String> anonymous = http.exchange("/api/cadence/cycles/1/rollup", HttpMethod.POST,
                new HttpEntity<>(big, headers), String.class);
        assertThat(anonymous.getStatusCode()).as("refused before authentication").isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(anonymous.getBody()).contains("larger than the 1024 KB this API accepts");

        // a body without Content-Length (chunked) is cut off while it is read
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpRequest chunked = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(http.getRootUri() + "/api/cadence/cycles/1/rollup"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        (TestOrganization.MANAGER + ":" + TestOrganization.PASSWORD).getBytes()))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(big.getBytes())))
                .build();
        java.net.http.HttpResponse<String> response = client.send(chunked, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("larger than the 1024 KB this API accepts");

        // a normal body still reaches the API (here: a cycle that does not exist)
        HttpHeaders auth = new HttpHeaders();
        auth.setBasicAuth(TestOrganization.MANAGER, TestOrganization.PASSWORD);
        auth.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        ResponseEntity<String> small = http.exchange("/api/cadence/cycles/987654/rollup", HttpMethod.POST,
                new HttpEntity<>("{\"notes\": \"x\"}", auth), String.class);
        assertThat(small.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private static LocalDateTime local(java.util.Date date) {
        return LocalDateTime.ofInstant(date.toInstant(), java.time.ZoneId.systemDefault());
    }

    private ResponseEntity<Map<String, Object>> get(String user, String path) {
        HttpHeaders headers = new HttpHeaders();
        if (user != null) {
            headers.setBasicAuth(user, TestOrganization.PASSWORD);
        }
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), JSON);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}
