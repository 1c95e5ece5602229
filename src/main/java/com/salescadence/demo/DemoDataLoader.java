package com.salescadence.demo;

import static com.salescadence.workflow.LeadToCashProcess.*;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.salescadence.metrics.snapshot.SnapshotKind;
import com.salescadence.metrics.snapshot.SnapshotService;
import com.salescadence.organization.OrganizationAdministration;
import com.salescadence.organization.OrganizationService;
import com.salescadence.organization.Person;
import com.salescadence.organization.QuotaService;
import com.salescadence.organization.Role;
import com.salescadence.pipeline.Account;
import com.salescadence.pipeline.AccountService;
import com.salescadence.pipeline.AccountTier;
import com.salescadence.pipeline.Lead;
import com.salescadence.pipeline.NewLead;
import com.salescadence.pipeline.OpportunityService;
import com.salescadence.pipeline.PipelineProperties;
import com.salescadence.pipeline.process.LeadIntake;
import com.salescadence.pipeline.stage.Outcome;
import com.salescadence.pipeline.stage.Stage;
import com.salescadence.pipeline.stage.StageModel;
import com.salescadence.pipeline.stage.StageModelCatalog;
import com.salescadence.workflow.TaskActions;

// Over 250 lines (issue 14 item 6): the demo organisation and pipeline as one readable script of data, no rules.
/**
 * Loads the demo organisation into an empty database (profile "demo"): people, quotas, accounts in three
 * tiers, and 72 leads driven through the real lead-to-cash process, exactly as reps, managers and
 * finance would in the Tasklist, so every deal's history, evidence and open task are genuine; then, unless
 * {@code cadence.demo.history} is false, the closed deals, snapshots and commits of the past 20 months ({@link DemoHistory}).
 */
