package com.salescadence.people;

import static com.salescadence.support.RestCalls.call;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.salescadence.organization.OrganizationAdministration;
import com.salescadence.organization.OrganizationService;
import com.salescadence.organization.Person;
import com.salescadence.organization.Role;
import com.salescadence.support.CadenceIntegrationTest;
import com.salescadence.support.TestOrganization;
import com.salescadence.support.WeeklyCycles;
import com.salescadence.workflow.LeadToCashProcess;
import com.salescadence.workflow.WeeklyCommitProcess;

/**
 * Every people operation through /api/people as an administrator: add (with the one-time password link, used
 * once, refused when expired), edit, move (the approvals and chases about the person follow to the new manager), leave (open
 * deals and tasks to a successor, sign-in locked, history kept) and the refusals: self-manager, loop, last
 * administrator, duplicate login, a non-administrator.
 */
@CadenceIntegrationTest
class PeopleApiIntegrationTest {

    static final String ADMIN = "p.admin";
    private static final Pattern LINK = Pattern.compile("/password/#token=([A-Za-z0-9_-]+)");


    @Autowired TestRestTemplate http;
    @Autowired OrganizationService organization;
    @Autowired OrganizationAdministration administration;
    @Autowired IdentityService identityService;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired JdbcClient jdbc;
    @Autowired org.camunda.bpm.engine.ProcessEngine engine;

    @BeforeEach
    void people() {
        TestOrganization.ensure(organization, administration);
        ensureAdministrator(organization, administration);
    }

    @AfterEach
    void clock() {
        ClockUtil.reset();
    }

    static void ensureAdministrator(OrganizationService organization, OrganizationAdministration administration) {
        if (organization.findPerson(ADMIN).isEmpty()) {
            administration.add(new Person(ADMIN, "Pei Admin", "p.admin@test.local", Role.ADMIN, null, "Administrator"),
                    TestOrganization.PASSWORD);
        }
    }

