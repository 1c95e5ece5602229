package com.salescadence.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
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
import org.springframework.util.MultiValueMap;

import com.salescadence.organization.OrganizationAdministration;
import com.salescadence.organization.OrganizationService;
import com.salescadence.support.EnglishText;
import com.salescadence.support.CadenceIntegrationTest;
import com.salescadence.support.TestOrganization;
import com.salescadence.workflow.LeadToCashProcess;

/**
 * CSV import through the REST API on a real port: a known good set of accounts, contacts and deals stored as
 * the product stores them (deals workable in lead-to-cash), a bad set reported row by row and stored not at
 * all, oversized and malformed files refused, and a 20,000-row file run in the background with its progress.
 * Imports here may be at most 2MB (cadence.import.max-bytes).
 */
@CadenceIntegrationTest
class ImportApiIntegrationTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> JSON_LIST = new ParameterizedTypeReference<>() { };
    private static final String ADMIN = "t.admin";

    @Autowired TestRestTemplate http;
    @Autowired OrganizationService organization;
    @Autowired OrganizationAdministration administration;
    @Autowired JdbcClient jdbc;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired Clock clock;

    private LocalDate today;

    @BeforeEach
    void people() {
        TestOrganization.ensure(organization, administration);
        today = LocalDate.now(clock);
    }

    @Test
    void a_known_good_set_is_imported_as_real_pipeline_data() {
        Map<String, Long> before = counts();
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("opportunities", ImportFiles.load("opportunities.csv", today));
        files.put("contacts", ImportFiles.load("contacts.csv", today));
        files.put("accounts", ImportFiles.load("accounts.csv", today));

        // the dry run checks every row and stores nothing
        ResponseEntity<Map<String, Object>> dry = upload(TestOrganization.MANAGER, files, null, true);
        assertThat(dry.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(dry.getBody()).containsEntry("status", "VALIDATED").containsEntry("rowsTotal", 11)
                .containsEntry("rowsValidated", 11).containsEntry("percent", 100).containsEntry("badRows", 0);
        assertThat((String) dry.getBody().get("message")).contains("all 11 rows are valid (3 accounts, 2 contacts, 6 opportunities)");
        assertThat(counts()).isEqualTo(before);

        ResponseEntity<Map<String, Object>> done = upload(TestOrganization.MANAGER, files, null, false);
        assertThat(done.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(done.getHeaders().getLocation()).hasToString("/api/imports/" + done.getBody().get("id"));
        assertThat(done.getBody()).containsEntry("status", "DONE").containsEntry("rowsImported", 11)
                .containsEntry("created", Map.of("accounts", 3, "contacts", 2, "opportunities", 6));
        assertThat(job(TestOrganization.MANAGER, done.getBody().get("id")).getBody()).containsEntry("status", "DONE");

        Map<String, Long> after = counts();
        assertThat(after.get("account") - before.get("account")).isEqualTo(3);
        assertThat(after.get("contact") - before.get("contact")).isEqualTo(2);
        assertThat(after.get("opportunity") - before.get("opportunity")).isEqualTo(6);
        assertThat(after.get("stage_history") - before.get("stage_history")).isEqualTo(6);
        assertThat(after.get("lead") - before.get("lead")).as("a converted lead per open deal").isEqualTo(4);
        assertThat(after.get("processes") - before.get("processes")).as("a lead-to-cash instance per open deal").isEqualTo(4);

        // accounts and contacts as the reps see them (a quoted comma, Chinese header names, quotes and a line break in a field)
        Map<String, Object> huaxin = byName(list(TestOrganization.REP, "/api/accounts"), "Huaxin Precision, Ltd.");
        assertThat(huaxin).containsEntry("tier", "KEY").containsEntry("industry", "Machinery").containsEntry("ownerId", TestOrganization.REP);
        assertThat(list(TestOrganization.REP, "/api/accounts/" + huaxin.get("id") + "/contacts")).singleElement()
                .satisfies(c -> assertThat(c).containsEntry("name", "李伟").containsEntry("title", "CIO")
                        .containsEntry("email", "li.wei@huaxin.example").containsEntry("phone", "+86 10 5555 0101")
                        .containsEntry("ownerId", TestOrganization.REP));
        Map<String, Object> beifang = byName(list(TestOrganization.TEAMMATE, "/api/accounts"), "Beifang Steel");
        assertThat(list(TestOrganization.TEAMMATE, "/api/accounts/" + beifang.get("id") + "/contacts")).singleElement()
                .satisfies(c -> assertThat(c).containsEntry("name", "Wang \"Frank\" Fang")
                        .containsEntry("title", "Head of IT\r\nand procurement"));

        // deals where they stand, with the funnel policy and a stage history entry
        List<Map<String, Object>> deals = list(TestOrganization.MANAGER, "/api/opportunities");
        Map<String, Object> mes = byName(deals, "MES rollout");
        assertThat(mes).containsEntry("stageCode", "DEVELOP").containsEntry("probability", 60).containsEntry("status", "OPEN")
                .containsEntry("inFunnel", true).containsEntry("currency", "CNY").containsEntry("expectedCloseDate", today.plusDays(40).toString())
                .containsEntry("accountId", huaxin.get("id"));
        assertThat(((Number) mes.get("amount")).doubleValue()).isEqualTo(300000.0);
        assertThat(mes.get("leadId")).isNotNull();
        assertThat(byName(deals, "Furnace control")).containsEntry("stageCode", "VALIDATE").containsEntry("probability", 25);
        assertThat(byName(deals, "Label printers")).containsEntry("inFunnel", false).containsEntry("stageCode", "IDENTIFY");
        Map<String, Object> won = byName(deals, "Spare parts");
        assertThat(won).containsEntry("status", "WON").containsEntry("probability", 100)
                .containsEntry("closedAt", today.minusDays(5) + "T00:00:00");
        assertThat(won.get("leadId")).as("closed deals are history: no process").isNull();
        // the sales cycle runs from created_on; a closed deal entered its stage when it closed
        assertThat(won).containsEntry("createdAt", today.minusDays(70) + "T00:00:00")
                .containsEntry("stageEnteredAt", today.minusDays(5) + "T00:00:00");
        assertThat(mes).containsEntry("createdAt", today.minusDays(30) + "T00:00:00");
        assertThat(byName(deals, "Cold chain")).containsEntry("createdAt", today.minusDays(3) + "T00:00:00");
        assertThat(byName(deals, "Cold chain")).containsEntry("status", "LOST").containsEntry("probability", 0)
                .containsEntry("lossReason", "Price, competitor 20% lower");
        List<Map<String, Object>> history = list(TestOrganization.MANAGER, "/api/opportunities/" + mes.get("id") + "/stage-history");
        assertThat(history).singleElement().satisfies(h -> {
            assertThat(h).containsEntry("toStage", "DEVELOP").containsEntry("probability", 60).containsEntry("changedBy", TestOrganization.MANAGER);
            assertThat((String) h.get("note")).startsWith("Imported from CSV (import ");
        });

        // an imported open deal is worked like any other: the rep asks to advance, the manager approves
        call(TestOrganization.REP, HttpMethod.POST, "/api/opportunities/" + mes.get("id") + "/stage-work",
                Map.of("action", "advance", "outcomes", List.of("PROPOSAL_ACCEPTED", "CUSTOMER_PREFERS_US"),
                        "evidence", "Signed letter of intent", "claimedProbability", 75), HttpStatus.OK);
        Map<String, Object> approved = call(TestOrganization.MANAGER, HttpMethod.POST, "/api/opportunities/" + mes.get("id") + "/advance-decision",
                Map.of("decision", "approve", "comment", "Good"), HttpStatus.OK);
        assertThat(map(approved.get("opportunity"))).containsEntry("stageCode", "AGREEMENT");
        // a small imported deal waits for its outcome
        Map<String, Object> small = call(TestOrganization.REP, HttpMethod.POST, "/api/opportunities/" + byName(deals, "Label printers").get("id")
                + "/small-deal-outcome", Map.of("outcome", "won"), HttpStatus.OK);
        assertThat(map(small.get("opportunity"))).containsEntry("status", "WON");
        // a closed imported deal has no process: the API says so
        call(TestOrganization.REP, HttpMethod.POST, "/api/opportunities/" + won.get("id") + "/small-deal-outcome",
                Map.of("outcome", "won"), HttpStatus.NOT_FOUND);

        // the same files again: every row already exists, nothing more is stored
        ResponseEntity<Map<String, Object>> again = upload(TestOrganization.MANAGER, files, null, false);
        assertThat(again.getBody()).containsEntry("status", "REJECTED").containsEntry("badRows", 11);
        assertThat(problems(again)).contains("accounts|2|name|Account 'Huaxin Precision, Ltd.' already exists.",
                "opportunities|3|name|Deal 'Furnace control' of 'Beifang Steel' already exists.");
    }

    @Test
    void a_file_with_bad_rows_is_reported_row_by_row_and_a_real_import_of_it_stores_nothing() {
        Map<String, byte[]> files = Map.of(
                "accounts", ImportFiles.load("bad-set-accounts.csv", today),
                "opportunities", ImportFiles.load("bad-opportunities.csv", today));
        List<String> expected = List.of(
                "opportunities|3|account|No account named 'Nowhere Ltd', neither in this import nor among the accounts you may see.",
                "opportunities|4|probability|A deal in Validate opportunity may claim at most 50% probability; you claimed 70%.",
                "opportunities|5|owner|Owner 't.rep3' is not in your team.",
                "opportunities|6|amount|Amount is required.",
                "opportunities|7|name|Duplicate: deal 'good deal' of 'Dongfang Motors' is already on line 2.",
                "opportunities|8|loss_reason|Loss reason is required.");
        Map<String, Long> before = counts();

        ResponseEntity<Map<String, Object>> dry = upload(TestOrganization.MANAGER, files, null, true);
        assertThat(dry.getBody()).containsEntry("status", "REJECTED").containsEntry("badRows", 6).containsEntry("dryRun", true);
        assertThat(problems(dry)).containsExactlyElementsOf(expected);
        assertThat((String) dry.getBody().get("message")).startsWith("6 of 9 rows are bad (6 problems); nothing was stored.");
        assertThat(counts()).isEqualTo(before);

        ResponseEntity<Map<String, Object>> real = upload(TestOrganization.MANAGER, files, null, false);
        assertThat(real.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(real.getBody()).containsEntry("status", "REJECTED").containsEntry("dryRun", false)
                .containsEntry("rowsImported", 0).containsEntry("created", Map.of("accounts", 0, "contacts", 0, "opportunities", 0));
        assertThat(problems(real)).containsExactlyElementsOf(expected);
        assertThat(counts()).as("not even the good account or the good deals").isEqualTo(before);
        assertThat(list(TestOrganization.REP, "/api/accounts")).noneMatch(a -> "Dongfang Motors".equals(a.get("name")));

        // the report is kept: the creator (and an admin) read it again; another manager does not see the job
        assertThat(problems(job(TestOrganization.MANAGER, real.getBody().get("id")))).containsExactlyElementsOf(expected);
        assertThat(job(ADMIN, real.getBody().get("id")).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(job(TestOrganization.OTHER_MANAGER, real.getBody().get("id")).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void only_managers_and_admins_import_and_a_manager_only_for_their_team() {
        byte[] accounts = csv("name,tier,industry,owner", "Team Three Co,OTHER,,t.rep3");
        assertThat(post(TestOrganization.REP, "accounts", true, accounts, "text/csv").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post(TestOrganization.FINANCE, "accounts", true, accounts, "text/csv").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map<String, Object>> manager = post(TestOrganization.MANAGER, "accounts", false, accounts, "text/csv");
        assertThat(problems(manager)).containsExactly("accounts|2|owner|Owner 't.rep3' is not in your team.");
        ResponseEntity<Map<String, Object>> admin = post(ADMIN, "accounts", false, accounts, "text/csv");
        assertThat(admin.getBody()).containsEntry("status", "DONE").containsEntry("created", Map.of("accounts", 1, "contacts", 0, "opportunities", 0));
        assertThat(list(TestOrganization.OTHER_REP, "/api/accounts")).anyMatch(a -> "Team Three Co".equals(a.get("name")));
        HttpHeaders anonymous = new HttpHeaders();
        anonymous.setContentType(MediaType.valueOf("text/csv"));
        assertThat(http.exchange("/api/imports?type=accounts", HttpMethod.POST, new HttpEntity<>(accounts, anonymous), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void oversized_and_malformed_files_are_refused_with_a_clear_message() {
        // above cadence.import.max-bytes (2MB): as a body, as an upload, and (above three files' worth) before anything is read
        byte[] big = new byte[2 * 1024 * 1024 + 1];
        java.util.Arrays.fill(big, (byte) 'x');
        ResponseEntity<Map<String, Object>> body = post(TestOrganization.MANAGER, "accounts", true, big, "text/csv");
        assertThat(body.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat((String) body.getBody().get("error")).contains("larger than the 2048 KB an import accepts");
        ResponseEntity<Map<String, Object>> multipart = upload(TestOrganization.MANAGER, Map.of("file", big), "accounts", true);
        assertThat(multipart.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat((String) multipart.getBody().get("error")).contains("larger than the 2048 KB an import accepts");
        byte[] huge = new byte[7 * 1024 * 1024 + 1];
        ResponseEntity<String> refused = http.exchange("/api/imports?type=accounts", HttpMethod.POST,
                new HttpEntity<>(huge, headers(TestOrganization.MANAGER, "text/csv")), String.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        // other API bodies keep their 1MB limit
        assertThat(http.exchange("/api/accounts", HttpMethod.POST, new HttpEntity<>(new byte[1024 * 1024 + 1],
                headers(TestOrganization.MANAGER, "application/json")), String.class).getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);

        assertRefused(post(TestOrganization.MANAGER, "accounts", true,
                "name,tier,industry,owner\r\n华信,KEY,,t.rep1\r\n".getBytes(Charset.forName("GBK")), "text/csv"), "is not UTF-8 text");
        assertRefused(post(TestOrganization.MANAGER, "accounts", true, new byte[0], "text/csv"), "The file is empty");
        assertRefused(post(TestOrganization.MANAGER, "accounts", true, csv("Huaxin,KEY,,t.rep1", "Beifang,OTHER,,t.rep2"), "text/csv"),
                "Unknown column 'Huaxin' in the accounts file");
        assertRefused(post(TestOrganization.MANAGER, "accounts", true, csv("name,tier,industry,owner", "A,KEY,,t.rep1", "B,KEY,t.rep1", "C,KEY,,,x"), "text/csv"),
                "Line 3 has 3 fields; the header has 4.", "Line 4 has 5 fields; the header has 4.");
        assertRefused(post(TestOrganization.MANAGER, "accounts", true, csv("name,tier,industry,owner", "\"A,KEY,,t.rep1"), "text/csv"),
                "Line 2: a quoted field is never closed.");
        assertRefused(post(TestOrganization.MANAGER, "accounts", true, csv("name,tier,industry,owner"), "text/csv"),
                "The accounts file has a header but no rows below it.");
        assertRefused(post(TestOrganization.MANAGER, "leads", true, csv("name", "x"), "text/csv"), "Unknown import type 'leads'");
        assertRefused(upload(TestOrganization.MANAGER, Map.of("file", csv("name", "x")), null, true), "?type=accounts");
    }

    @Test
    void a_large_file_runs_in_the_background_and_reports_its_progress_until_it_is_done() {
        // 15,000 rows: thirty progress reports of 500 in each phase. Since the accounts are written in one JDBC batch
        // (issue 15) 3,000 rows were done in 0.2 s, before a poll saw any progress; 15,000 take a second or more, polled
        // every 20 ms (20,000 rows took 97 s of CI time before the batching; the speed is the benchmark's business)
        int rows = 15_000;
        String prefix = "Bulk " + System.nanoTime() + " ";
        StringBuilder file = new StringBuilder("name,tier,industry,owner\r\n");
        for (int i = 1; i <= rows; i++) {
            file.append(prefix).append(i).append(",OTHER,Retail,").append(i % 2 == 0 ? TestOrganization.REP : TestOrganization.TEAMMATE).append("\r\n");
        }
        long before = counts().get("account");

        ResponseEntity<Map<String, Object>> accepted = post(TestOrganization.MANAGER, "accounts", false,
                file.toString().getBytes(StandardCharsets.UTF_8), "text/csv");
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(accepted.getBody()).containsEntry("status", "QUEUED").containsEntry("rowsTotal", rows)
                .containsEntry("percent", 0).containsEntry("finished", false);
        Object id = accepted.getBody().get("id");
        assertThat(accepted.getHeaders().getLocation()).hasToString("/api/imports/" + id);

        // poll as a client would (the import runs on its own thread; nothing here waits for a timer)
        List<Map<String, Object>> seen = new ArrayList<>();
        Map<String, Object> state = await("the import finishes").atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(20))
                .until(() -> {
                    Map<String, Object> now = job(TestOrganization.MANAGER, id).getBody();
                    seen.add(now);
                    return now;
                }, now -> Boolean.TRUE.equals(now.get("finished")));

        assertThat(state).containsEntry("status", "DONE").containsEntry("percent", 100).containsEntry("rowsValidated", rows)
                .containsEntry("rowsImported", rows).containsEntry("created", Map.of("accounts", rows, "contacts", 0, "opportunities", 0));
        int lastPercent = 0;
        for (Map<String, Object> s : seen) {
            int validated = (Integer) s.get("rowsValidated");
            int imported = (Integer) s.get("rowsImported");
            int percent = (Integer) s.get("percent");
            assertThat(s.get("rowsTotal")).isEqualTo(rows);
            assertThat(validated).isBetween(0, rows);
            assertThat(imported).isBetween(0, validated);
            assertThat(percent).isGreaterThanOrEqualTo(lastPercent);
            if (!Boolean.TRUE.equals(s.get("finished"))) {
                assertThat(percent).isEqualTo((int) Math.min(99, (validated + (long) imported) * 100 / (2L * rows)));
            }
            lastPercent = percent;
        }
        assertThat(seen).as("progress between the start and the end")
                .anyMatch(s -> !Boolean.TRUE.equals(s.get("finished")) && (Integer) s.get("percent") > 0);
        assertThat(counts().get("account") - before).isEqualTo(rows);
    }

    @Test
    void a_deal_may_be_in_a_currency_with_a_configured_rate_only() {
        String close = today.plusDays(30).toString();
        byte[] deals = csv("account,name,owner,amount,currency,expected_close_date,stage",
                "Currency Co,Yuan,t.rep1,100000,CNY," + close + ",IDENTIFY",
                "Currency Co,Dollars,t.rep1,100000,usd," + close + ",IDENTIFY",
                "Currency Co,Euros,t.rep1,100000,EUR," + close + ",IDENTIFY");
        Map<String, byte[]> files = Map.of("accounts", csv("name,tier,industry,owner", "Currency Co,OTHER,,t.rep1"), "opportunities", deals);
        assertThat(problems(upload(TestOrganization.MANAGER, files, null, true)))
                .containsExactly("opportunities|4|currency|Currency 'EUR' is not one this system uses (CNY, USD).");
    }

    @Test
    void a_job_whose_node_stopped_reporting_progress_shows_as_abandoned() {
        // as a node leaves it when it dies mid-import: running, last progress an hour ago (stale-after is 5 minutes)
        java.time.LocalDateTime hourAgo = java.time.LocalDateTime.now(clock.getZone()).minusHours(1);
        jdbc.sql("""
                insert into import_job (kinds, dry_run, status, created_by, created_at, heartbeat_at, rows_total, rows_validated, rows_imported)
                values ('accounts', false, 'IMPORTING', ?, ?, ?, 50000, 50000, 1200)""")
                .params(TestOrganization.MANAGER, hourAgo, hourAgo).update();
        long id = jdbc.sql("select max(id) from import_job").query(Long.class).single();
        Map<String, Object> job = job(TestOrganization.MANAGER, id).getBody();
        assertThat(job).containsEntry("status", "ABANDONED").containsEntry("finished", true).containsEntry("percent", 100);
        assertThat((String) job.get("message")).contains("stopped before it finished; nothing was stored");
    }

    @Test
    void templates_give_the_header_and_an_example_row_that_imports() {
        ResponseEntity<byte[]> template = http.exchange("/api/imports/templates/opportunities", HttpMethod.GET,
                new HttpEntity<>(headers(TestOrganization.MANAGER, null)), byte[].class);
        assertThat(template.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(template.getHeaders().getContentType().toString()).startsWith("text/csv");
        String text = new String(template.getBody(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFaccount,name,owner,amount,currency,expected_close_date,stage,probability,closed_on,created_on,loss_reason,ref,lost_from\r\n");
        ResponseEntity<byte[]> zh = http.exchange("/api/imports/templates/accounts?lang=zh", HttpMethod.GET,
                new HttpEntity<>(headers(TestOrganization.MANAGER, null)), byte[].class);
        assertThat(new String(zh.getBody(), StandardCharsets.UTF_8)).startsWith("\uFEFF客户名称,级别,行业,负责人\r\n华信精密机械,KEY,机械制造,t.mgr1\r\n");

        // the accounts template's example row, then the opportunities template's, import as they are
        ResponseEntity<Map<String, Object>> accounts = post(TestOrganization.MANAGER, "accounts", true, zh.getBody(), "text/csv");
        assertThat(accounts.getBody()).containsEntry("status", "VALIDATED");
        Map<String, byte[]> both = Map.of("accounts", http.exchange("/api/imports/templates/accounts", HttpMethod.GET,
                new HttpEntity<>(headers(TestOrganization.MANAGER, null)), byte[].class).getBody(), "opportunities", template.getBody());
        assertThat(upload(TestOrganization.MANAGER, both, null, true).getBody()).containsEntry("status", "VALIDATED");
    }

    @Test
    void the_import_api_is_in_the_openapi_document() {
        ResponseEntity<String> docs = http.exchange("/v3/api-docs", HttpMethod.GET, new HttpEntity<>(headers(TestOrganization.MANAGER, null)), String.class);
        assertThat(docs.getBody()).contains("/api/imports", "/api/imports/{id}", "/api/imports/templates/{type}", "Imports",
                "multipart/form-data", "text/csv", "a CSV file of opportunities");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private static void assertRefused(ResponseEntity<Map<String, Object>> response, String... problems) {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        for (String problem : problems) {
            assertThat((String) response.getBody().get("error")).contains(problem);
        }
    }

    private static byte[] csv(String... lines) {
        return (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static List<String> problems(ResponseEntity<Map<String, Object>> job) {
        return ((List<Map<String, Object>>) job.getBody().get("problems")).stream()
                .map(p -> p.get("type") + "|" + p.get("line") + "|" + p.get("column") + "|" + EnglishText.of((String) p.get("reason"))).toList();
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : List.of("account", "contact", "opportunity", "lead", "stage_history")) {
            counts.put(table, jdbc.sql("select count(*) from " + table).query(Long.class).single());
        }
        counts.put("processes", runtimeService.createProcessInstanceQuery().processDefinitionKey(LeadToCashProcess.KEY).count());
        return counts;
    }

    private static Map<String, Object> byName(List<Map<String, Object>> rows, String name) {
        return rows.stream().filter(r -> name.equals(r.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("No row named " + name));
    }

    private HttpHeaders headers(String user, String contentType) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, TestOrganization.PASSWORD);
        if (contentType != null) {
            headers.setContentType(MediaType.valueOf(contentType));
        }
        return headers;
    }

    private ResponseEntity<Map<String, Object>> upload(String user, Map<String, byte[]> parts, String type, boolean dryRun) {
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        parts.forEach((name, bytes) -> body.add(name, new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return name + ".csv";
            }
        }));
        String url = "/api/imports?dryRun=" + dryRun + (type == null ? "" : "&type=" + type);
        return http.exchange(url, HttpMethod.POST, new HttpEntity<>(body, headers(user, MediaType.MULTIPART_FORM_DATA_VALUE)), JSON);
    }

    private ResponseEntity<Map<String, Object>> post(String user, String type, boolean dryRun, byte[] csv, String contentType) {
        return http.exchange("/api/imports?type=" + type + "&dryRun=" + dryRun, HttpMethod.POST,
                new HttpEntity<>(csv, headers(user, contentType)), JSON);
    }

    private ResponseEntity<Map<String, Object>> job(String user, Object id) {
        return http.exchange("/api/imports/" + id, HttpMethod.GET, new HttpEntity<>(headers(user, null)), JSON);
    }

    private List<Map<String, Object>> list(String user, String path) {
        ResponseEntity<List<Map<String, Object>>> response = http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers(user, null)), JSON_LIST);
        assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private Map<String, Object> call(String user, HttpMethod method, String path, Object body, HttpStatus expected) {
        ResponseEntity<Map<String, Object>> response = http.exchange(path, method,
                new HttpEntity<>(body, headers(user, MediaType.APPLICATION_JSON_VALUE)), JSON);
        assertThat(response.getStatusCode()).as(method + " " + path + ": " + response.getBody()).isEqualTo(expected);
        return response.getBody();
    }
}
