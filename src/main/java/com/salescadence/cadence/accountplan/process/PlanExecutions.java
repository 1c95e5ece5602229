package com.salescadence.cadence.accountplan.process;

import static com.salescadence.workflow.AccountPlanProcess.ALL_STARTED;
import static com.salescadence.workflow.AccountPlanProcess.BATCH_OFFSET;

import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** What the account plan's delegates read from and write to an execution: ids, dates, periods, the batch offset. */
final class PlanExecutions {

    private PlanExecutions() {
    }

    /** Runs the next batch of items; sets allStarted and the offset of the next batch. */
    static <T> void batch(DelegateExecution execution, List<T> items, int batchSize, Consumer<T> work) {
        int offset = ((Number) execution.getVariable(BATCH_OFFSET)).intValue();
        int end = Math.min(items.size(), offset + batchSize);
        items.subList(Math.min(offset, items.size()), end).forEach(work);
        boolean all = end >= items.size();
        execution.setVariable(BATCH_OFFSET, all ? 0 : end);
        execution.setVariable(ALL_STARTED, all);
    }

    /** Who completed the task: the signed-in person (Tasklist, REST API), else the person the model assigned it to. */
    static String actor(DelegateExecution execution, String assigneeVariable) {
        Authentication authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return authentication != null && authentication.getUserId() != null ? authentication.getUserId()
                : (String) execution.getVariable(assigneeVariable);
    }

    static String openTask(DelegateExecution execution, String activityId) {
        var task = execution.getProcessEngineServices().getTaskService().createTaskQuery()
                .processInstanceId(execution.getProcessInstanceId()).taskDefinitionKey(activityId).singleResult();
        return task == null ? null : task.getId();
    }

    static Period period(Object value) {
        try {
            return Period.parse(String.valueOf(value).trim());
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("The model's period '" + value + "' is not an ISO-8601 period like P2W.", e);
        }
    }

    static Date date(LocalDateTime time) {
        return Date.from(time.atZone(ZoneId.systemDefault()).toInstant());
    }

    static long id(Object value) {
        return ((Number) value).longValue();
    }
}
