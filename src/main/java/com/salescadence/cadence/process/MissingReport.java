package com.salescadence.cadence.process;

import static com.salescadence.workflow.WeeklyCommitProcess.CHASE_ASSIGNEE;
import static com.salescadence.workflow.WeeklyCommitProcess.CHASE_BRIEF;
import static com.salescadence.workflow.WeeklyCommitProcess.CYCLE_KEY;
import static com.salescadence.workflow.WeeklyCommitProcess.SUBMISSION_ID;

import java.util.function.Function;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import com.salescadence.cadence.Cadence;
import com.salescadence.cadence.CadenceMail;
import com.salescadence.cadence.ChaseBrief;
import com.salescadence.cadence.ComplianceService;
import com.salescadence.cadence.MissedReport;
import com.salescadence.cadence.Submission;
import com.salescadence.notification.NotificationKind;

/**
 * A report's deadline passed, the same for every cadence (weekly commit, monthly forecast, quarterly review): the
 * report is recorded as missing, the chase goes to the person's manager ({@code chaseAssignee}), and the manager is
 * mailed, on a second miss in a row also the next level up. A retried job or a second node mails nobody twice
 * ({@link MissedReport#newlyMissed()}).
 */
@Component
public class MissingReport {

    private final ComplianceService compliance;
    private final CadenceMail mail;

    MissingReport(ComplianceService compliance, CadenceMail mail) {
        this.compliance = compliance;
        this.mail = mail;
    }

    /**
     * @param reason the record's reason, as reports and the audit show it
     * @param templates the mails' prefix in i18n/cadence_*.properties: {@code <prefix>.missing} to the manager,
     *                  {@code <prefix>.escalated} to each level above
     */
    public JavaDelegate recordFor(Cadence cadence, String reason, String templates) {
        return execution -> {
            long submissionId = ((Number) execution.getVariable(SUBMISSION_ID)).longValue();
            MissedReport missed = compliance.recordMissed(submissionId, cadence, reason);
            execution.setVariable(CHASE_ASSIGNEE, missed.chaseAssignee());
            if (missed.newlyMissed()) {
                Submission submission = missed.submission();
                String cycleKey = (String) execution.getVariable(CYCLE_KEY);
                for (int i = 0; i < missed.escalatedTo().size(); i++) {
                    String to = missed.escalatedTo().get(i);
                    boolean manager = i == 0;
                    mail.send(to, manager ? NotificationKind.REPORT_MISSING : NotificationKind.REPORT_ESCALATED,
                            templates + (manager ? ".missing" : ".escalated"), cycleKey, submission.dueAt(), null,
                            mail.name(submission.personId()), mail.name(to));
                }
            }
        };
    }

    /**
     * A manager's own report (roll-up, forecast review, team review) was not done: recorded as missing, and
     * everyone above who is told gets {@code template}; with {@code chase} the first of them also gets the chase.
     */
    public JavaDelegate recordManagersFor(Cadence cadence, String reason, String template, boolean chase) {
        return execution -> {
            long submissionId = ((Number) execution.getVariable(SUBMISSION_ID)).longValue();
            MissedReport missed = compliance.recordMissed(submissionId, cadence, reason);
            if (chase) {
                execution.setVariable(CHASE_ASSIGNEE, missed.escalatedTo().isEmpty() ? null : missed.escalatedTo().get(0));
            }
            if (missed.newlyMissed()) {
                Submission submission = missed.submission();
                for (String to : missed.escalatedTo()) {
                    mail.send(to, NotificationKind.REPORT_MISSING, template, (String) execution.getVariable(CYCLE_KEY),
                            submission.dueAt(), null, mail.name(submission.personId()), mail.name(to));
                }
            }
        };
    }

    /**
     * The chase task's brief, the same for every cadence: who has not done what, for which cycle, due when, who was
     * told, and that the task closes by itself once the report is in. Only the words differ per report.
     */
    public TaskListener chaseBrief(Function<Submission, ChaseWords> words) {
        return task -> {
            long submissionId = ProcessValues.submissionId(task);
            Submission submission = compliance.get(submissionId);
            ChaseWords said = words.apply(submission);
            task.setVariableLocal(CHASE_BRIEF, ChaseBrief.of(mail.name(submission.personId()), said.missedZh(),
                    said.missedEn(), task.getVariable(CYCLE_KEY), submission.dueAt(), compliance.escalations(submissionId),
                    mail::name, said.closesZh(), said.closesEn()));
        };
    }

    /** What a chase says was not done ("未提交周承诺" / "has not submitted the weekly commit") and how it ends. */
    public record ChaseWords(String missedZh, String missedEn, String closesZh, String closesEn) {
    }
}
