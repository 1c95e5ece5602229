package com.salescadence.cadence.process;

import static com.salescadence.workflow.WeeklyCommitProcess.*;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.time.ZoneId;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.Spin;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.salescadence.cadence.ChaseBrief;
import com.salescadence.cadence.Cadence;
import com.salescadence.cadence.CommitChoices;
import com.salescadence.cadence.CadenceMail;
import com.salescadence.cadence.CommitRows;
import com.salescadence.cadence.ComplianceService;
import com.salescadence.cadence.Cycle;
import com.salescadence.cadence.CycleService;
import com.salescadence.cadence.MissedReport;
import com.salescadence.cadence.ReportType;
import com.salescadence.cadence.Submission;
import com.salescadence.cadence.WeeklyCommitService;
import com.salescadence.notification.NotificationKind;
import com.salescadence.workflow.FormInput;
import com.salescadence.workflow.UserInput;

/** The glue of one rep's weekly commit: prefill, record, remind, record the miss, chase. */
@Configuration(proxyBeanMethods = false)
class CommitDelegates {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CommitDelegates.class);

    /** When the task is created: the report is owed by the task's due date; the form is prefilled. */
    @Bean
    TaskListener commitFormListener(WeeklyCommitService commits, ComplianceService compliance, CycleService cycles) {
        return task -> {
            Cycle cycle = cycles.get(id(task.getVariable(CYCLE_ID)));
            String rep = (String) task.getVariable(REP_ID);
            Submission submission = compliance.owe(cycle.id(), rep, ReportType.COMMIT, toLocal(task));
            task.setVariable(SUBMISSION_ID, submission.id());
            WeeklyCommitService.TaskForm taskForm = commits.taskForm(rep, cycle);
            task.setVariableLocal(COMMIT_BRIEF, taskForm.brief());
            task.setVariableLocal(LAST_WEEK_ACTUAL, taskForm.lastWeekActual().toPlainString());
            Map<String, Object> form = CommitChoices.formVariables(taskForm.prefill());
            task.setVariableLocal(CommitChoices.DEAL_OPTIONS, Spin.JSON(form.get(CommitChoices.DEAL_OPTIONS)));
            task.setVariableLocal(CommitChoices.DEAL_ROWS, Spin.JSON(form.get(CommitChoices.DEAL_ROWS)));
            // not task-local: the form submits the edited lists under the same names, and a Tasklist form
            // submission would write them into a task-local variable, which is gone when the task completes
            task.setVariable(CommitChoices.COMMIT_DEALS, Spin.JSON(form.get(CommitChoices.COMMIT_DEALS)));
            task.setVariable(CommitChoices.UPSIDE_DEALS, Spin.JSON(form.get(CommitChoices.UPSIDE_DEALS)));
        };
    }

    @Bean
    JavaDelegate recordWeeklyCommitDelegate(WeeklyCommitService commits) {
        return execution -> UserInput.handle(() -> {
            FormInput form = FormInput.of(execution);
            // rows with amounts from the API, or else the Tasklist form's checklists (all read, so all are cleared)
            boolean fromApi = execution.hasVariable(F_COMMIT_ITEMS);
            List<Map<String, Object>> items = form.objects(F_COMMIT_ITEMS);
            Map<String, List<String>> checks = new LinkedHashMap<>();
            CommitChoices.CHECKS.forEach(check -> checks.put(check, form.list(check)));
            List<Map<String, Object>> chosen = CommitChoices.rows(form.list(CommitChoices.COMMIT_DEALS),
                    form.list(CommitChoices.UPSIDE_DEALS), checks);
            List<Map<String, Object>> rows = fromApi ? items : chosen;
            long submissionId = id(execution.getVariable(SUBMISSION_ID));
            commits.submit(submissionId, CommitRows.parse(rows), form.text(F_PROJECT_TRACKING));
            form.clear();
            log.info("Weekly commit recorded: submission {}, {} line(s)", submissionId, rows.size());
        });
    }

    @Bean
    JavaDelegate commitReminderDelegate(ReportReminder reminder) {
        return reminder.forTask("commit.reminder", TASK_SUBMIT_WEEKLY_COMMIT);
    }

    /** The deadline passed: the report is recorded as missing, the manager (and on a second miss the next level) told. */
    @Bean
    JavaDelegate recordMissingCommitDelegate(ComplianceService compliance, CadenceMail mail) {
        return execution -> {
            long submissionId = id(execution.getVariable(SUBMISSION_ID));
            MissedReport missed = compliance.recordMissed(submissionId, Cadence.WEEKLY_COMMIT, "Weekly commit not submitted by the deadline");
            execution.setVariable(CHASE_ASSIGNEE, missed.chaseAssignee());
            if (missed.newlyMissed()) {
                Submission submission = compliance.get(submissionId);
                String cycleKey = (String) execution.getVariable(CYCLE_KEY);
                for (int i = 0; i < missed.escalatedTo().size(); i++) {
                    String to = missed.escalatedTo().get(i);
                    mail.send(to, i == 0 ? NotificationKind.REPORT_MISSING : NotificationKind.REPORT_ESCALATED,
                            i == 0 ? "commit.missing" : "commit.escalated", cycleKey, submission.dueAt(), null,
                            mail.name(submission.personId()), mail.name(to));
                }
            }
        };
    }

    @Bean
    TaskListener chaseFormListener(ComplianceService compliance, CadenceMail mail) {
        return task -> {
            Submission submission = compliance.get(id(task.getVariable(SUBMISSION_ID)));
            boolean rollup = submission.reportType() == ReportType.ROLLUP;
            task.setVariableLocal(CHASE_BRIEF, ChaseBrief.of(mail.name(submission.personId()), rollup ? "未提交周汇总" : "未提交周承诺",
                    "has not submitted " + (rollup ? "the weekly roll-up" : "the weekly commit"), task.getVariable(CYCLE_KEY),
                    submission.dueAt(), compliance.escalations(submissionId(task)), mail::name,
                    "报告提交后，本任务会自动关闭。", "When the report is submitted, this task closes by itself."));
        };
    }

    @Bean
    JavaDelegate recordChaseDelegate(ComplianceService compliance) {
        return execution -> UserInput.handle(() -> {
            FormInput form = FormInput.of(execution);
            compliance.recordChase(id(execution.getVariable(SUBMISSION_ID)), (String) execution.getVariable(CHASE_ASSIGNEE),
                    form.text(F_CHASE_NOTE));
            form.clear();
        });
    }

    static long submissionId(DelegateTask task) {
        return id(task.getVariable(SUBMISSION_ID));
    }

    static LocalDateTime toLocal(DelegateTask task) {
        return LocalDateTime.ofInstant(task.getDueDate().toInstant(), ZoneId.systemDefault());
    }

    static long id(Object value) {
        return ((Number) value).longValue();
    }
}
