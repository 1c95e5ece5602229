package com.salescadence.cadence.process;

import static com.salescadence.workflow.WeeklyCommitProcess.CYCLE_KEY;
import static com.salescadence.workflow.WeeklyCommitProcess.SUBMISSION_ID;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import com.salescadence.cadence.CadenceMail;
import com.salescadence.cadence.ComplianceService;
import com.salescadence.cadence.Submission;
import com.salescadence.notification.NotificationKind;

/**
 * The reminder before a report's deadline, the same for every cadence: mails the person once (a retried
 * job or a second node sends nothing twice), with a link to their open task.
 */
@Component
public class ReportReminder {

    private final ComplianceService compliance;
    private final CadenceMail mail;
    private final TaskService taskService;

    ReportReminder(ComplianceService compliance, CadenceMail mail, TaskService taskService) {
        this.compliance = compliance;
        this.mail = mail;
        this.taskService = taskService;
    }

    /** @param templateKey the mail's template in i18n/cadence_*.properties; @param taskActivity the report's user task */
    public JavaDelegate forTask(String templateKey, String taskActivity) {
        return execution -> {
            long submissionId = ((Number) execution.getVariable(SUBMISSION_ID)).longValue();
            if (compliance.recordReminder(submissionId)) {
                Submission submission = compliance.get(submissionId);
                Task task = taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                        .taskDefinitionKey(taskActivity).singleResult();
                mail.send(submission.personId(), NotificationKind.REPORT_REMINDER, templateKey, (String) execution.getVariable(CYCLE_KEY),
                        submission.dueAt(), task == null ? null : task.getId(), mail.name(submission.personId()));
            }
        };
    }
}
