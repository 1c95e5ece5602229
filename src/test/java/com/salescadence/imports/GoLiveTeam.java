package com.salescadence.imports;

import static com.salescadence.support.JsonFigures.amount;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.salescadence.organization.OrganizationAdministration;
import com.salescadence.organization.Person;
import com.salescadence.organization.Role;
import com.salescadence.support.RestCalls;
import com.salescadence.support.TestOrganization;

/**
 * The team of the go-live tests (issue 12): the first administrator, a sales leader with two first-line managers (north,
 * south), two reps under each, and finance; the quotas of 2025-Q4 (each rep 3,000,000, the southern branch its own
 * 5,000,000; the northern branch and the leader the sum of their reports); how the administrator adds them.
 */
final class GoLiveTeam {

    static final String ADMIN = "g.admin";
    static final String LEADER = "g.lead";
    static final String NORTH = "g.flm.north";
    static final String SOUTH = "g.flm.south";
    static final String FINANCE = "g.fin";
    static final List<String> NORTH_REPS = List.of("g.rep.an", "g.rep.bo");
    static final List<String> SOUTH_REPS = List.of("g.rep.cai", "g.rep.du");
    /** In the order the history deals them out. */
    static final List<String> REPS = List.of("g.rep.an", "g.rep.cai", "g.rep.bo", "g.rep.du");
    /** login -> name, role, manager, title; in the order they are added (managers first). */
    static final Map<String, List<String>> PEOPLE = people();
    private static final Pattern LINK = Pattern.compile("/password/#token=([A-Za-z0-9_-]+)");

    private GoLiveTeam() {
    }

    private static Map<String, List<String>> people() {
        Map<String, List<String>> people = new LinkedHashMap<>();
        people.put(LEADER, List.of("Li Lead", "MANAGER", "", "Sales director"));
        people.put(NORTH, List.of("Ning North", "MANAGER", LEADER, "Branch manager"));
        people.put(SOUTH, List.of("Shen South", "MANAGER", LEADER, "Branch manager"));
        people.put("g.rep.an", List.of("An Rep", "REP", NORTH, "Account manager"));
        people.put("g.rep.bo", List.of("Bo Rep", "REP", NORTH, "Account manager"));
        people.put("g.rep.cai", List.of("Cai Rep", "REP", SOUTH, "Account manager"));
        people.put("g.rep.du", List.of("Du Rep", "REP", SOUTH, "Account manager"));
        people.put(FINANCE, List.of("Fang Finance", "FINANCE", "", "Accountant"));
        return people;
    }

    /** The first administrator, as a production start creates them (FirstAdministrator); the test clients' password. */
    static void firstAdministrator(OrganizationAdministration administration) {
        administration.add(new Person(ADMIN, "Gao Admin", "g.admin@test.local", Role.ADMIN, null, null), TestOrganization.PASSWORD);
    }

    /** Adds one of {@link #PEOPLE} through POST /api/people as the administrator. */
    static void add(TestRestTemplate http, String login) {
        List<String> p = PEOPLE.get(login);
        Map<String, Object> body = new LinkedHashMap<>(Map.of("login", login, "name", p.get(0), "email", login + "@golive.test",
                "role", p.get(1), "title", p.get(3), "language", "zh"));
        if (!p.get(2).isEmpty()) {
            body.put("managerId", p.get(2));
        }
        RestCalls.call(http, ADMIN, HttpMethod.POST, "/api/people", body, HttpStatus.CREATED);
    }

    /**
     * Each person of the team sets a password with the one-time link of their welcome mail (the password page's call,
     * without a sign-in); then the test's short password is put in place for the test clients.
     */
    static void setPasswords(TestRestTemplate http, JdbcClient jdbc, IdentityService identity) {
        for (String login : PEOPLE.keySet()) {
            String mail = jdbc.sql("select body from outbox_message where recipient_id = ? order by id desc").param(login)
                    .query(String.class).list().get(0);
            Matcher link = LINK.matcher(mail);
            assertThat(link.find()).as("a password link in the mail to " + login).isTrue();
            assertThat(http.exchange("/api/password", HttpMethod.POST, RestCalls.json(Map.of("token", link.group(1), "password",
                    "a-long-enough-password")), Map.class).getStatusCode()).as(login).isEqualTo(HttpStatus.OK);
            User user = identity.createUserQuery().userId(login).singleResult();
            user.setPassword(TestOrganization.PASSWORD);
            identity.saveUser(user);
        }
    }

    /** The quotas file of 2025-Q4. */
    static byte[] quotasFile() {
        StringBuilder csv = new StringBuilder("person,period,quota,stretch\n");
        REPS.forEach(r -> csv.append(r).append(",2025-Q4,3000000,3600000\n"));
        csv.append(SOUTH).append(",2025-Q4,5000000,6000000\n");
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The quotas as /api/quotas shows them: explicit for the reps and the south, the sum of the reports for north and leader. */
    static void checkQuotas(TestRestTemplate http) {
        Map<String, Map<String, Object>> board = RestCalls.list(http, ADMIN, "/api/quotas?period=2025-Q4").stream()
                .collect(Collectors.toMap(q -> (String) q.get("login"), q -> q));
        REPS.forEach(r -> assertThat(board.get(r)).containsEntry("source", "EXPLICIT"));
        assertThat(board.get(NORTH)).containsEntry("source", "SUM_OF_REPORTS");
        amount(board.get(NORTH), "quota", "6000000");
        assertThat(board.get(SOUTH)).containsEntry("source", "EXPLICIT");
        amount(board.get(SOUTH), "quota", "5000000");
        assertThat(board.get(LEADER)).containsEntry("source", "SUM_OF_REPORTS");
        amount(board.get(LEADER), "quota", "11000000");
    }
}
