package com.salescadence.cadence.accountplan.process;

import static com.salescadence.cadence.accountplan.process.PlanExecutions.*;
import static com.salescadence.workflow.AccountPlanProcess.*;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.salescadence.cadence.accountplan.AccountPlan;
import com.salescadence.cadence.accountplan.AccountPlanNotices;
import com.salescadence.cadence.accountplan.AccountPlanService;
import com.salescadence.cadence.accountplan.PlanContent;
import com.salescadence.cadence.accountplan.PlanRoles;
import com.salescadence.cadence.accountplan.PlanVersion;
import com.salescadence.cadence.accountplan.PlanVersionStatus;
import com.salescadence.cadence.accountplan.ReviewKind;
import com.salescadence.cadence.accountplan.TierMonitoring;
import com.salescadence.pipeline.Account;
import com.salescadence.pipeline.AccountService;
import com.salescadence.workflow.FormInput;
import com.salescadence.workflow.UserInput;

/**
 * The glue of one account's plan revision (bpmn/account-plan-revision.bpmn): thin, every rule is in
 * AccountPlanService, the mails in AccountPlanNotices; the instance keeps ids (plan, account, people) only.
 */
@Configuration(proxyBeanMethods = false)
class AccountPlanRevisionDelegates {

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
    JavaDelegate planReminderDelegate(AccountPlanNotices notices) {
        return execution -> notices.remind(id(execution.getVariable(PLAN_ID)), (String) execution.getVariable(OWNER_ID),
                openTask(execution, TASK_DEVELOP_PLAN));
    }

    /** The plan is late: recorded once per due date, the owner's manager gets a chase task and a mail. */
    @Bean
    JavaDelegate recordLatePlanDelegate(AccountPlanNotices notices) {
        return execution -> notices.late(id(execution.getVariable(PLAN_ID)), (String) execution.getVariable(OWNER_ID),
                (String) execution.getVariable(MANAGER_ID));
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
    JavaDelegate recordReviewDelegate(AccountPlanService plans, AccountPlanNotices notices) {
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
            notices.reviewed(planId, (String) execution.getVariable(OWNER_ID), approve, reviewed);
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
    JavaDelegate recordProgressReportDelegate(AccountPlanService plans, AccountPlanNotices notices) {
        return execution -> {
            recordMonitoring(plans, execution, ReviewKind.PROGRESS_REPORT, OWNER_ID, PROGRESS_REPORTS_MADE);
            notices.progressReported(id(execution.getVariable(PLAN_ID)), (String) execution.getVariable(OWNER_ID),
                    (String) execution.getVariable(SENIOR_MANAGER_ID));
        };
    }

    /** The plan year is over (a year passed, or the account's next revision started). */
    @Bean
    JavaDelegate closePlanYearDelegate(AccountPlanService plans) {
        return execution -> plans.close(id(execution.getVariable(PLAN_ID)));
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
}
