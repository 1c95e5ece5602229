package com.salescadence.people;

import static com.salescadence.support.RestCalls.list;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;

import com.salescadence.organization.OrganizationAdministration;
import com.salescadence.organization.OrganizationService;
import com.salescadence.organization.QuotaService;
import com.salescadence.organization.Role;
import com.salescadence.support.CadenceIntegrationTest;
import com.salescadence.support.TestOrganization;

/**
 * People and quotas from CSV through /api/imports (administrators): a dry run stores nothing, a good set (managers
 * after their reports, an account owned by a new person of the same import) is stored whole with a password-link
 * mail per person, and a set with bad rows is refused with every problem by line and column and nothing stored.
 */
@CadenceIntegrationTest
class PeopleImportIntegrationTest {

    private static final String ADMIN = PeopleApiIntegrationTest.ADMIN;
    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };


    @Autowired TestRestTemplate http;
    @Autowired OrganizationService organization;
    @Autowired OrganizationAdministration administration;
    @Autowired IdentityService identityService;
    @Autowired JdbcClient jdbc;

    private final String quarter = QuotaService.quarterOf(LocalDate.now());

    @BeforeEach
    void people() {
        TestOrganization.ensure(organization, administration);
        PeopleApiIntegrationTest.ensureAdministrator(organization, administration);
    }

    @Test
    void a_team_with_its_quotas_is_imported_whole_after_a_dry_run_that_stores_nothing() {
        String people = "\uFEFFlogin,name,email,role,manager,title,language\r\n"
                + "i.rep1,Ivy Rep,ivy@import.test,REP,i.mgr,Account manager,en\r\n"
                + "i.rep2,伊万,ivan@import.test,rep,i.mgr,,zh\r\n"
                + "i.mgr,Ian Manager,ian@import.test,MANAGER,i.lead,Team lead,\r\n"
                + "i.lead,Ida Lead,ida@import.test,MANAGER," + TestOrganization.LEADER + ",,EN\r\n";
        String quotas = "人员,季度,配额,冲刺目标,币种\r\n"
                + "i.rep1," + quarter + ",100000,120000,\r\n"
                + "i.rep2," + quarter + ",150000.50,200000,CNY\r\n"
                + TestOrganization.OTHER_REP + "," + quarter + ",50000,60000,\r\n";
        String accounts = "name,tier,industry,owner\r\nImported Team Co,KEY,Testing,i.rep1\r\n";
        Map<String, String> files = Map.of("people", people, "quotas", quotas, "accounts", accounts);
        long personsBefore = count("person");
        long mailsBefore = count("outbox_message");
        long quotasBefore = count("quota");

        Map<String, Object> dry = upload(ADMIN, files, true, HttpStatus.OK);
        assertThat(dry).containsEntry("status", "VALIDATED").containsEntry("rowsTotal", 8);
        assertThat((String) dry.get("message")).contains("all 8 rows are valid (4 people, 3 quotas, 1 account)");
        assertThat(count("person")).isEqualTo(personsBefore);
        assertThat(count("quota")).isEqualTo(quotasBefore);

        Map<String, Object> done = upload(ADMIN, files, false, HttpStatus.OK);
        assertThat(done).containsEntry("status", "DONE").containsEntry("rowsImported", 8)
                .containsEntry("created", Map.of("accounts", 1, "contacts", 0, "opportunities", 0, "people", 4, "quotas", 3));
        assertThat((String) done.get("message")).isEqualTo("Imported 4 people, 3 quotas, 1 account.");
        assertThat(organization.person("i.rep1").managerId()).isEqualTo("i.mgr");
        assertThat(organization.person("i.mgr").managerId()).isEqualTo("i.lead");
        assertThat(organization.person("i.lead").managerId()).isEqualTo(TestOrganization.LEADER);
        assertThat(organization.person("i.rep2").fullName()).isEqualTo("伊万");
        assertThat(organization.languageOf("i.lead")).isEqualTo("en");
        assertThat(identityService.createUserQuery().userId("i.mgr").memberOfGroup(Role.MANAGER.groupId()).count()).isEqualTo(1);
        assertThat(count("outbox_message") - mailsBefore).as("one password-link mail per new person").isEqualTo(4);
        assertThat(jdbc.sql("select subject from outbox_message where recipient_id = 'i.rep2'").query(String.class).single())
                .isEqualTo("欢迎使用销售节奏系统：请设置您的密码");
        assertThat(jdbc.sql("select owner_id from account where name = 'Imported Team Co'").query(String.class).single()).isEqualTo("i.rep1");

        Map<String, Map<String, Object>> board = new java.util.HashMap<>();
        list(http, ADMIN, "/api/quotas?period=" + quarter).forEach(l -> board.put((String) l.get("login"), l));
        assertThat(board.get("i.rep2")).containsEntry("source", "EXPLICIT");
        assertThat(board.get("i.mgr")).containsEntry("source", "SUM_OF_REPORTS");
        assertThat(new java.math.BigDecimal(board.get("i.lead").get("quota").toString())).isEqualByComparingTo("250000.50");
    }

    @Test
    void bad_rows_are_reported_by_line_and_column_and_nothing_is_stored() {
        String people = "login,name,email,role,manager,title,language\r\n"
                + "b.good,Good Person,good@import.test,REP,,,\r\n"                     // 2: fine, but the file is refused
                + "b.loop1,Loop One,l1@import.test,MANAGER,b.loop2,,\r\n"            // 3: loop with 4
                + "b.loop2,Loop Two,l2@import.test,MANAGER,b.loop1,,\r\n"            // 4
                + "b.self,Self,self@import.test,REP,b.self,,\r\n"                     // 5: own manager
                + TestOrganization.REP + ",Taken,taken@import.test,REP,,,\r\n"       // 6: login taken
                + "b.good,Twice,twice@import.test,REP,,,\r\n"                         // 7: twice in the file
                + "b.odd,Odd,not-an-address,BOSS,p.nobody,,fr\r\n";                   // 8: email, role, manager, language
        String quotas = "person,period,quota,stretch,currency\r\n"
                + "b.good," + quarter + ",100,90,\r\n"                                // 2: stretch below quota
                + "p.nobody," + quarter + ",100,200,\r\n"                             // 3: unknown person
                + TestOrganization.REP + ",2026-Q7,abc,200,XYZ\r\n"                   // 4: period, amount, currency
                + TestOrganization.TEAMMATE + "," + quarter + ",100,200,\r\n"         // 5: fine
                + TestOrganization.TEAMMATE + "," + quarter + ",100,200,\r\n";        // 6: twice
        long personsBefore = count("person");
        long quotasBefore = count("quota");

        Map<String, Object> rejected = upload(ADMIN, Map.of("people", people, "quotas", quotas), false, HttpStatus.OK);
        assertThat(rejected).containsEntry("status", "REJECTED");
        assertThat((String) rejected.get("message")).contains("nothing was stored");
        List<String> problems = ((List<Map<String, Object>>) rejected.get("problems")).stream()
                .map(p -> p.get("type") + " " + p.get("line") + " " + p.get("column") + ": " + p.get("reason")).toList();
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("people 3 manager:").contains("would form a loop"))
                .anySatisfy(p -> assertThat(p).startsWith("people 4 manager:").contains("would form a loop"))
                .anySatisfy(p -> assertThat(p).startsWith("people 5 manager:").contains("cannot be their own manager"))
                .anySatisfy(p -> assertThat(p).startsWith("people 6 login:").contains("Login name 't.rep1' is taken."))
                .anySatisfy(p -> assertThat(p).startsWith("people 7 login:").contains("already on line 2"))
                .anySatisfy(p -> assertThat(p).startsWith("people 8 email:").contains("is not an email address"))
                .anySatisfy(p -> assertThat(p).startsWith("people 8 role:").contains("Role must be REP, MANAGER, ADMIN or FINANCE"))
                .anySatisfy(p -> assertThat(p).startsWith("people 8 language:"))
                .anySatisfy(p -> assertThat(p).startsWith("quotas 2 stretch:").contains("at least the quota"))
                .anySatisfy(p -> assertThat(p).startsWith("quotas 3 person:").contains("neither an active person nor in this import"))
                .anySatisfy(p -> assertThat(p).startsWith("quotas 4 period:"))
                .anySatisfy(p -> assertThat(p).startsWith("quotas 4 quota:").contains("must be a number"))
                .anySatisfy(p -> assertThat(p).startsWith("quotas 4 currency:").contains("'XYZ'"))
                .anySatisfy(p -> assertThat(p).startsWith("quotas 6 period:").contains("already on line 5"));
        assertThat(problems).noneMatch(p -> p.startsWith("people 2 ") || p.startsWith("quotas 5 "));
        assertThat(count("person")).isEqualTo(personsBefore);
        assertThat(count("quota")).isEqualTo(quotasBefore);
        assertThat(identityService.createUserQuery().userId("b.good").count()).isZero();
    }

    @Test
    void only_administrators_import_people_and_quotas() {
        String people = "login,name,email,role\r\nm.sneaky,Sneaky,s@import.test,ADMIN\r\n";
        upload(TestOrganization.MANAGER, Map.of("people", people), false, HttpStatus.FORBIDDEN);
        upload(TestOrganization.MANAGER, Map.of("quotas", "person,period,quota,stretch\r\nt.rep1," + quarter + ",1,2\r\n"), true,
                HttpStatus.FORBIDDEN);
        assertThat(organization.findPerson("m.sneaky")).isEmpty();
    }

    private Map<String, Object> upload(String user, Map<String, String> files, boolean dryRun, HttpStatus expected) {
        LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        files.forEach((type, csv) -> body.add(type, new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return type + ".csv";
            }
        }));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<Map<String, Object>> response = http.withBasicAuth(user, TestOrganization.PASSWORD)
                .exchange("/api/imports?dryRun=" + dryRun, HttpMethod.POST, new HttpEntity<>(body, headers), JSON);
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(expected);
        return response.getBody();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
