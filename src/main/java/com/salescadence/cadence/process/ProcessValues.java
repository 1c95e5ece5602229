package com.salescadence.cadence.process;

import static com.salescadence.workflow.WeeklyCommitProcess.CYCLE_ID;
import static com.salescadence.workflow.WeeklyCommitProcess.SUBMISSION_ID;

import java.time.LocalDateTime;
import java.time.ZoneId;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import com.salescadence.cadence.ComplianceService;
import com.salescadence.cadence.ReportType;

/**
 * The cadences' process variables as the delegates of every capability read them (ids in process variables, nothing
 * else). CommitDelegates and RollupDelegates still have their own copies until the weekly commit fan-out's rework
 * is merged (issue 14 item 3).
 */
public final class ProcessValues {

    private ProcessValues() {
    }

    /**
     * When a report's task is created: the person (in {@code personVariable}) owes the report of the cycle by the
     * task's due date; the instance keeps the submission's id, nothing else (the form reads the rest from the API).
     */
    public static TaskListener oweReport(ComplianceService compliance, String personVariable, ReportType type) {
        return task -> task.setVariable(SUBMISSION_ID, compliance.owe(id(task.getVariable(CYCLE_ID)),
                (String) task.getVariable(personVariable), type, toLocal(task)).id());
    }

    /** A task's report (the submission it owes). */
    public static long submissionId(DelegateTask task) {
        return id(task.getVariable(SUBMISSION_ID));
    }

    /** A task's due date in the configured time zone. */
    public static LocalDateTime toLocal(DelegateTask task) {
        return LocalDateTime.ofInstant(task.getDueDate().toInstant(), ZoneId.systemDefault());
    }

    /** An id variable (stored as Integer or Long by the engine). */
    public static long id(Object value) {
        return ((Number) value).longValue();
    }
}
