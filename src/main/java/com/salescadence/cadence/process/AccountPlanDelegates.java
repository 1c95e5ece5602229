package com.salescadence.cadence.process;

import static com.salescadence.workflow.AccountPlanProcess.*;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.spin.Spin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.salescadence.cadence.Cadence;
import com.salescadence.cadence.CadenceMail;
import com.salescadence.cadence.Cycle;
import com.salescadence.cadence.CycleService;
import com.salescadence.cadence.accountplan.AccountPlanRevisions;
import com.salescadence.cadence.accountplan.TierReviewService;
import com.salescadence.common.ValidationException;
import com.salescadence.pipeline.AccountTier;
import com.salescadence.cadence.accountplan.AccountPlan;
import com.salescadence.cadence.accountplan.AccountPlanService;
import com.salescadence.cadence.accountplan.PlanContent;
import com.salescadence.cadence.accountplan.PlanRoles;
import com.salescadence.cadence.accountplan.PlanVersion;
import com.salescadence.cadence.accountplan.PlanVersionStatus;
import com.salescadence.cadence.accountplan.ReviewKind;
import com.salescadence.cadence.accountplan.TierMonitoring;
import com.salescadence.notification.NotificationKind;
import com.salescadence.pipeline.Account;
import com.salescadence.pipeline.AccountService;
import com.salescadence.workflow.FormInput;
import com.salescadence.workflow.UserInput;

/** The glue of one account's plan revision (bpmn/account-plan-revision.bpmn): thin, every rule is in AccountPlanService. */
@Configuration(proxyBeanMethods = false)
class AccountPlanDelegates {

    private static final Logger LOG = LoggerFactory.getLogger(AccountPlanDelegates.class);

    /** Phase 1 starts: the plan year is opened and the people are resolved from the reporting lines. */
    @Bean
    JavaDelegate openAccountPlanDelegate(AccountPlanService plans) {
        return execution -> {
            long accountId = id(execution.getVariable(ACCOUNT_ID));
            int year = ((Number) execution.getVariable(PLAN_YEAR)).intValue();
            AccountPlan plan = plans.open(accountId, year, execution.getProcessInstanceId());
            PlanRoles roles = plans.roles(accountId);
            VariableScope instance = execution.getProcessInstance();
            instance.setVariable(PLAN_ID, plan.id());
            instance.setVariable(OWNER_ID, roles.ownerId());
            instance.setVariable(MANAGER_ID, roles.managerId());
            instance.setVariable(SENIOR_MANAGER_ID, roles.seniorManagerId());
            // the form's prefilled value: the default of the model (input parameter), changeable by the senior manager
            instance.setVariable(F_DEVELOP_WEEKS, Integer.valueOf(String.valueOf(execution.getVariable(IN_DEFAULT_DEVELOP_WEEKS))));
        };
    }

    /** Shows the plan's context (account, owner, direction, due date, last review comment) on any plan task. */
    @Bean
    TaskListener planBriefListener(AccountPlanService plans) {
        return task -> task.setVariableLocal(PLAN_BRIEF, plans.brief(id(task.getVariable(PLAN_ID))));
    }

    @Bean
    JavaDelegate recordPreparationDelegate(AccountPlanService plans) {
        return execution -> UserInput.handle(() -> {
            FormInput form = FormInput.of(execution);
            BigDecimal weeks = form.amount(F_DEVELOP_WEEKS, "Weeks to develop the plan");
            AccountPlan plan = plans.prepare(id(execution.getVariable(PLAN_ID)), actor(execution, SENIOR_MANAGER_ID),
                    form.text(F_DIRECTION), form.text(F_TEAM_MEMBERS), form.text(F_TIMELINE), weeks == null ? null : weeks.intValue());
            form.clear();
            execution.setVariable(PLAN_DUE_AT, date(plan.dueAt()));
        });
    }