    @Test
    void a_new_person_sets_their_password_once_with_the_link_of_their_mail_and_an_expired_link_is_refused() {
        Map<String, Object> added = call(http, ADMIN, HttpMethod.POST, "/api/people", Map.of("login", "p.new", "name", "Niu New",
                "email", "niu.new@test.local", "role", "REP", "managerId", TestOrganization.MANAGER, "title", "Account manager",
                "language", "en"), HttpStatus.CREATED);
        assertThat(added).containsEntry("login", "p.new").containsEntry("managerId", TestOrganization.MANAGER)
                .containsEntry("active", true).containsEntry("language", "en");
        assertThat(identityService.createUserQuery().userId("p.new").memberOfGroup(Role.REP.groupId()).count()).isEqualTo(1);

        // the mail holds a link, never a password; only the token's hash is stored, and the API does not show the link
        String mail = latestMailBody("p.new");
        assertThat(mail).contains("Your login is: p.new").contains("http://localhost:8080/password/#token=").doesNotContainIgnoringCase("password:");
        String token = token(mail);
        assertThat(jdbc.sql("select count(*) from password_link where token_hash = ?").param(token).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from password_link where token_hash = ?").param(PasswordLinks.hash(token))
                .query(Long.class).single()).isEqualTo(1);
        List<Map<String, Object>> outbox = com.salescadence.support.RestCalls.list(http, ADMIN, "/api/notifications/all");
        assertThat(outbox).filteredOn(m -> "p.new".equals(m.get("recipientId"))).singleElement()
                .satisfies(m -> assertThat((String) m.get("body")).doesNotContain(token));

        assertThat(checkLink(token)).containsEntry("login", "p.new");
        Map<String, Object> tooShort = post("/api/password", Map.of("token", token, "password", "short"), HttpStatus.BAD_REQUEST);
        assertThat((String) tooShort.get("error")).contains("at least 12 characters");
        post("/api/password", Map.of("token", token, "password", "a-long-enough-password"), HttpStatus.OK);
        assertThat(http.withBasicAuth("p.new", "a-long-enough-password").getForEntity("/api/people/me", Map.class).getBody())
                .containsEntry("login", "p.new").containsEntry("administrator", false);
        Map<String, Object> again = post("/api/password", Map.of("token", token, "password", "another-long-password"), HttpStatus.BAD_REQUEST);
        assertThat((String) again.get("error")).contains("This link is not valid: it was used already");
        assertThat(identityService.checkPassword("p.new", "another-long-password")).isFalse();

        // a new link expires after cadence.people.password-link-hours (72)
        call(http, ADMIN, HttpMethod.POST, "/api/people/p.new/password-link", null, HttpStatus.ACCEPTED);
        String second = token(latestMailBody("p.new"));
        ClockUtil.setCurrentTime(java.sql.Timestamp.valueOf(LocalDateTime.now().plusHours(73)));
        Map<String, Object> expired = post("/api/password", Map.of("token", second, "password", "a-third-long-password"), HttpStatus.BAD_REQUEST);
        assertThat((String) expired.get("error")).contains("has expired");
        assertThat(identityService.checkPassword("p.new", "a-third-long-password")).isFalse();
        ClockUtil.reset();
        post("/api/password", Map.of("token", second, "password", "a-third-long-password"), HttpStatus.OK);

        // edit: name, role (the Camunda groups follow), language
        Map<String, Object> edited = call(http, ADMIN, HttpMethod.PUT, "/api/people/p.new", Map.of("name", "Niu Newer",
                "email", "niu.newer@test.local", "role", "MANAGER", "title", "Team lead", "language", "zh"), HttpStatus.OK);
        assertThat(edited).containsEntry("name", "Niu Newer").containsEntry("role", "MANAGER").containsEntry("language", "zh")
                .containsEntry("managerId", TestOrganization.MANAGER);
        assertThat(identityService.createUserQuery().userId("p.new").memberOfGroup(Role.MANAGER.groupId()).count()).isEqualTo(1);
        assertThat(identityService.createUserQuery().userId("p.new").memberOfGroup(Role.REP.groupId()).count()).isZero();
        assertThat(identityService.createUserQuery().userId("p.new").singleResult().getEmail()).isEqualTo("niu.newer@test.local");

        // refusals: a taken login, bad fields, not an administrator
        Map<String, Object> taken = call(http, ADMIN, HttpMethod.POST, "/api/people", Map.of("login", "p.new", "name", "Other",
                "email", "other@test.local", "role", "REP"), HttpStatus.CONFLICT);
        assertThat((String) taken.get("error")).contains("Login name 'p.new' is taken.");
        Map<String, Object> bad = call(http, ADMIN, HttpMethod.POST, "/api/people", Map.of("login", "P New!", "name", "",
                "email", "not-an-address", "role", "REP"), HttpStatus.BAD_REQUEST);
        assertThat((List<?>) bad.get("problems")).hasSize(3);
        call(http, TestOrganization.MANAGER, HttpMethod.POST, "/api/people", Map.of("login", "p.sneaky", "name", "Sneaky",
                "email", "s@test.local", "role", "ADMIN"), HttpStatus.FORBIDDEN);
        call(http, TestOrganization.MANAGER, HttpMethod.GET, "/api/people", null, HttpStatus.FORBIDDEN);
        assertThat(organization.findPerson("p.sneaky")).isEmpty();
    }

