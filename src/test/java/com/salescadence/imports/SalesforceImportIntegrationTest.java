package com.salescadence.imports;

import static com.salescadence.support.JsonFigures.list;
import static com.salescadence.support.JsonFigures.map;
import static com.salescadence.support.TestOrganization.MANAGER;
import static com.salescadence.support.TestOrganization.REP;
import static com.salescadence.support.TestOrganization.TEAMMATE;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.salescadence.organization.OrganizationAdministration;
import com.salescadence.organization.OrganizationService;
import com.salescadence.support.CadenceIntegrationTest;
import com.salescadence.support.ProcessDriver;
import com.salescadence.support.TestOrganization;

/**
 * Issue 12 item 3: a Salesforce data export as it comes (src/test/resources/import/salesforce: User.csv, Account.csv,
 * Opportunity.csv, OpportunityHistory.csv with Salesforce's field names and many fields the import does not read), the
 * team's stage names mapped to the active model as on the import page. The stage names are listed with suggestions; a
 * dry run stores nothing; an unmapped stage name and an owner who is no person here refuse the import with the export's
 * file, line and field; the import then stores the accounts, deals and their dated stage history.
 * Business clock Wed 19 Nov 2025 10:00.
 */
@CadenceIntegrationTest
class SalesforceImportIntegrationTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 11, 19);
    private static final String MAPPING = """
            {"Prospecting":"IDENTIFY","Qualification":"IDENTIFY","Needs Analysis":"VALIDATE","Value Proposition":"VALIDATE",
             "Proposal/Price Quote":"DEVELOP","Negotiation/Review":"AGREEMENT"}""";

    @Autowired TestRestTemplate http;
    @Autowired OrganizationService organization;
    @Autowired OrganizationAdministration administration;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void a_salesforce_export_is_imported_with_the_stage_mapping_chosen_for_the_teams_stage_names() {
        TestOrganization.ensure(organization, administration);
        ProcessDriver.setClock(LocalDateTime.of(2025, 11, 19, 10, 0));
        Map<String, byte[]> export = export();

        // the import page lists the team's stage names; closed ones resolve by IsWon, the others wait for a choice
        Map<String, Object> names = post("/api/imports/salesforce/stages", export, null);
        assertThat(list(names.get("stages"))).extracting(s -> (String) map(s).get("code"))
                .contains("IDENTIFY", "VALIDATE", "DEVELOP", "AGREEMENT", "WON", "LOST");
        Map<String, Object> suggested = new LinkedHashMap<>();
        list(names.get("names")).forEach(n -> suggested.put((String) ((Map<?, ?>) n).get("name"), ((Map<?, ?>) n).get("suggested")));
        assertThat(suggested).containsOnlyKeys("Closed Lost", "Closed Won", "Needs Analysis", "Negotiation/Review", "Proposal/Price Quote",
                "Prospecting", "Qualification", "Value Proposition");
        assertThat(suggested).containsEntry("Closed Won", "WON").containsEntry("Closed Lost", "LOST").containsEntry("Prospecting", null);

        // without a mapping every unmapped name is refused where it is used, with the export's file, line and field
        Map<String, Object> unmapped = post("/api/imports?dryRun=true", export, null);
        assertThat(unmapped).as("%s", unmapped).containsEntry("status", "REJECTED");
        assertThat(list(unmapped.get("problems"))).anySatisfy(p -> assertThat(map(p))
                .containsEntry("type", "salesforce_opportunity").containsEntry("line", 2).containsEntry("column", "StageName"));
        assertThat(list(unmapped.get("problems"))).anySatisfy(p -> assertThat(map(p))
                .containsEntry("type", "salesforce_opportunity_history").containsEntry("line", 8).containsEntry("column", "StageName")
                .satisfies(q -> assertThat((String) q.get("reason")).contains("Prospecting").contains("阶段")));

        // an owner who is no person of this product is refused with the Salesforce user's name and the line of User.csv
        Map<String, byte[]> strangers = new LinkedHashMap<>(export);
        strangers.put("salesforce_opportunity", (new String(export.get("salesforce_opportunity"), StandardCharsets.UTF_8)
                + "\"0065g00000Op0007AAB\",\"false\",\"0015g00000SfAc1AAF\",\"\",\"false\",\"Old deal\",\"\",\"Closed Won\",\"90000.00\",\"100\",\"90000.00\",\"\",\"2025-03-31\",\"\",\"\",\"\",\"true\",\"true\",\"Closed\",\"Closed\",\"CNY\",\"\",\"false\",\"\",\"0055g000001AbCgAAK\",\"2025-01-10T01:00:00.000Z\",\"\",\"\",\"\",\"\",\"\",\"1\",\"2025\",\"2025 1\"\n")
                .getBytes(StandardCharsets.UTF_8));
        Map<String, Object> refused = post("/api/imports?dryRun=false", strangers, MAPPING);
        assertThat(refused).as("%s", refused).containsEntry("status", "REJECTED");
        assertThat(list(refused.get("problems"))).singleElement().satisfies(p -> assertThat(map(p))
                .containsEntry("type", "salesforce_opportunity").containsEntry("line", 8).containsEntry("column", "OwnerId")
                .satisfies(q -> assertThat((String) q.get("reason")).contains("Old Rep").contains("User.csv line 5")));
        assertThat(jdbc.sql("select count(*) from opportunity").query(Long.class).single()).isZero();

        // a dry run with the mapping is clean and stores nothing
        Map<String, Object> dry = post("/api/imports?dryRun=true", export, MAPPING);
        assertThat(dry).as("%s", dry).containsEntry("status", "VALIDATED");
        assertThat(jdbc.sql("select count(*) from opportunity").query(Long.class).single()).isZero();

        Map<String, Object> imported = post("/api/imports?dryRun=false", export, MAPPING);
        assertThat(imported).as("%s", imported).containsEntry("status", "DONE");
        assertThat((String) imported.get("message")).contains("2 accounts").contains("5 opportunities");

        // the deleted account and deal are left out; owners matched by e-mail (case ignored)
        assertThat(jdbc.sql("select name from account order by name").query(String.class).list())
                .containsExactly("Beijing Star Logistics", "Huaxin Precision Machinery");
        Map<String, String> stage = new LinkedHashMap<>();
        Map<String, String> owner = new LinkedHashMap<>();
        jdbc.sql("select name, stage_code, owner_id from opportunity order by name").query((rs, n) -> {
            stage.put(rs.getString(1), rs.getString(2));
            owner.put(rs.getString(1), rs.getString(3));
            return null;
        }).list();
        assertThat(stage).containsExactly(Map.entry("Fleet telematics", "LOST"), Map.entry("Line 3 upgrade", "VALIDATE"),
                Map.entry("MES rollout phase 2", "AGREEMENT"), Map.entry("Spare parts contract", "WON"),
                // below the funnel's 50,000: out of the funnel, in the first stage, whatever Salesforce said
                Map.entry("Warehouse scanners", "IDENTIFY"));
        assertThat(owner).containsEntry("MES rollout phase 2", REP).containsEntry("Fleet telematics", TEAMMATE);

        // the dated stage history: Prospecting and Qualification are one stage; an amount change is no stage change;
        // a stage entered after the close date counts on the close date; an overdue open deal keeps its late change
        assertThat(path("MES rollout phase 2")).containsExactly("IDENTIFY@" + TODAY.minusDays(120), "VALIDATE@" + TODAY.minusDays(80),
                "DEVELOP@" + TODAY.minusDays(50), "AGREEMENT@" + TODAY.minusDays(20));
        assertThat(path("Spare parts contract")).startsWith("IDENTIFY@" + TODAY.minusDays(90), "DEVELOP@" + TODAY.minusDays(40),
                "AGREEMENT@" + TODAY.minusDays(30));
        assertThat(path("Line 3 upgrade")).containsExactly("IDENTIFY@" + TODAY.minusDays(100), "VALIDATE@" + TODAY.minusDays(5));
        // the lost deal was lost from the last open stage it was in
        assertThat(path("Fleet telematics")).containsSubsequence("IDENTIFY@" + TODAY.minusDays(150), "VALIDATE@" + TODAY.minusDays(110))
                .last().asString().startsWith("LOST");
        assertThat(jdbc.sql("select from_stage from stage_history h join opportunity o on o.id = h.opportunity_id "
                + "where o.name = 'Fleet telematics' and h.to_stage = 'LOST'").query(String.class).list()).containsExactly("VALIDATE");
        assertThat(path("Warehouse scanners")).noneMatch(s -> s.startsWith("DEVELOP"));
    }

    @Test
    void a_salesforce_export_is_not_mixed_with_an_opportunities_file_and_a_mapping_names_only_stages_of_the_model() {
        TestOrganization.ensure(organization, administration);
        Map<String, byte[]> mixed = new LinkedHashMap<>(export());
        mixed.put("opportunities", "account,name,owner,amount,expected_close_date,stage\n".getBytes(StandardCharsets.UTF_8));
        ResponseEntity<Map<String, Object>> answer = exchange("/api/imports?dryRun=true", mixed, null);
        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        ResponseEntity<Map<String, Object>> badStage = exchange("/api/imports?dryRun=true", export(), "{\"Prospecting\":\"NOPE\"}");
        assertThat(badStage.getStatusCode().value()).isEqualTo(400);
        assertThat(String.valueOf(badStage.getBody())).contains("NOPE");
        ResponseEntity<Map<String, Object>> badJson = exchange("/api/imports?dryRun=true", export(), "[1,2");
        assertThat(badJson.getStatusCode().value()).isEqualTo(400);
        // history without its deals, and a template of an export's file, are refused with a reason
        ResponseEntity<Map<String, Object>> historyAlone = exchange("/api/imports?dryRun=true",
                Map.of("salesforce_opportunity_history", export().get("salesforce_opportunity_history")), null);
        assertThat(historyAlone.getStatusCode().value()).isEqualTo(400);
        assertThat(String.valueOf(historyAlone.getBody())).contains("Opportunity.csv");
        assertThat(http.withBasicAuth(MANAGER, TestOrganization.PASSWORD)
                .getForEntity("/api/imports/templates/salesforce_user?lang=zh", String.class).getStatusCode().value()).isEqualTo(400);
    }

    private List<String> path(String deal) {
        return jdbc.sql("select h.to_stage, h.changed_at from stage_history h join opportunity o on o.id = h.opportunity_id "
                        + "where o.name = ? order by h.changed_at, h.id").param(deal)
                .query((rs, n) -> rs.getString(1) + "@" + rs.getTimestamp(2).toLocalDateTime().toLocalDate()).list();
    }

    private static Map<String, byte[]> export() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("salesforce_user", ImportFiles.load("salesforce/User.csv", TODAY));
        files.put("salesforce_account", ImportFiles.load("salesforce/Account.csv", TODAY));
        files.put("salesforce_opportunity", ImportFiles.load("salesforce/Opportunity.csv", TODAY));
        files.put("salesforce_opportunity_history", ImportFiles.load("salesforce/OpportunityHistory.csv", TODAY));
        return files;
    }

    private Map<String, Object> post(String url, Map<String, byte[]> files, String mapping) {
        ResponseEntity<Map<String, Object>> answer = exchange(url, files, mapping);
        assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isEqualTo(200);
        return answer.getBody();
    }

    private ResponseEntity<Map<String, Object>> exchange(String url, Map<String, byte[]> files, String mapping) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        files.forEach((part, bytes) -> parts.add(part, new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return part + ".csv";
            }
        }));
        if (mapping != null) {
            parts.add("stageMapping", mapping);
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.withBasicAuth(MANAGER, TestOrganization.PASSWORD).exchange(url, HttpMethod.POST, new HttpEntity<>(parts, headers),
                new ParameterizedTypeReference<Map<String, Object>>() { });
    }
}