    /**
     * Phase 2: the owner's plan as the form (forms/develop-account-plan.html) and the API post it: the sections and
     * {@code years} [{year, amount}], transient. The form reads the plan from /api/account-plans/tasks/{taskId} when it
     * opens; the instance keeps ids only. A refusal: 400 with every problem (each year's at its row), nothing stored.
     */
    @Bean
    JavaDelegate recordPlanVersionDelegate(AccountPlanService plans) {
        return execution -> UserInput.handle(() -> {
            FormInput form = FormInput.of(execution);
            PlanContent sections = new PlanContent(form.text(F_EXECUTIVE_SUMMARY), form.text(F_STRATEGIC_OPTIONS),
                    form.text(F_BUSINESS_RISKS), form.text(F_CUSTOMER_ANALYSIS), form.text(F_GOALS_OBJECTIVES),
                    form.text(F_ACTIONS_RESOURCES), List.of(), form.text(F_APPENDIX));
            plans.submit(id(execution.getVariable(PLAN_ID)), actor(execution, OWNER_ID), sections, form.objects(F_YEARS));
            form.clear();
        });
    }

    @Bean
    JavaDelegate planReminderDelegate(AccountPlanService plans, CadenceMail mail) {
        return execution -> {
            long planId = id(execution.getVariable(PLAN_ID));
            if (plans.recordReminder(planId)) {
                AccountPlan plan = plans.plan(planId);
                String owner = (String) execution.getVariable(OWNER_ID);
                mail.send(owner, NotificationKind.REPORT_REMINDER, "accountplan.reminder", title(plans, plan), plan.dueAt(),
                        openTask(execution, TASK_DEVELOP_PLAN), mail.name(owner));
            }
        };
    }

    /** The plan is late: recorded once per due date, the owner's manager gets a chase task and a mail. */
    @Bean
    JavaDelegate recordLatePlanDelegate(AccountPlanService plans, CadenceMail mail) {
        return execution -> {
            long planId = id(execution.getVariable(PLAN_ID));
            String manager = (String) execution.getVariable(MANAGER_ID);
            if (plans.recordLate(planId, manager)) {
                AccountPlan plan = plans.plan(planId);
                String owner = (String) execution.getVariable(OWNER_ID);
                mail.send(manager, NotificationKind.REPORT_MISSING, "accountplan.late", title(plans, plan), plan.dueAt(), null,
                        mail.name(owner), mail.name(manager));
            }
        };
    }

    @Bean
    JavaDelegate recordPlanChaseDelegate(AccountPlanService plans) {
        return execution -> UserInput.handle(() -> {
            FormInput form = FormInput.of(execution);
            plans.recordChase(id(execution.getVariable(PLAN_ID)), form.text(F_CHASE_NOTE));
            form.clear();
        });
    }

    /** Phase 3 task: the senior manager reads the submitted version. */
    @Bean
    TaskListener reviewPlanFormListener(AccountPlanService plans) {
        return task -> {
            long planId = id(task.getVariable(PLAN_ID));
            task.setVariableLocal(PLAN_BRIEF, plans.brief(planId));
            plans.latest(planId).ifPresent(v -> task.setVariableLocal(VERSION_TEXT, plans.versionText(v)));
        };
    }

    /** Approve, or send back with a comment: the plan is due again after the model's rework period. */
    @Bean
    JavaDelegate recordReviewDelegate(AccountPlanService plans, CadenceMail mail) {
        return execution -> UserInput.handle(() -> {
            FormInput form = FormInput.of(execution);
            boolean approve = "approve".equals(form.choice(F_REVIEW_DECISION, "Decision", "approve", "return"));
            long planId = id(execution.getVariable(PLAN_ID));
            PlanVersion reviewed = plans.review(planId, actor(execution, SENIOR_MANAGER_ID), approve, form.text(F_REVIEW_COMMENT),
                    period(execution.getVariable(IN_REWORK_PERIOD)));
            form.clear();
            AccountPlan plan = plans.plan(planId);
            VariableScope instance = execution.getProcessInstance();
            instance.setVariable(PLAN_APPROVED, reviewed.status() == PlanVersionStatus.APPROVED);
            if (!approve) {
                instance.setVariable(PLAN_DUE_AT, date(plan.dueAt()));
            }
            String owner = (String) execution.getVariable(OWNER_ID);
            mail.send(owner, NotificationKind.ACCOUNT_PLAN_REVIEWED, approve ? "accountplan.approved" : "accountplan.returned",
                    title(plans, plan), plan.dueAt(), null, mail.name(owner), reviewed.versionNo(),
                    reviewed.reviewerComment() == null ? "" : reviewed.reviewerComment());
        });
    }

