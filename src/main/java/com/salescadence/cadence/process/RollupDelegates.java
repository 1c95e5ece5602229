package com.salescadence.cadence.process;

import static com.salescadence.workflow.WeeklyCommitProcess.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.Spin;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.salescadence.cadence.Cadence;
import com.salescadence.cadence.CadenceMail;
import com.salescadence.cadence.ComplianceService;
import com.salescadence.cadence.MissedReport;
import com.salescadence.cadence.ReportType;
import com.salescadence.cadence.RollupService;
import com.salescadence.cadence.RollupView;
import com.salescadence.cadence.Submission;
import com.salescadence.notification.NotificationKind;
import com.salescadence.organization.OrganizationService;
import com.salescadence.workflow.FormInput;
import com.salescadence.workflow.UserInput;

/** The glue of one manager's commit call or roll-up review. */
@Configuration(proxyBeanMethods = false)
class RollupDelegates {

    /** The adjustment lines of the forms run-commit-call and review-rollup (adjustPerson1, adjustCommit1, ...). */
    static final int ADJUSTMENT_LINES = 3;

    /** When the task is created: the roll-up is owed by its due date, the figures are shown, the manager is told. */
    @Bean
    TaskListener rollupFormListener(RollupService rollups, ComplianceService compliance, OrganizationService organization,
                                    CadenceMail mail) {
        return task -> {
            long cycleId = CommitDelegates.id(task.getVariable(CYCLE_ID));
            String manager = (String) task.getVariable(MANAGER_ID);
            Submission submission = compliance.owe(cycleId, manager, ReportType.ROLLUP, CommitDelegates.toLocal(task));
            task.setVariable(SUBMISSION_ID, submission.id());
            RollupView view = rollups.view(cycleId, manager);
            task.setVariableLocal(ROLLUP_BRIEF, rollups.brief(view, organization.languageOf(manager)));
            task.setVariableLocal(ROLLUP_ROWS, Spin.JSON(RollupService.tableRows(view)));
            List<Map<String, String>> options = organization.directReports(manager).stream().map(p -> {
                Map<String, String> option = new LinkedHashMap<>();
                option.put("label", p.fullName());
                option.put("value", p.id());
                return option;
            }).toList();
            task.setVariableLocal(TEAM_OPTIONS, Spin.JSON(options));
            int level = ((Number) task.getVariable(ROLLUP_LEVEL)).intValue();
            mail.send(manager, NotificationKind.CALL_READY, "rollup.ready", (String) task.getVariable(CYCLE_KEY), null, task.getId(),
                    mail.text(level == 1 ? "call.name.1" : "call.name.n", manager), mail.name(manager));
        };
    }

    @Bean
    JavaDelegate recordRollupDelegate(RollupService rollups) {
        return execution -> UserInput.handle(() -> {
            FormInput form = FormInput.of(execution);
            // a list from the API, or the Tasklist form's adjustment lines 1..3
            List<Map<String, Object>> rows = new ArrayList<>(form.objects(F_ADJUSTMENTS));
            for (int line = 1; line <= ADJUSTMENT_LINES; line++) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("personId", form.text("adjustPerson" + line));
                row.put("commit", form.text("adjustCommit" + line));
                // the form says "Empty means 0"; the API asks for the upside explicitly
                row.put("upside", form.text("adjustUpside" + line) == null ? "0" : form.text("adjustUpside" + line));
                row.put("reason", form.text("adjustReason" + line));
                rows.add(row);
            }
            rollups.submit(CommitDelegates.id(execution.getVariable(SUBMISSION_ID)),
                    RollupService.parseAdjustments(rows), form.text(F_CALL_NOTES));
            form.clear();
            execution.removeVariables(List.of(ROLLUP_BRIEF, ROLLUP_ROWS, TEAM_OPTIONS));
        });
    }

    @Bean
    JavaDelegate recordMissingRollupDelegate(ComplianceService compliance, CadenceMail mail) {
        return execution -> {
            long submissionId = CommitDelegates.id(execution.getVariable(SUBMISSION_ID));
            MissedReport missed = compliance.recordMissed(submissionId, Cadence.WEEKLY_COMMIT, "Roll-up not submitted by the next morning");
            execution.setVariable(CHASE_ASSIGNEE, missed.escalatedTo().isEmpty() ? null : missed.escalatedTo().get(0));
            if (missed.newlyMissed()) {
                Submission submission = compliance.get(submissionId);
                for (String to : missed.escalatedTo()) {
                    mail.send(to, NotificationKind.REPORT_MISSING, "rollup.missing", (String) execution.getVariable(CYCLE_KEY),
                            submission.dueAt(), null, mail.name(submission.personId()), mail.name(to));
                }
            }
        };
    }
}
