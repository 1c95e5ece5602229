package com.salescadence.cadence;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
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

import com.salescadence.notification.NotificationKind;
import com.salescadence.notification.NotificationService;
import com.salescadence.organization.OrganizationService;
import com.salescadence.organization.Person;
import com.salescadence.organization.Role;
import com.salescadence.support.TestDatabase;
import com.salescadence.workflow.WeeklyCommitProcess;

/**
 * One full week of the cadence for the demo organisation (4 teams of 3 reps, 2 regions, a global leader),
 * through the REST API as its people use it; an admin moves time by executing the due timers, as in Cockpit.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"cadence.demo.enabled=true", "cadence.demo.password=demo"})
@ActiveProfiles("test")
class DemoWeekIntegrationTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> JSON_LIST = new ParameterizedTypeReference<>() { };
    private static final Set<String> WEEKLY = Set.of(WeeklyCommitProcess.KEY, WeeklyCommitProcess.SUBMISSION_KEY, WeeklyCommitProcess.ROLLUP_KEY);
    private static final String PASSWORD = "demo";
    private static final String MISSING_REP = "rep.liang";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.registerOwn(registry, "demo_week"); // the demo loads only into an empty database
    }

    @Autowired TestRestTemplate http;
    @Autowired OrganizationService organization;
    @Autowired ManagementService managementService;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired NotificationService notifications;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void one_week_for_the_demo_organisation_from_sunday_commits_to_the_global_leaders_rollup() {
        LocalDateTime sunday = LocalDate.now().with(TemporalAdjusters.next(DayOfWeek.SUNDAY)).atTime(8, 0);
        setClock(sunday);
        call("admin", HttpMethod.POST, "/api/cadence/weekly-commit/start", Map.of("cycleStart", sunday.toString()), HttpStatus.CREATED);
        runDueJobs();
        List<Map<String, Object>> recent = list("admin", "/api/cadence/weekly-commit/cycles");
        long cycleId = ((Number) recent.get(0).get("id")).longValue();
        String cycleKey = (String) recent.get(0).get("cycleKey");

        // every rep but one submits the prefilled commit; the test keeps what each committed
        List<Person> reps = organization.withRole(Role.REP);
        assertThat(reps).hasSize(12);
        Map<String, BigDecimal> committed = new HashMap<>();
        for (Person rep : reps) {
            if (rep.id().equals(MISSING_REP)) {
                continue;
            }
            Map<String, Object> form = call(rep.id(), HttpMethod.GET, "/api/cadence/cycles/" + cycleId + "/commit-form", null, HttpStatus.OK);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> items = (List<Map<String, Object>>) form.get("items");
            BigDecimal commit = items.stream().filter(i -> "commit".equals(i.get("category")))
                    .map(i -> new BigDecimal(i.get("amount").toString())).reduce(BigDecimal.ZERO, BigDecimal::add);
            Map<String, Object> submitted = call(rep.id(), HttpMethod.POST, "/api/cadence/cycles/" + cycleId + "/commit",
                    Map.of("items", items, "projectTracking", "Key deals on plan"), HttpStatus.OK);
            @SuppressWarnings("unchecked")
            Map<String, Object> report = (Map<String, Object>) submitted.get("report");
            assertThat(new BigDecimal(report.get("commitAmount").toString())).isEqualByComparingTo(commit);
            committed.put(rep.id(), commit);
        }
        assertThat(committed.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).as("the demo pipeline has deals to commit").isPositive();
        // submitting twice is refused: the task was completed a moment ago, a conflict with a message (issue 13 item 7)
        call("rep.xu", HttpMethod.POST, "/api/cadence/cycles/" + cycleId + "/commit", Map.of("items", List.of()), HttpStatus.CONFLICT);

        // an admin walks the week without waiting: the next timers are the reminders, only the missing rep's is left
        assertThat(call("rep.xu", HttpMethod.POST, "/api/cadence/cycles/" + cycleId + "/next-timer", null, HttpStatus.FORBIDDEN)).isNotNull();
        Map<String, Object> fired = call("admin", HttpMethod.POST, "/api/cadence/cycles/" + cycleId + "/next-timer", null, HttpStatus.OK);
        assertThat(counts(fired, "fired")).containsExactly(Map.entry(WeeklyCommitProcess.TIMER_COMMIT_REMINDER, 1));
        assertThat(notifications.forRecipient(MISSING_REP, 100)).anyMatch(m -> m.kind() == NotificationKind.REPORT_REMINDER);

        // Monday 08:00: the missing rep's manager gets the chase task and a mail
        setClock(sunday.plusHours(24));
        runDueJobs();
        String missingManager = organization.managerOf(MISSING_REP);
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(cycleKey + ":" + MISSING_REP)
                .taskDefinitionKey(WeeklyCommitProcess.TASK_CHASE_MISSING_COMMIT).singleResult().getAssignee()).isEqualTo(missingManager);
        assertThat(notifications.forRecipient(missingManager, 100)).anyMatch(m -> m.kind() == NotificationKind.REPORT_MISSING
                && m.body().contains(cycleKey));

        // Monday 09:00: each first-line manager's call shows the team's commits, and who is missing
        setClock(sunday.plusHours(25));
        runDueJobs();
        Map<String, BigDecimal> levelTotals = new HashMap<>();
        for (Person manager : organization.managersAtLevel(1)) {
            Map<String, Object> call = call(manager.id(), HttpMethod.GET, "/api/cadence/cycles/" + cycleId + "/rollup", null, HttpStatus.OK);
            BigDecimal expected = organization.directReports(manager.id()).stream()
                    .map(r -> committed.getOrDefault(r.id(), BigDecimal.ZERO)).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(new BigDecimal(call.get("totalCommit").toString())).as(manager.id()).isEqualByComparingTo(expected);
            assertThat((List<?>) call.get("missing")).hasSize(manager.id().equals(missingManager) ? 1 : 0);
            assertThat(taskService.createTaskQuery().taskAssignee(manager.id()).taskDefinitionKey(WeeklyCommitProcess.TASK_RUN_COMMIT_CALL).count()).isEqualTo(1);
            call(manager.id(), HttpMethod.POST, "/api/cadence/cycles/" + cycleId + "/rollup", Map.of("notes", "Call held"), HttpStatus.OK);
            levelTotals.put(manager.id(), expected);
        }
        // a rep cannot see another team's call
        call("rep.xu", HttpMethod.GET, "/api/cadence/cycles/" + cycleId + "/rollup?managerId=flm.shenzhen", null, HttpStatus.NOT_FOUND);

        // one level per weekday up to the top: Tuesday the regions, Wednesday the global leader
        int level = 2;
        for (int day = 1; !organization.managersAtLevel(level).isEmpty(); day++, level++) {
            setClock(sunday.plusHours(25).plusDays(day));
            runDueJobs();
            Map<String, BigDecimal> totals = new HashMap<>();
            for (Person manager : organization.managersAtLevel(level)) {
                Map<String, Object> review = call(manager.id(), HttpMethod.GET, "/api/cadence/cycles/" + cycleId + "/rollup", null, HttpStatus.OK);
                BigDecimal expected = organization.directReports(manager.id()).stream()
                        .map(r -> levelTotals.getOrDefault(r.id(), BigDecimal.ZERO)).reduce(BigDecimal.ZERO, BigDecimal::add);
                assertThat(new BigDecimal(review.get("totalCommit").toString())).as(manager.id()).isEqualByComparingTo(expected);
                call(manager.id(), HttpMethod.POST, "/api/cadence/cycles/" + cycleId + "/rollup", Map.of(), HttpStatus.OK);
                totals.put(manager.id(), expected);
            }
            levelTotals.clear();
            levelTotals.putAll(totals);
        }
        assertThat(level - 1).as("the demo hierarchy has three management levels").isEqualTo(3);
        assertThat(levelTotals).containsOnlyKeys("gl.chen");
        assertThat(levelTotals.get("gl.chen")).isEqualByComparingTo(committed.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add));
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(cycleKey)
                .processDefinitionKey(WeeklyCommitProcess.KEY).count()).as("the cycle's orchestration has ended").isZero();

        // the compliance record: 11 reps and 7 managers on time, one rep missed
        Map<String, Object> compliance = call("admin", HttpMethod.GET, "/api/cadence/cycles/" + cycleId + "/compliance", null, HttpStatus.OK);
        assertThat(counts(compliance)).containsEntry("ON_TIME", 18).containsEntry("MISSED", 1);
        Map<String, Object> team = call(missingManager, HttpMethod.GET, "/api/cadence/cycles/" + cycleId + "/compliance?team=" + missingManager, null, HttpStatus.OK);
        assertThat(counts(team)).as("two reps and the manager's own roll-up on time, one rep missed")
                .containsEntry("ON_TIME", 3).containsEntry("MISSED", 1);
        Map<String, Object> record = call(missingManager, HttpMethod.GET, "/api/cadence/compliance/people/" + MISSING_REP, null, HttpStatus.OK);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> reports = (List<Map<String, Object>>) record.get("reports");
        assertThat(reports).first().satisfies(r -> {
            assertThat(r.get("cycleKey")).isEqualTo(cycleKey);
            assertThat(r.get("status")).isEqualTo("MISSED");
        });
        call("rep.xu", HttpMethod.GET, "/api/cadence/compliance/people/" + MISSING_REP, null, HttpStatus.NOT_FOUND);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Integer> counts(Map<String, Object> compliance) {
        return counts(compliance, "counts");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Integer> counts(Map<String, Object> body, String key) {
        return (Map<String, Integer>) body.get(key);
    }

    /** Executes the weekly cadence's due jobs, as the job executor (or an admin in Cockpit) would. */
    private void runDueJobs() {
        for (int round = 0; round < 500; round++) {
            List<Job> due = managementService.createJobQuery().executable().list().stream()
                    .filter(j -> j.getProcessInstanceId() != null && WEEKLY.contains(j.getProcessDefinitionKey())).toList();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> managementService.executeJob(job.getId()));
        }
        throw new AssertionError("jobs keep coming");
    }

    private Map<String, Object> call(String user, HttpMethod method, String path, Object body, HttpStatus expected) {
        ResponseEntity<Map<String, Object>> response = http.withBasicAuth(user, PASSWORD)
                .exchange(path, method, body == null ? null : new HttpEntity<>(body), JSON);
        assertThat(response.getStatusCode()).as(method + " " + path + " as " + user + ": " + response.getBody()).isEqualTo(expected);
        return response.getBody();
    }

    private List<Map<String, Object>> list(String user, String path) {
        ResponseEntity<List<Map<String, Object>>> response = http.withBasicAuth(user, PASSWORD).exchange(path, HttpMethod.GET, null, JSON_LIST);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private static void setClock(LocalDateTime time) {
        ClockUtil.setCurrentTime(Date.from(time.atZone(ZoneId.systemDefault()).toInstant()));
    }
}