    /** Phase 4 starts: the tier rule decides whether this instance runs the quarterly reviews. */
    @Bean
    JavaDelegate startMonitoringDelegate(AccountService accounts, Clock clock) {
        return execution -> {
            Account account = accounts.get(id(execution.getVariable(ACCOUNT_ID)));
            TierMonitoring monitoring = TierMonitoring.of(account.tier());
            execution.setVariable(QUARTERLY_MONITORING, monitoring.frequency() == TierMonitoring.Frequency.QUARTERLY);
            execution.setVariable(MONITOR_START, date(LocalDateTime.now(clock)));
            execution.setVariable(REVIEWS_HELD, 0);
            execution.setVariable(PROGRESS_REPORTS_MADE, 0);
        };
    }

    /** Monitoring tasks show the brief and the approved plan. */
    @Bean
    TaskListener monitorPlanFormListener(AccountPlanService plans) {
        return task -> {
            long planId = id(task.getVariable(PLAN_ID));
            task.setVariableLocal(PLAN_BRIEF, plans.brief(planId));
            plans.versions(planId).stream().filter(v -> v.status() == PlanVersionStatus.APPROVED).reduce((a, b) -> b)
                    .ifPresent(v -> task.setVariableLocal(VERSION_TEXT, plans.versionText(v)));
        };
    }

    @Bean
    JavaDelegate recordQuarterlyPlanReviewDelegate(AccountPlanService plans) {
        return execution -> recordMonitoring(plans, execution, ReviewKind.QUARTERLY_REVIEW, MANAGER_ID, REVIEWS_HELD);
    }

    @Bean
    JavaDelegate recordProgressReportDelegate(AccountPlanService plans, CadenceMail mail) {
        return execution -> {
            recordMonitoring(plans, execution, ReviewKind.PROGRESS_REPORT, OWNER_ID, PROGRESS_REPORTS_MADE);
            AccountPlan plan = plans.plan(id(execution.getVariable(PLAN_ID)));
            String senior = (String) execution.getVariable(SENIOR_MANAGER_ID);
            mail.send(senior, NotificationKind.ACCOUNT_PLAN_PROGRESS, "accountplan.progress", title(plans, plan), null, null,
                    mail.name(senior), mail.name((String) execution.getVariable(OWNER_ID)));
        };
    }

    /** The plan year is over (a year passed, or the account's next revision started). */
    @Bean
    JavaDelegate closePlanYearDelegate(AccountPlanService plans) {
        return execution -> plans.close(id(execution.getVariable(PLAN_ID)));
    }

    // ------------------------------------------------------------ account-plan-cycle and account-tier-review

    /** Opens the plan year (planYear given, or this year) once; later steps start revisions and tier reviews for it. */
    @Bean
    JavaDelegate openPlanYearDelegate(CycleService cycles, Clock clock) {
        return execution -> {
            Object givenStart = execution.getVariable(CYCLE_START);
            LocalDateTime start = givenStart instanceof Date d ? LocalDateTime.ofInstant(d.toInstant(), ZoneId.systemDefault())
                    : LocalDateTime.now(clock).truncatedTo(ChronoUnit.MINUTES);
            Object givenYear = execution.getVariable(PLAN_YEAR);
            int year = givenYear instanceof Number n ? n.intValue() : start.getYear();
            Cycle cycle = cycles.open(Cadence.ACCOUNT_PLAN, String.valueOf(year), start, LocalDate.of(year, 1, 1),
                    LocalDate.of(year, 12, 31), execution.getProcessInstanceId());
            execution.setProcessBusinessKey("account-plans:" + year);
            execution.setVariable(CYCLE_ID, cycle.id());
            execution.setVariable(PLAN_YEAR, year);
            execution.setVariable(CYCLE_START, date(start));
            execution.setVariable(BATCH_OFFSET, 0);
        };
    }

    /** The next batch of key accounts: each gets this year's revision, once (a running one in monitoring ends). */
    @Bean
    JavaDelegate startPlanRevisionsDelegate(AccountService accounts, AccountPlanRevisions revisions,
                                            @Value("${cadence.account-plan.batch-size:100}") int batchSize) {
        return execution -> {
            int year = ((Number) execution.getVariable(PLAN_YEAR)).intValue();
            Date start = (Date) execution.getVariable(CYCLE_START);
            List<Long> keyAccounts = accounts.listByTier(AccountTier.KEY).stream().map(Account::id).toList();
            batch(execution, keyAccounts, batchSize, accountId -> {
                if (!revisions.startedFor(accountId, year)) {
                    try {
                        revisions.start(accountId, year, start);
                    } catch (ValidationException e) {
                        LOG.warn("Account {}: no {} revision started: {}", accountId, year, e.getMessage());
                    }
                }
            });
        };
    }

