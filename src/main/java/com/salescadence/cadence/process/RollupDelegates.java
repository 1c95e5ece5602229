package com.salescadence.cadence.process;

import static com.salescadence.workflow.WeeklyCommitProcess.*;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.salescadence.cadence.Cadence;
import com.salescadence.cadence.CadenceMail;
import com.salescadence.cadence.ComplianceService;
import com.salescadence.cadence.ReportType;
import com.salescadence.cadence.RollupService;
import com.salescadence.cadence.Submission;
import com.salescadence.notification.NotificationKind;
import com.salescadence.workflow.FormInput;
import com.salescadence.workflow.UserInput;

/** The glue of one manager's commit call or roll-up review. */
@Configuration(proxyBeanMethods = false)
class RollupDelegates {

    /**
     * When the task is created: the roll-up is owed by its due date and the manager is told. The forms
     * (forms/run-commit-call.html, forms/review-rollup.html) read the lines from /api when they open: the task keeps
     * no rows.
     */
    @Bean
    TaskListener rollupFormListener(ComplianceService compliance, CadenceMail mail, CommitCallInvite invite) {
        return task -> {
            long cycleId = CommitDelegates.id(task.getVariable(CYCLE_ID));
            String manager = (String) task.getVariable(MANAGER_ID);
            Submission submission = compliance.owe(cycleId, manager, ReportType.ROLLUP, CommitDelegates.toLocal(task));
            task.setVariable(SUBMISSION_ID, submission.id());
            int level = ((Number) task.getVariable(ROLLUP_LEVEL)).intValue();
            String name = mail.name(manager); // read once: the mail's and the invite's organizer
            mail.send(manager, NotificationKind.CALL_READY, "rollup.ready", (String) task.getVariable(CYCLE_KEY), null, task.getId(),
                    mail.text(level == 1 ? "call.name.1" : "call.name.n", manager), name);
            if (level == 1) {
                invite.publish(task, manager, name);
            }
        };
    }

    @Bean
    JavaDelegate recordRollupDelegate(RollupService rollups) {
        return execution -> UserInput.handle(() -> {
            FormInput form = FormInput.of(execution);
            // the manager's decisions: the adjusted lines (the form sends them as a transient variable, the API as a list)
            rollups.submit(CommitDelegates.id(execution.getVariable(SUBMISSION_ID)),
                    RollupService.parseAdjustments(form.objects(F_ADJUSTMENTS)), form.text(F_CALL_NOTES));
            form.clear();
        });
    }

    @Bean
    JavaDelegate recordMissingRollupDelegate(MissingReport missing) {
        return missing.recordManagersFor(Cadence.WEEKLY_COMMIT, "Roll-up not submitted by the next morning", "rollup.missing", true);
    }
}