@Component
@Order(40)
@ConditionalOnProperty(name = "cadence.demo.enabled", havingValue = "true")
class DemoDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    /** What state each demo deal is left in. */
    enum Scenario {
        LEAD_TO_QUALIFY, IN_FIRST_STAGE, IN_SECOND_STAGE, AWAITING_APPROVAL, ADVANCE_REJECTED, IN_LATE_STAGE,
        GO_NO_GO_PENDING, LOST_MIDWAY, DISQUALIFIED, SMALL_DEAL_WON, WON_CREDIT_CHECK, WON_AWAITING_PAYMENT, WON_PAID
    }

    private static final List<List<Scenario>> PLAN = List.of(
            List.of(Scenario.IN_FIRST_STAGE, Scenario.IN_SECOND_STAGE, Scenario.AWAITING_APPROVAL, Scenario.IN_LATE_STAGE, Scenario.WON_PAID, Scenario.LEAD_TO_QUALIFY),
            List.of(Scenario.IN_FIRST_STAGE, Scenario.ADVANCE_REJECTED, Scenario.AWAITING_APPROVAL, Scenario.LOST_MIDWAY, Scenario.WON_AWAITING_PAYMENT, Scenario.SMALL_DEAL_WON),
            List.of(Scenario.IN_SECOND_STAGE, Scenario.IN_LATE_STAGE, Scenario.GO_NO_GO_PENDING, Scenario.WON_CREDIT_CHECK, Scenario.WON_PAID, Scenario.DISQUALIFIED));

    private final OrganizationService organization;
    private final OrganizationAdministration administration;
    private final QuotaService quotas;
    private final AccountService accounts;
    private final LeadIntake intake;
    private final OpportunityService opportunities;
    private final TaskActions tasks;
    private final StageModel model;
    private final PipelineProperties properties;
    private final Clock clock;
    private final String password;
    private final SnapshotService snapshots;
    private final DemoMeetings meetings;
    private final DemoHistory history;
    private final boolean withHistory;

    DemoDataLoader(OrganizationService organization, OrganizationAdministration administration, QuotaService quotas,
                   AccountService accounts, LeadIntake intake, OpportunityService opportunities, TaskActions tasks,
                   StageModelCatalog stageModels, PipelineProperties properties, Clock clock,
                   @Value("${cadence.demo.password}") String password, SnapshotService snapshots, DemoMeetings meetings,
                   DemoHistory history, @Value("${cadence.demo.history:true}") boolean withHistory) {
        this.history = history;
        this.withHistory = withHistory;
        this.snapshots = snapshots;
        this.meetings = meetings;
        this.organization = organization;
        this.administration = administration;
        this.quotas = quotas;
        this.accounts = accounts;
        this.intake = intake;
        this.opportunities = opportunities;
        this.tasks = tasks;
        this.model = stageModels.active();
        this.properties = properties;
        this.clock = clock;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!organization.isEmpty()) {
            log.info("Demo data: the database already has people, nothing loaded");
            return;
        }
        long start = System.currentTimeMillis();
        DemoOrganization.people().forEach(p -> administration.add(p, password));
        loadQuotas();
        List<Person> reps = organization.withRole(Role.REP);
        int company = 0;
        int deals = 0;
        List<List<Account>> owned = new java.util.ArrayList<>();
        for (Person rep : reps) {
            owned.add(List.of(
                    accounts.create(DemoOrganization.COMPANIES.get(company++ % DemoOrganization.COMPANIES.size()), AccountTier.KEY, "Manufacturing", rep.id()),
                    accounts.create(DemoOrganization.COMPANIES.get(company++ % DemoOrganization.COMPANIES.size()), AccountTier.SECOND, "Services", rep.id()),
                    accounts.create(DemoOrganization.COMPANIES.get(company++ % DemoOrganization.COMPANIES.size()), AccountTier.OTHER, "Retail", rep.id())));
        }
        // two passes: every rep's first half of deals, then last week's snapshot of that pipeline (for the weekly
        // progress and the "what changed" view of every team), then the second half
        for (int pass = 0; pass < 2; pass++) {
            for (int r = 0; r < reps.size(); r++) {
                List<Scenario> scenarios = PLAN.get(r % PLAN.size());
                int half = scenarios.size() / 2;
                for (int d = pass == 0 ? 0 : half; d < (pass == 0 ? half : scenarios.size()); d++) {
                    drive(reps.get(r), owned.get(r).get(d % 3), scenarios.get(d), r * 10 + d);
                    deals++;
                }
                log.info("Demo data: pass {} of 2, {} of {} reps loaded", pass + 1, r + 1, reps.size());
            }
            if (pass == 0) {
                snapshots.take(SnapshotKind.WEEKLY, null, null, SnapshotService.SYSTEM, java.time.LocalDateTime.now(clock).minusWeeks(1));
            }
        }
        if (withHistory) {
            // after last week's snapshot, so the reconstructed weeks before it hold the past and that week keeps the demo's
            Map<String, List<String>> accountNames = new java.util.HashMap<>();
            for (int r = 0; r < reps.size(); r++) {
                accountNames.put(reps.get(r).id(), owned.get(r).stream().map(Account::name).toList());
            }
            history.load(DemoOrganization.ADMIN, reps, accountNames);
        }
        meetings.load();
        log.info("Demo data: {} people, {} leads loaded in {} ms; every login's password is '{}'",
                DemoOrganization.people().size(), deals, System.currentTimeMillis() - start, password);
    }

    private void loadQuotas() {
        loadQuotas(QuotaService.quarterOf(LocalDate.now(clock)));
        loadQuotas(QuotaService.quarterOf(LocalDate.now(clock).plusMonths(3)));
    }

    private void loadQuotas(String quarter) {
        Map<String, BigDecimal> byManager = new java.util.HashMap<>();
        for (Person rep : organization.withRole(Role.REP)) {
            BigDecimal quota = new BigDecimal("3000000.00");
            quotas.set(rep.id(), quarter, quota, quota.multiply(new BigDecimal("1.20")).setScale(2, java.math.RoundingMode.HALF_UP), properties.currency());
            for (String manager : organization.managersAbove(rep.id())) {
                byManager.merge(manager, quota, BigDecimal::add);
            }
        }
        byManager.forEach((manager, quota) ->
                quotas.set(manager, quarter, quota, quota.multiply(new BigDecimal("1.20")).setScale(2, java.math.RoundingMode.HALF_UP), properties.currency()));
    }

    private void drive(Person rep, Account account, Scenario scenario, int seed) {
        BigDecimal amount = amountFor(scenario, seed);
        Lead lead = intake.receive(new NewLead(account.id(), rep.id(), titleFor(account, seed), seed % 2 == 0 ? "Trade fair" : "Referral", amount));
        String key = String.valueOf(lead.id());
        if (scenario == Scenario.LEAD_TO_QUALIFY) {
            return;
        }
        if (scenario == Scenario.DISQUALIFIED) {
            tasks.complete(key, TASK_QUALIFY_LEAD, rep.id(), Map.of(F_QUALIFICATION_DECISION, "disqualify",
                    F_DISQUALIFY_REASON, "No budget this year; revisit in Q3."));
            return;
        }
        tasks.complete(key, TASK_QUALIFY_LEAD, rep.id(), Map.of(
                F_QUALIFICATION_DECISION, "qualify",
                F_BUDGET, "Approved in this year's capex plan",
                F_AUTHORITY, "CIO decides, CFO signs",
                F_NEED, "Replace the ageing planning system before the next peak season",
                F_TIMELINE, "Decision within the quarter",
                F_OPPORTUNITY_NAME, lead.title(),
                F_AMOUNT, amount.toPlainString(),
                F_EXPECTED_CLOSE_DATE, LocalDate.now(clock).plusDays(closesInDays(scenario, seed)).toString()));
        long opportunityId = opportunities.listVisibleTo(rep.id()).stream()
                .filter(o -> lead.id() == (o.leadId() == null ? -1 : o.leadId())).findFirst().orElseThrow().id();
        String manager = organization.managerOf(rep.id());
        if (scenario == Scenario.SMALL_DEAL_WON) {
            tasks.complete(key, TASK_RECORD_SMALL_DEAL_OUTCOME, rep.id(), Map.of(F_DEAL_OUTCOME, "won"));
            toCash(key, rep, opportunityId, true);
            return;
        }
        if (scenario == Scenario.GO_NO_GO_PENDING) {
            return;
        }
        if (amount.compareTo(properties.goNoGoFrom()) >= 0) {
            tasks.complete(key, TASK_GO_NO_GO, manager, Map.of(F_GO_DECISION, "go",
                    F_GO_NO_GO_REASON, "Strategic account, strong sponsor, we lead on the solution."));
        }
        List<Stage> path = model.funnel();
        switch (scenario) {
            case IN_FIRST_STAGE -> { }
            case IN_SECOND_STAGE -> advance(key, rep, manager, 1);
            case AWAITING_APPROVAL -> {
                advance(key, rep, manager, 2);
                requestAdvance(key, rep, path.get(2));
            }
            case ADVANCE_REJECTED -> {
                requestAdvance(key, rep, path.get(0));
                tasks.complete(key, TASK_APPROVE_STAGE_ADVANCE, manager, Map.of(F_ADVANCE_DECISION, "reject",
                        F_DECISION_COMMENT, "The market information is second hand: confirm it with the customer's planning lead."));
            }
            case IN_LATE_STAGE -> advance(key, rep, manager, path.size() - 2);
            case LOST_MIDWAY -> {
                advance(key, rep, manager, 1);
                tasks.complete(key, TASK_WORK_STAGE, rep.id(), Map.of(F_STAGE_ACTION, "lost",
                        F_LOSS_REASON, "Competitor offered a 30% lower price and a local support team."));
            }
            case WON_CREDIT_CHECK, WON_AWAITING_PAYMENT, WON_PAID -> {
                advance(key, rep, manager, path.size() - 1);
                if (scenario != Scenario.WON_CREDIT_CHECK) {
                    toCash(key, rep, opportunityId, scenario == Scenario.WON_PAID);
                }
            }
            default -> throw new IllegalStateException("Unhandled demo scenario " + scenario);
        }
    }

    /** Late-stage deals close within the next week or two, so the weekly commit has something to commit. */
    private static int closesInDays(Scenario scenario, int seed) {
        return switch (scenario) {
            case IN_LATE_STAGE -> 2 + seed % 8;
            case AWAITING_APPROVAL -> 10 + seed % 20;
            default -> 20 + seed % 90;
        };
    }

    /** Moves the deal {@code steps} stages forward, each with evidence and the manager's approval. */
    private void advance(String key, Person rep, String manager, int steps) {
        List<Stage> path = model.funnel();
        for (int i = 0; i < steps; i++) {
            requestAdvance(key, rep, path.get(i));
            tasks.complete(key, TASK_APPROVE_STAGE_ADVANCE, manager, Map.of(F_ADVANCE_DECISION, "approve",
                    F_DECISION_COMMENT, "Evidence checked."));
        }
    }

    private void requestAdvance(String key, Person rep, Stage from) {
        Stage to = model.next(from.code());
        List<Outcome> outcomes = new java.util.ArrayList<>(from.outcomes());
        if (!to.isOpen()) {
            outcomes.addAll(to.outcomes());
        }
        tasks.complete(key, TASK_WORK_STAGE, rep.id(), Map.of(F_STAGE_ACTION, "advance",
                F_OUTCOMES_MET, outcomes.stream().map(Outcome::code).collect(Collectors.joining(",")),
                F_EVIDENCE, "Confirmed in the meeting with the customer's project lead, minutes filed.",
                F_CLAIMED_PROBABILITY, String.valueOf(to.winRate())));
    }

    private void toCash(String key, Person rep, long opportunityId, boolean paid) {
        String today = LocalDate.now(clock).toString();
        tasks.complete(key, TASK_CREDIT_CHECK, DemoOrganization.FINANCE, Map.of(F_CREDIT_DECISION, "approve",
                F_CREDIT_NOTE, "Customer in good standing."));
        tasks.complete(key, TASK_CONFIRM_DELIVERY, rep.id(), Map.of(F_DELIVERED_ON, today, F_DELIVERY_NOTE, "Installed and accepted."));
        if (paid) {
            BigDecimal amount = opportunities.get(opportunityId).amount();
            tasks.complete(key, TASK_RECORD_PAYMENT, DemoOrganization.FINANCE, Map.of(F_PAYMENT_AMOUNT, amount.toPlainString(),
                    F_PAYMENT_DATE, today, F_PAYMENT_REFERENCE, "BANK-" + key));
        }
    }

    private BigDecimal amountFor(Scenario scenario, int seed) {
        if (scenario == Scenario.SMALL_DEAL_WON) {
            return new BigDecimal(12000 + (seed % 7) * 4000).setScale(2);
        }
        if (scenario == Scenario.GO_NO_GO_PENDING) {
            return new BigDecimal(1200000 + (seed % 5) * 150000).setScale(2);
        }
        return new BigDecimal(80000 + ((seed * 7919) % 23) * 41000).setScale(2);
    }

    private static String titleFor(Account account, int seed) {
        String[] what = {"ERP upgrade", "Planning suite", "Warehouse automation", "CRM rollout", "Data platform",
                "Field service app", "Security audit", "Cloud migration"};
        return account.name() + " - " + what[seed % what.length];
    }
}