    @Test
    void a_move_hands_the_approvals_about_the_person_to_the_new_manager_and_loops_and_self_managers_are_refused() {
        administration.add(new Person("p.mover", "Mo Mover", "mover@test.local", Role.REP, TestOrganization.MANAGER, null),
                TestOrganization.PASSWORD);
        long bigDeal = qualifiedDeal("p.mover", "3000000");        // go / no-go waits for the manager
        long dealInAdvance = qualifiedDeal("p.mover", "300000");
        call(http, "p.mover", HttpMethod.POST, "/api/opportunities/" + dealInAdvance + "/stage-work", Map.of("action", "advance",
                "outcomes", List.of("NEED_UNDERSTOOD", "MARKET_INFO_CONFIRMED"), "evidence", "Confirmed by the CIO",
                "claimedProbability", "25"), HttpStatus.OK);      // the advance waits for the manager's approval
        qualifiedDeal(TestOrganization.REP, "3000000");             // someone else's go / no-go: stays with the manager
        List<Task> before = tasksAbout(TestOrganization.MANAGER, "p.mover");
        assertThat(before).extracting(Task::getTaskDefinitionKey)
                .containsExactlyInAnyOrder(LeadToCashProcess.TASK_GO_NO_GO, LeadToCashProcess.TASK_APPROVE_STAGE_ADVANCE);

        Map<String, Object> moved = call(http, ADMIN, HttpMethod.POST, "/api/people/p.mover/move",
                Map.of("managerId", TestOrganization.OTHER_MANAGER), HttpStatus.OK);
        assertThat((Map<String, Object>) moved.get("person")).containsEntry("managerId", TestOrganization.OTHER_MANAGER);
        assertThat((List<String>) moved.get("tasks")).containsExactlyInAnyOrderElementsOf(before.stream().map(Task::getId).toList());
        assertThat(moved).containsEntry("approvals", 1);
        assertThat(tasksAbout(TestOrganization.MANAGER, "p.mover")).isEmpty();
        assertThat(tasksAbout(TestOrganization.OTHER_MANAGER, "p.mover")).hasSize(2);
        assertThat(tasksAbout(TestOrganization.MANAGER, TestOrganization.REP)).hasSize(1);

        // the new manager decides; the old one no longer may
        call(http, TestOrganization.MANAGER, HttpMethod.POST, "/api/opportunities/" + dealInAdvance + "/advance-decision",
                Map.of("decision", "approve", "comment", "ok"), HttpStatus.NOT_FOUND);
        call(http, TestOrganization.OTHER_MANAGER, HttpMethod.POST, "/api/opportunities/" + dealInAdvance + "/advance-decision",
                Map.of("decision", "approve", "comment", "Evidence checked"), HttpStatus.OK);
        call(http, TestOrganization.OTHER_MANAGER, HttpMethod.POST, "/api/opportunities/" + bigDeal + "/go-decision",
                Map.of("decision", "go", "reasoning", "Strategic account"), HttpStatus.OK);

        // refusals: a loop, oneself, an unknown manager; nothing changes
        Map<String, Object> loop = call(http, ADMIN, HttpMethod.POST, "/api/people/" + TestOrganization.LEADER + "/move",
                Map.of("managerId", "p.mover"), HttpStatus.BAD_REQUEST);
        assertThat((String) loop.get("error")).contains("would form a loop");
        Map<String, Object> self = call(http, ADMIN, HttpMethod.POST, "/api/people/p.mover/move",
                Map.of("managerId", "p.mover"), HttpStatus.BAD_REQUEST);
        assertThat((String) self.get("error")).contains("cannot be their own manager");
        Map<String, Object> unknown = call(http, ADMIN, HttpMethod.POST, "/api/people/p.mover/move",
                Map.of("managerId", "p.nobody"), HttpStatus.BAD_REQUEST);
        assertThat((String) unknown.get("error")).contains("'p.nobody' is not an active person");
        Map<String, Object> underRep = call(http, ADMIN, HttpMethod.POST, "/api/people/" + TestOrganization.OTHER_REP + "/move",
                Map.of("managerId", TestOrganization.REP), HttpStatus.BAD_REQUEST);
        assertThat((String) underRep.get("error")).contains("'t.rep1' is not a manager or administrator");
        Map<String, Object> demoted = call(http, ADMIN, HttpMethod.PUT, "/api/people/" + TestOrganization.MANAGER, Map.of(
                "name", "Meng Manager", "email", "t.mgr1@test.local", "role", "REP"), HttpStatus.BAD_REQUEST);
        assertThat((String) demoted.get("error")).contains("'t.mgr1' has reports");
        assertThat(organization.person(TestOrganization.OTHER_REP).managerId()).isEqualTo(TestOrganization.OTHER_MANAGER);
        assertThat(organization.person(TestOrganization.LEADER).managerId()).isNull();
        assertThat(organization.person("p.mover").managerId()).isEqualTo(TestOrganization.OTHER_MANAGER);
    }

