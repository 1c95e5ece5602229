package com.salescadence.cadence.quarterly.process;

import static com.salescadence.workflow.QuarterlyReviewProcess.*;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.salescadence.cadence.process.CycleDelegates;
import com.salescadence.cadence.process.MissingReport;
import com.salescadence.cadence.process.ProcessValues;
import com.salescadence.cadence.process.ReportReminder;
import com.salescadence.cadence.Cadence;
import com.salescadence.cadence.CadenceMail;
import com.salescadence.cadence.ComplianceService;
import com.salescadence.cadence.Cycle;
import com.salescadence.cadence.CycleService;
import com.salescadence.cadence.ReportType;
import com.salescadence.cadence.Submission;
import com.salescadence.cadence.quarterly.QuarterlyReviewService;
import com.salescadence.cadence.Quarters;
import com.salescadence.notification.NotificationKind;
import com.salescadence.organization.OrganizationService;
import com.salescadence.organization.Person;
import com.salescadence.organization.Role;
import com.salescadence.workflow.FormInput;
import com.salescadence.workflow.UserInput;

/**
 * The glue of bpmn/quarterly-review*.bpmn: open the cycle, ask reps and first-line managers in batches,
 * prefill, record, remind, record the misses and chase. The rules live in {@link QuarterlyReviewService}.
 */
@Configuration(proxyBeanMethods = false)
class QuarterlyReviewDelegates {

    /** Opens the cycle of the quarter just ended (a review started in October 2026 is cycle 2026-Q3). */
    @Bean
    JavaDelegate openQuarterlyCycleDelegate(CycleService cycles, Clock clock) {
        return execution -> {
            LocalDateTime start = CycleDelegates.startOf(execution, clock);
            String quarter = Quarters.reviewedOn(start.toLocalDate());
            Cycle cycle = cycles.open(Cadence.QUARTERLY_REVIEW, quarter, start, Quarters.start(quarter),
                    Quarters.endExclusive(quarter).minusDays(1), execution.getProcessInstanceId());
            CycleDelegates.keep(execution, cycle);
        };
    }

    @Bean
    JavaDelegate startQuarterlyPreparationsDelegate(OrganizationService organization,
            @Value("${cadence.quarterly-review.batch-size:${cadence.weekly-commit.batch-size:200}}") int batchSize) {
        return execution -> CycleDelegates.startBatch(execution, PREPARATION_KEY,
                organization.withRole(Role.REP).stream().map(Person::id).toList(), batchSize, REP_ID, Map.of());
    }

    @Bean
    JavaDelegate startManagerReviewsDelegate(OrganizationService organization,
            @Value("${cadence.quarterly-review.batch-size:${cadence.weekly-commit.batch-size:200}}") int batchSize) {
        return execution -> CycleDelegates.startBatch(execution, MANAGER_REVIEW_KEY,
                organization.managersAtLevel(1).stream().map(Person::id).toList(), batchSize, MANAGER_ID, Map.of());
    }

    /**
     * When the rep's task is created: the review is owed by the task's due date. Nothing else goes into the instance:
     * the form (forms/prepare-quarterly-review.html) reads results, growth and key accounts from
     * /api/cadence/quarterly-review/tasks/{taskId}.
     */
    @Bean
    TaskListener prepareQuarterlyReviewListener(ComplianceService compliance) {
        return ProcessValues.oweReport(compliance, REP_ID, ReportType.QUARTERLY_REVIEW);
    }

    @Bean
    JavaDelegate recordQuarterlyPreparationDelegate(QuarterlyReviewService reviews) {
        return execution -> UserInput.handle(() -> {
            FormInput form = FormInput.of(execution);
            reviews.submitPreparation(ProcessValues.id(execution.getVariable(SUBMISSION_ID)), form.text(F_NEXT_QUARTER_PLAN),
                    form.amount(F_PROPOSED_TARGET, "Proposed next-quarter target"));
            form.clear();
        });
    }

    @Bean
    JavaDelegate quarterlyReminderDelegate(ReportReminder reminder) {
        return reminder.forTask("quarterly.reminder", TASK_PREPARE_QUARTERLY_REVIEW);
    }

    /** The preparation deadline passed: recorded as missing, the manager (on a second miss in a row also the next level) told. */
    @Bean
    JavaDelegate recordMissingPreparationDelegate(MissingReport missing) {
        return missing.recordFor(Cadence.QUARTERLY_REVIEW, "Quarterly review not prepared by the deadline", "quarterly");
    }

    /** The text of a chase task: who has not done which review, since when, and who was told. */
    @Bean
    TaskListener quarterlyChaseListener(MissingReport missing) {
        return missing.chaseBrief(submission -> submission.reportType() == ReportType.QUARTERLY_MANAGER_REVIEW
                ? new MissingReport.ChaseWords("未与团队召开季度评审", "has not held the quarterly review of their team",
                        "提交后，本任务会自动关闭。", "When it is submitted, this task closes by itself.")
                : new MissingReport.ChaseWords("未准备季度评审", "has not prepared the quarterly review",
                        "提交后，本任务会自动关闭。", "When it is submitted, this task closes by itself."));
    }

    /**
     * When the manager's task is created: the review is owed and the manager is told. The form reads the team's rows
     * from the API when it opens (GET /api/cadence/quarterly-review/cycles/{cycleId}/team): the instance keeps ids only.
     */
    @Bean
    TaskListener runQuarterlyReviewListener(ComplianceService compliance, CycleService cycles, CadenceMail mail) {
        return task -> {
            Cycle cycle = cycles.get(ProcessValues.id(task.getVariable(CYCLE_ID)));
            String manager = (String) task.getVariable(MANAGER_ID);
            Submission submission = compliance.owe(cycle.id(), manager, ReportType.QUARTERLY_MANAGER_REVIEW, ProcessValues.toLocal(task));
            task.setVariable(SUBMISSION_ID, submission.id());
            mail.send(manager, NotificationKind.CALL_READY, "quarterly.review.ready", cycle.cycleKey(), submission.dueAt(),
                    task.getId(), mail.name(manager), Quarters.next(cycle.cycleKey()));
        };
    }

    /**
     * Records the manager's review: the decisions [{personId, target, outcome}] the form (or the API) posted and the
     * notes; refused as a whole with the problems per rep, removed from the instance once stored.
     */
    @Bean
    JavaDelegate recordManagerReviewDelegate(QuarterlyReviewService reviews) {
        return execution -> UserInput.handle(() -> {
            FormInput form = FormInput.of(execution);
            reviews.submitManagerReview(ProcessValues.id(execution.getVariable(SUBMISSION_ID)), form.objects(F_TARGETS),
                    form.text(F_REVIEW_NOTES));
            form.clear();
        });
    }

    /** The manager's deadline passed: recorded as missing and escalated one level up (the manager's manager), who is mailed. */
    @Bean
    JavaDelegate recordMissingManagerReviewDelegate(MissingReport missing) {
        return missing.recordManagersFor(Cadence.QUARTERLY_REVIEW, "Quarterly review of the team not held by the deadline",
                "quarterly.review.missing", true);
    }
}
