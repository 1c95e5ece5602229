package com.salescadence.cadence.process;

import static com.salescadence.workflow.WeeklyCommitProcess.SUBMISSION_ID;

import java.time.LocalDateTime;
import java.time.ZoneId;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * The cadences' process variables as the delegates of every capability read them (ids in process variables, nothing
 * else). CommitDelegates and RollupDelegates still have their own copies until the weekly commit fan-out's rework
 * is merged (issue 14 item 3).
 */
public final class ProcessValues {

    private ProcessValues() {
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
