package com.salescadence.cadence.process;

import static com.salescadence.workflow.QuarterlyReviewProcess.*;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.Spin;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.salescadence.cadence.ChaseBrief;
import com.salescadence.cadence.Cadence;
import com.salescadence.cadence.CadenceMail;
import com.salescadence.cadence.ComplianceService;
import com.salescadence.cadence.Cycle;
import com.salescadence.cadence.CycleService;
import com.salescadence.cadence.MissedReport;
import com.salescadence.cadence.ReportType;
import com.salescadence.cadence.Submission;
import com.salescadence.cadence.quarterly.QuarterlyReviewService;
import com.salescadence.cadence.quarterly.Quarters;
import com.salescadence.cadence.quarterly.TargetInput;
import com.salescadence.cadence.quarterly.TeamMemberReview;
import com.salescadence.notification.NotificationKind;
import com.salescadence.organization.OrganizationService;
import com.salescadence.organization.Person;
import com.salescadence.organization.Role;
import com.salescadence.workflow.QuarterlyReviewProcess;
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
            Object given = execution.getVariable(CYCLE_START);
            LocalDateTime start = given instanceof Date d ? LocalDateTime.ofInstant(d.toInstant(), ZoneId.systemDefault())
                    : LocalDateTime.now(clock).truncatedTo(ChronoUnit.MINUTES);
            String quarter = Quarters.reviewedOn(start.toLocalDate());
            Cycle cycle = cycles.open(Cadence.QUARTERLY_REVIEW, quarter, start, Quarters.start(quarter),
                    Quarters.endExclusive(quarter).minusDays(1), execution.getProcessInstanceId());
            execution.setProcessBusinessKey(cycle.cycleKey());
            execution.setVariable(CYCLE_ID, cycle.id());
            execution.setVariable(CYCLE_KEY, cycle.cycleKey());
            execution.setVariable(CYCLE_START, Date.from(cycle.startsAt().atZone(ZoneId.systemDefault()).toInstant()));
            execution.setVariable(BATCH_OFFSET, 0);
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

    /** When the rep's task is created: the review is owed by the task's due date; results, growth and key accounts are shown. */
    @Bean
    TaskListener prepareQuarterlyReviewListener(QuarterlyReviewService reviews, ComplianceService compliance, CycleService cycles) {
        return task -> {
            Cycle cycle = cycles.get(CommitDelegates.id(task.getVariable(CYCLE_ID)));
            String rep = (String) task.getVariable(REP_ID);
            Submission submission = compliance.owe(cycle.id(), rep, ReportType.QUARTERLY_REVIEW, CommitDelegates.toLocal(task));
            task.setVariable(SUBMISSION_ID, submission.id());
            task.setVariableLocal(QUARTER_BRIEF, reviews.brief(rep, cycle));
            task.setVariableLocal(KEY_ACCOUNTS, reviews.keyAccountsText(rep));
        };
    }

    @Bean
    JavaDelegate recordQuarterlyPreparationDelegate(QuarterlyReviewService reviews) {
        return execution -> UserInput.handle(() -> {
            FormInput form = FormInput.of(execution);
            reviews.submitPreparation(CommitDelegates.id(execution.getVariable(SUBMISSION_ID)), form.text(F_NEXT_QUARTER_PLAN),
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
    JavaDelegate recordMissingPreparationDelegate(ComplianceService compliance, CadenceMail mail) {
        return execution -> {
            long submissionId = CommitDelegates.id(execution.getVariable(SUBMISSION_ID));
            MissedReport missed = compliance.recordMissed(submissionId, Cadence.QUARTERLY_REVIEW,
                    "Quarterly review not prepared by the deadline");
            execution.setVariable(CHASE_ASSIGNEE, missed.chaseAssignee());
            if (missed.newlyMissed()) {
                Submission submission = compliance.get(submissionId);
                for (int i = 0; i < missed.escalatedTo().size(); i++) {
                    String to = missed.escalatedTo().get(i);
                    mail.send(to, i == 0 ? NotificationKind.REPORT_MISSING : NotificationKind.REPORT_ESCALATED,
                            i == 0 ? "quarterly.missing" : "quarterly.escalated", (String) execution.getVariable(CYCLE_KEY),
                            submission.dueAt(), null, mail.name(submission.personId()), mail.name(to));
                }
            }
        };
    }

    /** The text of a chase task: who has not done which review, since when, and who was told. */
    @Bean
    TaskListener quarterlyChaseListener(ComplianceService compliance, CadenceMail mail) {
        return task -> {
            long submissionId = CommitDelegates.id(task.getVariable(SUBMISSION_ID));
            Submission submission = compliance.get(submissionId);
            boolean meeting = submission.reportType() == ReportType.QUARTERLY_MANAGER_REVIEW;
            task.setVariableLocal(CHASE_BRIEF, ChaseBrief.of(mail.name(submission.personId()),
                    meeting ? "未与团队召开季度评审" : "未准备季度评审",
                    "has not " + (meeting ? "held the quarterly review of their team" : "prepared the quarterly review"),
                    task.getVariable(CYCLE_KEY), submission.dueAt(), compliance.escalations(submissionId), mail::name,
                    "提交后，本任务会自动关闭。", "When it is submitted, this task closes by itself."));
        };
    }

    /**
     * When the manager's task is created: the review is owed, each rep's review and figures are shown, the manager is told.
     * The form's slots 1..{@link QuarterlyReviewProcess#TARGET_SLOTS} are prefilled with the team's reps in order and
     * their proposed targets; a slot without a rep stays hidden.
     */
    @Bean
    TaskListener runQuarterlyReviewListener(QuarterlyReviewService reviews, ComplianceService compliance, CycleService cycles,
                                            CadenceMail mail) {
        return task -> {
            Cycle cycle = cycles.get(CommitDelegates.id(task.getVariable(CYCLE_ID)));
            String manager = (String) task.getVariable(MANAGER_ID);
            Submission submission = compliance.owe(cycle.id(), manager, ReportType.QUARTERLY_MANAGER_REVIEW, CommitDelegates.toLocal(task));
            task.setVariable(SUBMISSION_ID, submission.id());
            List<TeamMemberReview> view = reviews.teamView(cycle.id(), manager);
            String brief = reviews.teamBrief(cycle, view);
            if (view.size() > TARGET_SLOTS) {
                brief = "Your team has " + view.size() + " reps; this form holds " + TARGET_SLOTS
                        + ": record the review through the API (POST /api/cadence/quarterly-review/cycles/" + cycle.id()
                        + "/team-review).\n\n" + brief;
            }
            task.setVariableLocal(TEAM_REVIEW_BRIEF, brief);
            task.setVariableLocal(TEAM_REVIEW_ROWS, Spin.JSON(reviews.reviewRows(view)));
            List<Map<String, String>> options = view.stream().map(m -> {
                Map<String, String> option = new LinkedHashMap<>();
                option.put("label", m.name());
                option.put("value", m.personId());
                return option;
            }).toList();
            task.setVariableLocal(TEAM_OPTIONS, Spin.JSON(options));
            // not task-local: the form submits the slots under the same names
            for (int slot = 1; slot <= Math.min(view.size(), TARGET_SLOTS); slot++) {
                TeamMemberReview member = view.get(slot - 1);
                task.setVariable(F_TARGET_PERSON + slot, member.personId());
                Optional<BigDecimal> target = reviews.prefilledTarget(cycle, member);
                if (target.isPresent()) {
                    task.setVariable(F_TARGET + slot, formNumber(target.get()));
                }
            }
            mail.send(manager, NotificationKind.CALL_READY, "quarterly.review.ready", cycle.cycleKey(), submission.dueAt(),
                    task.getId(), mail.name(manager), Quarters.next(cycle.cycleKey()));
        };
    }

    /**
     * Records the manager's review: the API's list of rows when one was posted, else the form's slots
     * (a hidden slot is not submitted; the slots prefilled for the API path are ignored and removed).
     */
    @Bean
    JavaDelegate recordManagerReviewDelegate(QuarterlyReviewService reviews) {
        return execution -> UserInput.handle(() -> {
            FormInput form = FormInput.of(execution);
            boolean listed = execution.getVariable(F_TARGETS) != null;
            List<Map<String, Object>> rows = form.objects(F_TARGETS);
            List<Map<String, Object>> slots = new ArrayList<>();
            for (int slot = 1; slot <= TARGET_SLOTS; slot++) {
                String person = form.text(F_TARGET_PERSON + slot);
                String target = form.text(F_TARGET + slot);
                String outcome = form.text(F_OUTCOME + slot);
                if (person != null || target != null || outcome != null) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("personId", person);
                    row.put("target", target);
                    row.put("outcome", outcome);
                    slots.add(row);
                }
            }
            reviews.submitManagerReview(CommitDelegates.id(execution.getVariable(SUBMISSION_ID)),
                    TargetInput.parse(listed ? rows : slots), form.text(F_REVIEW_NOTES));
            form.clear();
        });
    }

    /** An amount as a form-js number field reads it: a whole number, or a double when it has cents. */
    private static Number formNumber(BigDecimal amount) {
        BigDecimal plain = amount.stripTrailingZeros();
        if (plain.scale() <= 0) {
            return plain.longValueExact(); // not in a ?: with the double, which would widen it
        }
        return plain.doubleValue();
    }

    /** The manager's deadline passed: recorded as missing and escalated one level up (the manager's manager), who is mailed. */
    @Bean
    JavaDelegate recordMissingManagerReviewDelegate(ComplianceService compliance, CadenceMail mail) {
        return execution -> {
            long submissionId = CommitDelegates.id(execution.getVariable(SUBMISSION_ID));
            MissedReport missed = compliance.recordMissed(submissionId, Cadence.QUARTERLY_REVIEW,
                    "Quarterly review of the team not held by the deadline");
            execution.setVariable(CHASE_ASSIGNEE, missed.escalatedTo().isEmpty() ? null : missed.escalatedTo().get(0));
            if (missed.newlyMissed()) {
                Submission submission = compliance.get(submissionId);
                for (String to : missed.escalatedTo()) {
                    mail.send(to, NotificationKind.REPORT_MISSING, "quarterly.review.missing", (String) execution.getVariable(CYCLE_KEY),
                            submission.dueAt(), null, mail.name(submission.personId()), mail.name(to));
                }
            }
        };
    }
}