    @Test
    void a_move_hands_the_chase_of_a_missing_commit_to_the_new_manager() {
        administration.add(new Person("p.chased", "Chen Chased", "chased@test.local", Role.REP, TestOrganization.MANAGER, null),
                TestOrganization.PASSWORD);
        WeeklyCycles weeks = new WeeklyCycles(engine);
        String key = weeks.open(LocalDateTime.of(2021, 3, 7, 8, 0));
        WeeklyCycles.setClock(LocalDateTime.of(2021, 3, 8, 8, 30));   // past Monday 08:00: the missing commits are chased
        weeks.runDueJobs(key);
        Task chase = chaseOf("p.chased");
        assertThat(chase.getAssignee()).isEqualTo(TestOrganization.MANAGER);

        Map<String, Object> moved = call(http, ADMIN, HttpMethod.POST, "/api/people/p.chased/move",
                Map.of("managerId", TestOrganization.OTHER_MANAGER), HttpStatus.OK);
        assertThat((List<String>) moved.get("tasks")).containsExactly(chase.getId());
        assertThat(chaseOf("p.chased").getAssignee()).isEqualTo(TestOrganization.OTHER_MANAGER);
        assertThat(runtimeService.getVariable(chase.getProcessInstanceId(), WeeklyCommitProcess.CHASE_ASSIGNEE))
                .isEqualTo(TestOrganization.OTHER_MANAGER);
        assertThat(chaseOf(TestOrganization.REP).getAssignee()).as("another rep's chase stays").isEqualTo(TestOrganization.MANAGER);
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_leavers_own_weekly_commit_ends_with_the_leave_and_is_neither_handed_to_the_successor_nor_chased() {
        administration.add(new Person("p.gone", "Gao Gone", "gone@test.local", Role.REP, TestOrganization.MANAGER, null),
                TestOrganization.PASSWORD);
        WeeklyCycles weeks = new WeeklyCycles(engine);
        String key = weeks.open(LocalDateTime.of(2021, 3, 21, 8, 0));
        Task own = weeks.commitTask(key, "p.gone");
        assertThat(own.getAssignee()).isEqualTo("p.gone");
        Task successorsOwn = weeks.commitTask(key, TestOrganization.TEAMMATE);

        Map<String, Object> left = call(http, ADMIN, HttpMethod.POST, "/api/people/p.gone/leave",
                Map.of("successorId", TestOrganization.TEAMMATE), HttpStatus.OK);
        assertThat(left).containsEntry("reportsEnded", 1);
        assertThat((List<String>) left.get("tasks")).doesNotContain(own.getId());
        // the leaver's commit is not the successor's work: their report process ended, the report due is withdrawn
        assertThat(weeks.instance(WeeklyCommitProcess.SUBMISSION_KEY, key + ":p.gone")).isNull();
        assertThat(taskService.createTaskQuery().taskId(own.getId()).count()).isZero();
        assertThat(taskService.createTaskQuery().taskAssignee(TestOrganization.TEAMMATE)
                .taskDefinitionKey(WeeklyCommitProcess.TASK_SUBMIT_WEEKLY_COMMIT).list()).extracting(Task::getId)
                .contains(successorsOwn.getId()).doesNotContain(own.getId());
        assertThat(jdbc.sql("select count(*) from report_submission where person_id = 'p.gone' and status = 'DUE'")
                .query(Long.class).single()).isZero();

        // past the deadline nobody chases the leaver; the successor's own missing commit is chased as always
        WeeklyCycles.setClock(LocalDateTime.of(2021, 3, 22, 8, 30));
        weeks.runDueJobs(key);
        assertThat(chaseOf("p.gone")).isNull();
        assertThat(taskService.createTaskQuery().processInstanceId(weeks.instance(WeeklyCommitProcess.SUBMISSION_KEY,
                key + ":" + TestOrganization.TEAMMATE).getId()).taskDefinitionKey(WeeklyCommitProcess.TASK_CHASE_MISSING_COMMIT).count())
                .isEqualTo(1);
    }

    @Test
    void a_leavers_open_deals_and_tasks_go_to_the_successor_their_sign_in_is_locked_and_their_history_stays() {
        administration.add(new Person("p.leaver", "Li Leaver", "leaver@test.local", Role.REP, TestOrganization.MANAGER, null),
                TestOrganization.PASSWORD);
        long open = qualifiedDeal("p.leaver", "300000");
        long won = qualifiedDeal("p.leaver", "20000");              // out of the funnel: won at once
        call(http, "p.leaver", HttpMethod.POST, "/api/opportunities/" + won + "/small-deal-outcome", Map.of("outcome", "won"), HttpStatus.OK);
        List<Task> work = taskService.createTaskQuery().taskAssignee("p.leaver").list();
        assertThat(work).extracting(Task::getTaskDefinitionKey).contains(LeadToCashProcess.TASK_WORK_STAGE);

        Map<String, Object> left = call(http, ADMIN, HttpMethod.POST, "/api/people/p.leaver/leave",
                Map.of("successorId", TestOrganization.TEAMMATE), HttpStatus.OK);
        assertThat((Map<String, Object>) left.get("person")).containsEntry("active", false)
                .containsEntry("successorId", TestOrganization.TEAMMATE).containsEntry("leftOn", LocalDate.now().toString());
        assertThat((List<String>) left.get("tasks")).containsExactlyInAnyOrderElementsOf(work.stream().map(Task::getId).toList());
        assertThat(left).containsEntry("openDeals", 1);
        assertThat(taskService.createTaskQuery().taskAssignee("p.leaver").count()).isZero();
        assertThat(owner(open)).isEqualTo(TestOrganization.TEAMMATE);
        assertThat(owner(won)).as("history stays theirs").isEqualTo("p.leaver");
        assertThat(runtimeService.createProcessInstanceQuery().variableValueEquals(LeadToCashProcess.OWNER_ID, "p.leaver").count()).isZero();

        // the sign-in is locked: no Camunda user, HTTP Basic refused
        assertThat(identityService.createUserQuery().userId("p.leaver").count()).isZero();
        assertThat(http.withBasicAuth("p.leaver", TestOrganization.PASSWORD).getForEntity("/api/people/me", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        // the successor works the deal on
        call(http, TestOrganization.TEAMMATE, HttpMethod.POST, "/api/opportunities/" + open + "/stage-work", Map.of("action", "advance",
                "outcomes", List.of("NEED_UNDERSTOOD", "MARKET_INFO_CONFIRMED"), "evidence", "Confirmed by the CIO",
                "claimedProbability", "25"), HttpStatus.OK);

        // refusals: a manager with reports, oneself as successor, the last administrator (leave or demotion), a leaver's edit
        Map<String, Object> manager = call(http, ADMIN, HttpMethod.POST, "/api/people/" + TestOrganization.MANAGER + "/leave",
                Map.of("successorId", TestOrganization.OTHER_MANAGER), HttpStatus.BAD_REQUEST);
        assertThat((String) manager.get("error")).contains("still manages");
        Map<String, Object> self = call(http, ADMIN, HttpMethod.POST, "/api/people/" + TestOrganization.OTHER_REP + "/leave",
                Map.of("successorId", TestOrganization.OTHER_REP), HttpStatus.BAD_REQUEST);
        assertThat((String) self.get("error")).contains("cannot be their own successor");
        Map<String, Object> lastLeaves = call(http, ADMIN, HttpMethod.POST, "/api/people/" + ADMIN + "/leave",
                Map.of("successorId", TestOrganization.REP), HttpStatus.BAD_REQUEST);
        assertThat((String) lastLeaves.get("error")).contains("is the last administrator");
        Map<String, Object> demoted = call(http, ADMIN, HttpMethod.PUT, "/api/people/" + ADMIN, Map.of("name", "Pei Admin",
                "email", "p.admin@test.local", "role", "REP"), HttpStatus.BAD_REQUEST);
        assertThat((String) demoted.get("error")).contains("is the last administrator");
        assertThat(organization.person(ADMIN).role()).isEqualTo(Role.ADMIN);
        assertThat(identityService.createUserQuery().userId(ADMIN).memberOfGroup(Role.ADMIN.groupId()).count()).isEqualTo(1);
        call(http, ADMIN, HttpMethod.PUT, "/api/people/p.leaver", Map.of("name", "Li", "email", "l@test.local", "role", "REP"),
                HttpStatus.BAD_REQUEST);
    }

    // --- helpers -------------------------------------------------------------------------------

    /** A lead of {@code owner} qualified into a deal of that amount; the deal's id. */
    private long qualifiedDeal(String owner, String amount) {
        Map<String, Object> account = call(http, owner, HttpMethod.POST, "/api/accounts",
                Map.of("name", "People test " + System.nanoTime(), "tier", "KEY", "industry", "Testing"), HttpStatus.CREATED);
        Map<String, Object> lead = call(http, owner, HttpMethod.POST, "/api/leads",
                Map.of("accountId", account.get("id"), "title", "Rollout"), HttpStatus.CREATED);
        long leadId = ((Number) lead.get("id")).longValue();
        call(http, owner, HttpMethod.POST, "/api/leads/" + leadId + "/qualification", Map.of("decision", "qualify",
                "budget", "In the plan", "authority", "CIO", "need", "Paper", "timeline", "Q1", "opportunityName", "Rollout " + leadId,
                "amount", amount, "expectedCloseDate", LocalDate.now().plusMonths(2).toString()), HttpStatus.OK);
        return jdbc.sql("select id from opportunity where lead_id = ?").param(leadId).query(Long.class).single();
    }

    private Task chaseOf(String rep) {
        return taskService.createTaskQuery().taskDefinitionKey(WeeklyCommitProcess.TASK_CHASE_MISSING_COMMIT)
                .processVariableValueEquals(WeeklyCommitProcess.REP_ID, rep).singleResult();
    }

    private List<Task> tasksAbout(String assignee, String owner) {
        return taskService.createTaskQuery().taskAssignee(assignee).processVariableValueEquals(LeadToCashProcess.OWNER_ID, owner).list();
    }

    private String owner(long dealId) {
        return jdbc.sql("select owner_id from opportunity where id = ?").param(dealId).query(String.class).single();
    }

    private String latestMailBody(String recipient) {
        return jdbc.sql("select body from outbox_message where recipient_id = ? order by id desc").param(recipient)
                .query(String.class).list().get(0);
    }

    private static String token(String mail) {
        Matcher link = LINK.matcher(mail);
        assertThat(link.find()).as("a link in " + mail).isTrue();
        return link.group(1);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> post(String path, Object body, HttpStatus expected) {
        var response = http.exchange(path, HttpMethod.POST, com.salescadence.support.RestCalls.json(body), Map.class);
        assertThat(response.getStatusCode()).as(path + ": " + response.getBody()).isEqualTo(expected);
        return response.getBody();
    }

    private Map<String, Object> checkLink(String token) {
        return post("/api/password/check", Map.of("token", token), HttpStatus.OK);
    }
}
