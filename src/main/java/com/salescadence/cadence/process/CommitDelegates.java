package com.salescadence.cadence.process;

import static com.salescadence.workflow.WeeklyCommitProcess.*;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.time.ZoneId;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.salescadence.cadence.Cadence;
import com.salescadence.cadence.CadenceMail;
import com.salescadence.cadence.CommitRows;
import com.salescadence.cadence.ComplianceService;
import com.salescadence.cadence.ReportType;
import com.salescadence.cadence.Submission;
import com.salescadence.cadence.WeeklyCommitService;
import com.salescadence.workflow.FormInput;
import com.salescadence.workflow.UserInput;

/** The glue of one rep's weekly commit: prefill, record, remind, record the miss, chase. */
@Configuration(proxyBeanMethods = false)
class CommitDelegates {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CommitDelegates.class);

    /**
     * When the task is created: the report is owed by the task's due date. Nothing else goes into the instance: the
     * grid (forms/submit-weekly-commit.html) reads its rows from /api/cadence/weekly-commit/tasks/{taskId}.
     */
    @Bean
    TaskListener commitFormListener(ComplianceService compliance) {
        return task -> {
            // the cycle's id as the orchestrator passed it (report_submission's foreign key refuses an unknown one)
            long cycleId = id(task.getVariable(CYCLE_ID));
            String rep = (String) task.getVariable(REP_ID);
            Submission submission = compliance.owe(cycleId, rep, ReportType.COMMIT, toLocal(task));
            task.setVariable(SUBMISSION_ID, submission.id());
        };
    }

    /**
     * The rep's decisions, checked and stored: {@code commitItems}, one row per deal (opportunityId, category,
     * amount, closeDate, the checks) and {@code projectTracking}. The grid submits them as transient variables, so
     * they reach this delegate in the completing transaction and are never stored in the instance or its history;
     * the API and older clients may send them as ordinary variables, which are removed here. A refusal rolls the
     * completion back (400 with the reasons, the task stays open with the rep's input in the form).
     */
    @Bean
    JavaDelegate recordWeeklyCommitDelegate(WeeklyCommitService commits) {
        return execution -> UserInput.handle(() -> {
            FormInput form = FormInput.of(execution);
            List<Map<String, Object>> rows = form.objects(F_COMMIT_ITEMS);
            long submissionId = id(execution.getVariable(SUBMISSION_ID));
            commits.submit(submissionId, CommitRows.parse(rows), form.text(F_PROJECT_TRACKING), CommitRows.closeDates(rows));
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
    JavaDelegate recordMissingCommitDelegate(MissingReport missing) {
        return missing.recordFor(Cadence.WEEKLY_COMMIT, "Weekly commit not submitted by the deadline", "commit");
    }

    @Bean
    TaskListener chaseFormListener(MissingReport missing) {
        return missing.chaseBrief(submission -> submission.reportType() == ReportType.ROLLUP
                ? new MissingReport.ChaseWords("未提交周汇总", "has not submitted the weekly roll-up",
                        "报告提交后，本任务会自动关闭。", "When the report is submitted, this task closes by itself.")
                : new MissingReport.ChaseWords("未提交周承诺", "has not submitted the weekly commit",
                        "报告提交后，本任务会自动关闭。", "When the report is submitted, this task closes by itself."));
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