    /** The next batch of managers with accounts below the key tier: each gets the yearly tier review, once. */
    @Bean
    JavaDelegate startTierReviewsDelegate(TierReviewService tierReviews,
                                          @Value("${cadence.account-plan.batch-size:100}") int batchSize) {
        return execution -> {
            int year = ((Number) execution.getVariable(PLAN_YEAR)).intValue();
            var engine = execution.getProcessEngineServices();
            batch(execution, tierReviews.reviewers(), batchSize, manager -> {
                String businessKey = "account-plans:" + year + ":" + manager;
                if (engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(TIER_REVIEW_KEY)
                        .processInstanceBusinessKey(businessKey).count() == 0) {
                    engine.getRuntimeService().startProcessInstanceByKey(TIER_REVIEW_KEY, businessKey, Map.of(MANAGER_ID, manager,
                            PLAN_YEAR, year, CYCLE_START, execution.getVariable(CYCLE_START)));
                }
            });
        };
    }

    /**
     * Records the yearly review: the notes per second-tier account [{accountId, notes}] and the collective notes, as
     * the form (or the API) posted them; refused as a whole with the problems at each account's row. The form reads
     * its rows from the API when it opens: the instance keeps the manager's id and the year only.
     */
    @Bean
    JavaDelegate recordTierReviewDelegate(TierReviewService tierReviews) {
        return execution -> UserInput.handle(() -> {
            FormInput form = FormInput.of(execution);
            tierReviews.record(((Number) execution.getVariable(PLAN_YEAR)).intValue(), actor(execution, MANAGER_ID),
                    form.objects(SECOND_TIER_ROWS), form.text(F_COLLECTIVE_NOTES));
            form.clear();
        });
    }

    /** Runs the next batch of items; sets allStarted and the offset of the next batch. */
    static <T> void batch(DelegateExecution execution, List<T> items, int batchSize, java.util.function.Consumer<T> work) {
        int offset = ((Number) execution.getVariable(BATCH_OFFSET)).intValue();
        int end = Math.min(items.size(), offset + batchSize);
        items.subList(Math.min(offset, items.size()), end).forEach(work);
        boolean all = end >= items.size();
        execution.setVariable(BATCH_OFFSET, all ? 0 : end);
        execution.setVariable(ALL_STARTED, all);
    }

    private static void recordMonitoring(AccountPlanService plans, DelegateExecution execution, ReviewKind kind, String actorVariable,
                                         String counter) {
        UserInput.handle(() -> {
            FormInput form = FormInput.of(execution);
            String onTrack = form.choice(F_ON_TRACK, "On track", "yes", "no");
            plans.recordReview(id(execution.getVariable(PLAN_ID)), kind, actor(execution, actorVariable), "yes".equals(onTrack),
                    form.text(F_REVIEW_NOTES));
            form.clear();
            execution.setVariable(counter, ((Number) execution.getVariable(counter)).intValue() + 1);
        });
    }

    /** Who completed the task: the signed-in person (Tasklist, REST API), else the person the model assigned it to. */
    static String actor(DelegateExecution execution, String assigneeVariable) {
        Authentication authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return authentication != null && authentication.getUserId() != null ? authentication.getUserId()
                : (String) execution.getVariable(assigneeVariable);
    }

    static String openTask(DelegateExecution execution, String activityId) {
        var task = execution.getProcessEngineServices().getTaskService().createTaskQuery()
                .processInstanceId(execution.getProcessInstanceId()).taskDefinitionKey(activityId).singleResult();
        return task == null ? null : task.getId();
    }

    private static String title(AccountPlanService plans, AccountPlan plan) {
        return plans.title(plan.id());
    }

    static Period period(Object value) {
        try {
            return Period.parse(String.valueOf(value).trim());
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("The model's period '" + value + "' is not an ISO-8601 period like P2W.", e);
        }
    }

    static Date date(LocalDateTime time) {
        return Date.from(time.atZone(ZoneId.systemDefault()).toInstant());
    }

    static long id(Object value) {
        return ((Number) value).longValue();
    }
}
