package com.salescadence.workflow.admin;

import static com.salescadence.workflow.WeeklyCommitProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.util.MultiValueMap;

import com.salescadence.organization.OrganizationAdministration;
import com.salescadence.organization.OrganizationService;
import com.salescadence.support.ModelerUpload;
import com.salescadence.support.TestDatabase;
import com.salescadence.support.TestOrganization;

/**
 * An admin changes the cadence as the guide says: deploys an edited weekly-commit through the engine's
 * REST API (as Camunda Modeler does), the timer start moves, running cycles finish on their version or are
 * migrated through the admin API; bad models and non-admins are refused. The class has its own Spring
 * context (and H2 database); on a shared PostgreSQL the shipped model is redeployed after each test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestPropertySource(properties = "cadence.test.context=admin-model-changes")
class CadenceChangeApiIntegrationTest {

    static final String ADMIN = "t.admin";
    static final String SUNDAY_CRON = "0 0 8 ? * SUN";
    static final String FRIDAY_CRON = "0 0 17 ? * FRI";
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired TestRestTemplate http;
    @Autowired ProcessEngine engine;
    @Autowired OrganizationService organization;
    @Autowired OrganizationAdministration administration;

    private String shippedDefinitionId;
    private String shippedSubmissionId;

    @BeforeEach
    void setUp() {
        TestOrganization.ensure(organization, administration);
        shippedDefinitionId = latest(KEY).getId();
        shippedSubmissionId = latest(SUBMISSION_KEY).getId();
    }

    /** Back to the shipped model (a rollback, as the guide describes it), so other tests keep the Sunday cycle. */
    @AfterEach
    void restoreShippedModel() throws IOException {
        ClockUtil.reset();
        if (!latest(KEY).getId().equals(shippedDefinitionId)) {
            engine.getRepositoryService().createDeployment().name("restore-after-test")
                    .addString("bpmn/weekly-commit.bpmn", shipped()).deploy();
        }
        if (!latest(SUBMISSION_KEY).getId().equals(shippedSubmissionId)) {
            deploySubmission(shipped("weekly-commit-submission.bpmn"));
        }
    }

    @Test
    void only_admins_deploy_through_the_engine_rest_api_and_broken_models_are_refused_while_the_running_version_stays() throws IOException {
        Job timerBefore = startTimer(latest(KEY)).orElseThrow();
        String friday = shipped().replace(SUNDAY_CRON, FRIDAY_CRON);

        for (String user : List.of(TestOrganization.REP, TestOrganization.MANAGER)) {
            ResponseEntity<Map<String, Object>> refused = deploy(user, friday);
            assertThat(refused.getStatusCode().value()).as(user).isIn(401, 403);
        }
        ResponseEntity<Map<String, Object>> anonymous = http.exchange("/engine-rest/deployment/create", HttpMethod.POST,
                multipart(friday), JSON);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

        // a model that does not parse: the engine's parser names the problem
        String unparsable = shipped().replace("<bpmn:outgoing>Flow_WeeklyCommitDue</bpmn:outgoing>", "<bpmn:outgoing>Flow_Nowhere</bpmn:outgoing>")
                .replace("sourceRef=\"Start_WeeklyCommitDue\"", "sourceRef=\"Start_Missing\"");
        ResponseEntity<Map<String, Object>> notParsed = deploy(ADMIN, unparsable);
        assertThat(notParsed.getStatusCode().is4xxClientError()).as(String.valueOf(notParsed.getBody())).isTrue();
        assertThat((String) notParsed.getBody().get("message")).contains("Start_Missing");

        String notXml = shipped().substring(0, 2000);
        ResponseEntity<Map<String, Object>> truncated = deploy(ADMIN, notXml);
        // (the engine raises a plain ProcessEngineException here, which its REST API answers with 500)
        assertThat(truncated.getStatusCode().is2xxSuccessful()).as(String.valueOf(truncated.getBody())).isFalse();
        assertThat((String) truncated.getBody().get("message")).startsWith("ENGINE-09003 Could not parse 'weekly-commit.bpmn'");

        // a model without a history time to live: enforceHistoryTimeToLive refuses it
        String noTtl = friday.replace("camunda:historyTimeToLive=\"P180D\"", "");
        assertThat(noTtl).doesNotContain("historyTimeToLive");
        ResponseEntity<Map<String, Object>> withoutTtl = deploy(ADMIN, noTtl);
        assertThat(withoutTtl.getStatusCode().is2xxSuccessful()).as(withoutTtl.getStatusCode() + " " + withoutTtl.getBody()).isFalse();
        assertThat((String) withoutTtl.getBody().get("message")).contains("History Time To Live");

        // nothing changed: same version, same Sunday timer, and a cycle still starts on it
        assertThat(latest(KEY).getId()).isEqualTo(shippedDefinitionId);
        Job timerAfter = startTimer(latest(KEY)).orElseThrow();
        assertThat(timerAfter.getId()).isEqualTo(timerBefore.getId());
        assertThat(timerAfter.getDuedate().toInstant().atZone(SHANGHAI).getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
    }

    @Test
    void moving_the_weekly_commit_to_friday_17_00_moves_the_next_cycle_while_the_running_cycle_ends_on_its_version() throws IOException {
        // a cycle of the shipped (Sunday) version is running: reps have open tasks, the commit call is due Monday 09:00
        LocalDateTime sunday = LocalDateTime.of(2023, 8, 6, 8, 0);
        ClockUtil.setCurrentTime(date(sunday));
        ProcessInstance running = engine.getRuntimeService().startProcessInstanceByKey(KEY, Map.of(CYCLE_START, date(sunday)));
        String cycleKey = "2023-W32";
        runCycle(cycleKey, sunday);
        assertThat(engine.getRuntimeService().getActiveActivityIds(running.getId())).containsExactly(TIMER_COMMIT_CALL_DUE);
        assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKeyLike(cycleKey + ":%")
                .taskDefinitionKey(TASK_SUBMIT_WEEKLY_COMMIT).count()).isEqualTo(3);

        // Sunday noon the admin deploys the Friday model, as Camunda Modeler does
        ClockUtil.setCurrentTime(date(sunday.plusHours(4)));
        ResponseEntity<Map<String, Object>> deployed = deploy(ADMIN, shipped().replace(SUNDAY_CRON, FRIDAY_CRON)
                .replace("name=\"Every Sunday 08:00\"", "name=\"Every Friday 17:00\""));
        assertThat(deployed.getStatusCode()).as(String.valueOf(deployed.getBody())).isEqualTo(HttpStatus.OK);
        ProcessDefinition friday = latest(KEY);
        assertThat(friday.getId()).isNotEqualTo(shippedDefinitionId);
        assertThat(friday.getDeploymentId()).isEqualTo(deployed.getBody().get("id"));

        // the next cycle: Friday 17:00 in Asia/Shanghai; the Sunday timer is gone
        List<Job> startTimers = engine.getManagementService().createJobQuery().processDefinitionKey(KEY).timers().list().stream()
                .filter(j -> j.getProcessInstanceId() == null).toList();
        assertThat(startTimers).hasSize(1);
        assertThat(startTimers.get(0).getProcessDefinitionId()).isEqualTo(friday.getId());
        ZonedDateTime due = startTimers.get(0).getDuedate().toInstant().atZone(SHANGHAI);
        assertThat(due.toLocalDateTime()).isEqualTo(LocalDateTime.of(2023, 8, 11, 17, 0));
        assertThat(due.getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
        assertThat(startTimer(engine.getRepositoryService().getProcessDefinition(shippedDefinitionId))).isEmpty();

        // the running cycle goes on to its end on the shipped version: commit call Monday, roll-up Tuesday
        runCycle(cycleKey, LocalDateTime.of(2023, 8, 11, 12, 0));
        HistoricProcessInstance finished = engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceId(running.getId()).singleResult();
        assertThat(finished.getEndTime()).as("the old cycle ended").isNotNull();
        assertThat(finished.getProcessDefinitionId()).isEqualTo(shippedDefinitionId);
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(ROLLUP_KEY)
                .processInstanceBusinessKeyLike(cycleKey + ":%").count()).as("both levels asked for their roll-up").isEqualTo(3);
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(running.getId())
                .activityId("End_AllRollupsOpened").count()).isEqualTo(1);

        // Friday 17:00 the timer starts the next cycle, on the new version
        ClockUtil.setCurrentTime(startTimers.get(0).getDuedate());
        engine.getManagementService().executeJob(startTimers.get(0).getId());
        ProcessInstance next = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(KEY)
                .processInstanceBusinessKey("2023-W33").singleResult();
        assertThat(next).isNotNull();
        assertThat(next.getProcessDefinitionId()).isEqualTo(friday.getId());
    }

    @Test
    void running_cycles_migrate_to_the_latest_version_with_their_timers_recomputed() throws IOException {
        LocalDateTime sunday = LocalDateTime.of(2023, 9, 3, 8, 0);
        ClockUtil.setCurrentTime(date(sunday));
        ProcessInstance running = engine.getRuntimeService().startProcessInstanceByKey(KEY, Map.of(CYCLE_START, date(sunday)));
        runCycle("2023-W36", sunday);
        assertThat(callTimer(running).getDuedate()).isEqualTo(date(sunday.plusHours(25)));

        // v2: the commit call an hour later, Monday 10:00
        ResponseEntity<Map<String, Object>> deployed = deploy(ADMIN, shipped()
                .replace("${cycleClock.at(cycleStart, 'PT25H')}", "${cycleClock.at(cycleStart, 'PT26H')}"));
        assertThat(deployed.getStatusCode()).isEqualTo(HttpStatus.OK);
        ProcessDefinition v2 = latest(KEY);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(running.getId()).singleResult()
                .getProcessDefinitionId()).as("no migration without the admin").isEqualTo(shippedDefinitionId);

        assertThat(call(TestOrganization.MANAGER, HttpMethod.POST, "/api/admin/processes/weekly-commit/migrate").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map<String, Object>> migrated = call(ADMIN, HttpMethod.POST, "/api/admin/processes/weekly-commit/migrate");
        assertThat(migrated.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(migrated.getBody()).containsEntry("targetVersion", v2.getVersion()).containsEntry("notMigrated", 0);
        assertThat((Integer) migrated.getBody().get("migrated")).isGreaterThanOrEqualTo(1);

        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(running.getId()).singleResult()
                .getProcessDefinitionId()).isEqualTo(v2.getId());
        Job timer = callTimer(running);
        assertThat(timer.getProcessDefinitionId()).isEqualTo(v2.getId());
        assertThat(timer.getDuedate()).as("the timer follows the new model").isEqualTo(date(sunday.plusHours(26)));

        // v3 no longer has the activity the cycle waits in: that instance is reported with the engine's reason
        deploy(ADMIN, shipped().replace("Timer_CommitCallDue", "Timer_CommitCallStarts"));
        ResponseEntity<Map<String, Object>> partly = call(ADMIN, HttpMethod.POST, "/api/admin/processes/weekly-commit/migrate");
        assertThat(partly.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((Integer) partly.getBody().get("notMigrated")).isGreaterThanOrEqualTo(1);
        List<Map<String, Object>> refused = new ArrayList<>();
        for (Object version : (List<?>) partly.getBody().get("versions")) {
            refused.addAll((List<Map<String, Object>>) ((Map<String, Object>) version).get("refused"));
        }
        Map<String, Object> ours = refused.stream().filter(r -> running.getId().equals(r.get("processInstanceId"))).findFirst().orElseThrow();
        assertThat((String) ours.get("reason")).contains(TIMER_COMMIT_CALL_DUE);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(running.getId()).singleResult()
                .getProcessDefinitionId()).as("a refused instance stays where it was").isEqualTo(v2.getId());

        assertThat(call(ADMIN, HttpMethod.POST, "/api/admin/processes/no-such-process/migrate").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_cadence_overview_lists_each_process_its_next_start_timers_time_zone_and_settings() {
        assertThat(call(TestOrganization.REP, HttpMethod.GET, "/api/admin/cadence").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map<String, Object>> response = call(ADMIN, HttpMethod.GET, "/api/admin/cadence");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Object> overview = response.getBody();
        assertThat(overview).containsEntry("timeZone", "Asia/Shanghai");

        List<Map<String, Object>> processes = (List<Map<String, Object>>) overview.get("processes");
        assertThat(processes).extracting(p -> p.get("key"))
                .contains(KEY, SUBMISSION_KEY, ROLLUP_KEY).doesNotContain("lead-to-cash");
        Map<String, Object> weekly = processes.stream().filter(p -> KEY.equals(p.get("key"))).findFirst().orElseThrow();
        ProcessDefinition deployed = latest(KEY);
        assertThat(weekly).containsEntry("version", deployed.getVersion()).containsEntry("definitionId", deployed.getId())
                .containsEntry("startCron", SUNDAY_CRON);
        assertThat((String) weekly.get("deployedAt")).endsWith("+08:00");
        Job timer = startTimer(deployed).orElseThrow();
        ZonedDateTime next = timer.getDuedate().toInstant().atZone(SHANGHAI);
        assertThat(ZonedDateTime.parse((String) weekly.get("nextStart")).toInstant()).isEqualTo(next.toInstant());
        assertThat((String) weekly.get("nextStart")).endsWith("08:00:00+08:00");
        assertThat((String) weekly.get("nextStartText")).startsWith("Sunday ").endsWith(" 08:00 (Asia/Shanghai)");
        assertThat((List<Map<String, Object>>) weekly.get("timers")).contains(
                Map.of("elementId", "Start_WeeklyCommitDue", "name", "Every Sunday 08:00", "type", "timeCycle", "expression", SUNDAY_CRON),
                Map.of("elementId", TIMER_COMMIT_CALL_DUE, "name", "Monday 09:00", "type", "timeDate",
                        "expression", "${cycleClock.at(cycleStart, 'PT25H')}"));

        Map<String, Object> submission = processes.stream().filter(p -> SUBMISSION_KEY.equals(p.get("key"))).findFirst().orElseThrow();
        assertThat(submission.get("startCron")).isNull();
        assertThat(submission.get("nextStart")).as("started by the weekly cycle, not by a timer").isNull();
        assertThat((List<Map<String, Object>>) submission.get("timers")).extracting(t -> t.get("elementId"), t -> t.get("expression"))
                .contains(org.assertj.core.groups.Tuple.tuple(TIMER_COMMIT_REMINDER, "${cycleClock.at(cycleStart, 'PT12H')}"),
                        org.assertj.core.groups.Tuple.tuple(TIMER_SUBMISSION_DEADLINE, "${cycleClock.at(cycleStart, 'PT24H')}"));
        assertThat((List<Map<String, Object>>) submission.get("deadlines")).extracting(d -> d.get("elementId"), d -> d.get("dueDate"))
                .contains(org.assertj.core.groups.Tuple.tuple(TASK_SUBMIT_WEEKLY_COMMIT, "${cycleClock.at(cycleStart, 'PT24H')}"));

        Map<String, Object> settings = (Map<String, Object>) overview.get("settings");
        assertThat(settings).containsEntry("cadence.time-zone", "Asia/Shanghai")
                .containsEntry("cadence.weekly-commit.batch-size", "2")   // application-test.yml
                .containsEntry("cadence.thresholds.accuracy-low", 0.95)
                .containsEntry("cadence.thresholds.accuracy-high", 1.10)
                .containsKeys("cadence.thresholds.linearity-low", "cadence.thresholds.linearity-high",
                        "cadence.thresholds.unfulfilled-max", "cadence.workflow.models-dir");
    }

    @Test
    void a_reps_open_commit_migrates_to_a_new_reminder_offset_and_a_fired_reminder_does_not_fire_again() throws IOException {
        LocalDateTime sunday = LocalDateTime.of(2023, 10, 8, 8, 0);
        ClockUtil.setCurrentTime(date(sunday));
        engine.getRuntimeService().startProcessInstanceByKey(KEY, Map.of(CYCLE_START, date(sunday)));
        String cycleKey = "2023-W41";
        runCycle(cycleKey, sunday);
        List<ProcessInstance> submissions = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(SUBMISSION_KEY).processInstanceBusinessKeyLike(cycleKey + ":%").list();
        assertThat(submissions).hasSize(3);
        ProcessInstance one = submissions.get(0);
        assertThat(timer(one, TIMER_COMMIT_REMINDER).getDuedate()).isEqualTo(date(sunday.plusHours(12)));

        // v2: the reminder at 16:00 (PT8H) and the deadline at Monday 09:00 (PT25H)
        deploySubmission(shipped("weekly-commit-submission.bpmn")
                .replace("${cycleClock.at(cycleStart, 'PT12H')}", "${cycleClock.at(cycleStart, 'PT8H')}")
                .replace("${cycleClock.at(cycleStart, 'PT24H')}</bpmn:timeDate>", "${cycleClock.at(cycleStart, 'PT25H')}</bpmn:timeDate>"));
        ProcessDefinition v2 = latest(SUBMISSION_KEY);
        ResponseEntity<Map<String, Object>> migrated = call(ADMIN, HttpMethod.POST, "/api/admin/processes/weekly-commit-submission/migrate");
        assertThat(migrated.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(migrated.getBody()).containsEntry("notMigrated", 0);

        ProcessInstance moved = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(one.getId()).singleResult();
        assertThat(moved.getProcessDefinitionId()).isEqualTo(v2.getId());
        assertThat(timer(one, TIMER_COMMIT_REMINDER).getDuedate()).isEqualTo(date(sunday.plusHours(8)));
        assertThat(timer(one, TIMER_SUBMISSION_DEADLINE).getDuedate()).isEqualTo(date(sunday.plusHours(25)));

        // the reminder fires on v2; a later migration (v3) does not bring it back
        runCycle(cycleKey, sunday.plusHours(9));
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(one.getId()).activityId(TIMER_COMMIT_REMINDER).count()).isZero();
        deploySubmission(shipped("weekly-commit-submission.bpmn")
                .replace("${cycleClock.at(cycleStart, 'PT12H')}", "${cycleClock.at(cycleStart, 'PT9H')}"));
        assertThat(call(ADMIN, HttpMethod.POST, "/api/admin/processes/weekly-commit-submission/migrate").getBody())
                .containsEntry("notMigrated", 0);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(one.getId()).singleResult()
                .getProcessDefinitionId()).isEqualTo(latest(SUBMISSION_KEY).getId());
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(one.getId()).activityId(TIMER_COMMIT_REMINDER).count())
                .as("a reminder already sent is not sent again").isZero();
    }

    @Test
    void a_model_with_user_tasks_is_deployed_with_its_forms_unless_changed_only_filtering_drops_the_unchanged_forms() throws IOException {
        Map<String, String> files = new java.util.LinkedHashMap<>();
        files.put("weekly-commit-submission.bpmn", shipped("weekly-commit-submission.bpmn")
                .replace("${cycleClock.at(cycleStart, 'PT12H')}", "${cycleClock.at(cycleStart, 'PT11H')}"));
        // the embedded form is found by its resource name (embedded:deployment:forms/...): uploaded with its folder
        files.put("forms/submit-weekly-commit.html", resource("/forms/submit-weekly-commit.html"));
        files.put("chase-missing-commit.form", resource("/forms/chase-missing-commit.form"));

        // as the guide says: deploy-changed-only=false, the forms go into the model's deployment
        ResponseEntity<Map<String, Object>> whole = http.withBasicAuth(ADMIN, TestOrganization.PASSWORD).exchange(
                "/engine-rest/deployment/create", HttpMethod.POST, multipart("weekly-commit-submission", false, files), JSON);
        assertThat(whole.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(engine.getRepositoryService().getDeploymentResourceNames((String) whole.getBody().get("id")))
                .containsExactlyInAnyOrder("weekly-commit-submission.bpmn", "forms/submit-weekly-commit.html", "chase-missing-commit.form");

        // with deploy-changed-only=true only the changed model is deployed: its tasks would find no form
        files.put("weekly-commit-submission.bpmn", files.get("weekly-commit-submission.bpmn").replace("'PT11H'", "'PT10H'"));
        ResponseEntity<Map<String, Object>> changedOnly = http.withBasicAuth(ADMIN, TestOrganization.PASSWORD).exchange(
                "/engine-rest/deployment/create", HttpMethod.POST, multipart("weekly-commit-submission", true, files), JSON);
        assertThat(changedOnly.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(engine.getRepositoryService().getDeploymentResourceNames((String) changedOnly.getBody().get("id")))
                .containsExactly("weekly-commit-submission.bpmn");
    }

    // --- helpers

    private Job timer(ProcessInstance instance, String activityId) {
        return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).activityId(activityId).singleResult();
    }

    private ResponseEntity<Map<String, Object>> deploy(String user, String bpmn) {
        return http.withBasicAuth(user, TestOrganization.PASSWORD)
                .exchange("/engine-rest/deployment/create", HttpMethod.POST, multipart(bpmn), JSON);
    }

    /** What Camunda Modeler sends for "Deploy" against Camunda 7. */
    static HttpEntity<MultiValueMap<String, Object>> multipart(String bpmn) {
        return multipart("weekly-commit", true, Map.of("weekly-commit.bpmn", bpmn));
    }

    static HttpEntity<MultiValueMap<String, Object>> multipart(String name, boolean changedOnly, Map<String, String> files) {
        return ModelerUpload.of(name, changedOnly, files);
    }

    private ResponseEntity<Map<String, Object>> call(String user, HttpMethod method, String path) {
        return http.withBasicAuth(user, TestOrganization.PASSWORD).exchange(path, method, null, JSON);
    }

    /** The submission model with its forms, in one deployment, as its user tasks need. */
    private void deploySubmission(String bpmn) throws IOException {
        engine.getRepositoryService().createDeployment().name("weekly-commit-submission")
                .addString("bpmn/weekly-commit-submission.bpmn", bpmn)
                .addString("forms/submit-weekly-commit.html", resource("/forms/submit-weekly-commit.html"))
                .addString("forms/chase-missing-commit.form", resource("/forms/chase-missing-commit.form")).deploy();
    }

    static String shipped() throws IOException {
        return shipped("weekly-commit.bpmn");
    }

    static String shipped(String file) throws IOException {
        return resource("/bpmn/" + file);
    }

    static String resource(String path) throws IOException {
        try (InputStream in = CadenceChangeApiIntegrationTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private ProcessDefinition latest(String key) {
        return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
    }

    private Optional<Job> startTimer(ProcessDefinition definition) {
        return engine.getManagementService().createJobQuery().processDefinitionId(definition.getId()).timers().list().stream()
                .filter(j -> j.getProcessInstanceId() == null).findFirst();
    }

    private Job callTimer(ProcessInstance instance) {
        return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
    }

    /**
     * Runs the cycle's jobs as the job executor would, moving the clock from due date to due date (never
     * past {@code until}), until none is left before then.
     */
    private void runCycle(String cycleKey, LocalDateTime until) {
        Date limit = date(until);
        for (int round = 0; round < 500; round++) {
            List<String> instances = engine.getRuntimeService().createProcessInstanceQuery()
                    .processInstanceBusinessKeyLike(cycleKey + "%").list().stream().map(ProcessInstance::getId).toList();
            List<Job> jobs = new ArrayList<>();
            for (String instance : instances) {
                jobs.addAll(engine.getManagementService().createJobQuery().processInstanceId(instance).list());
            }
            Optional<Job> next = jobs.stream().filter(j -> j.getDuedate() == null || !j.getDuedate().after(limit))
                    .min(Comparator.comparing(j -> j.getDuedate() == null ? new Date(0) : j.getDuedate()));
            if (next.isEmpty()) {
                return;
            }
            Job job = next.get();
            if (job.getDuedate() != null && job.getDuedate().after(ClockUtil.getCurrentTime())) {
                ClockUtil.setCurrentTime(job.getDuedate());
            }
            engine.getManagementService().executeJob(job.getId());
        }
        throw new AssertionError("jobs keep coming for " + cycleKey);
    }

    static Date date(LocalDateTime time) {
        return Date.from(time.atZone(ZoneId.systemDefault()).toInstant());
    }
}
