package com.salescadence.cadence.accountplan.process;

import static com.salescadence.cadence.accountplan.process.PlanExecutions.*;
import static com.salescadence.workflow.AccountPlanProcess.*;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Date;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.salescadence.cadence.Cadence;
import com.salescadence.cadence.Cycle;
import com.salescadence.cadence.CycleService;
import com.salescadence.cadence.accountplan.AccountPlanCycle;
import com.salescadence.cadence.accountplan.TierReviewService;
import com.salescadence.workflow.FormInput;
import com.salescadence.workflow.UserInput;

/**
 * The glue of the yearly cycle (bpmn/account-plan-cycle.bpmn) and of a manager's tier review
 * (bpmn/account-tier-review.bpmn): thin, the starts are AccountPlanCycle's, the review's rules TierReviewService's.
 * The tier review's instance keeps the manager's id, the year and the cycle start only; the rows it records are
 * posted transient and never stored in the instance.
 */
@Configuration(proxyBeanMethods = false)
class AccountPlanCycleDelegates {

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
    JavaDelegate startPlanRevisionsDelegate(AccountPlanCycle planCycle,
                                            @Value("${cadence.account-plan.batch-size:100}") int batchSize) {
        return execution -> {
            int year = ((Number) execution.getVariable(PLAN_YEAR)).intValue();
            Date start = (Date) execution.getVariable(CYCLE_START);
            batch(execution, planCycle.keyAccounts(), batchSize, accountId -> planCycle.startRevision(accountId, year, start));
        };
    }

    /** The next batch of managers with accounts below the key tier: each gets the yearly tier review, once. */
    @Bean
    JavaDelegate startTierReviewsDelegate(AccountPlanCycle planCycle,
                                          @Value("${cadence.account-plan.batch-size:100}") int batchSize) {
        return execution -> {
            int year = ((Number) execution.getVariable(PLAN_YEAR)).intValue();
            batch(execution, planCycle.tierReviewers(), batchSize,
                    manager -> planCycle.startTierReview(year, manager, execution.getVariable(CYCLE_START)));
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
}
