package com.salescadence.people;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import com.salescadence.cadence.ComplianceService;
import com.salescadence.pipeline.DealHandover;
import com.salescadence.workflow.LeadToCashProcess;
import com.salescadence.workflow.MonthlyForecastProcess;
import com.salescadence.workflow.QuarterlyReviewProcess;
import com.salescadence.workflow.WeeklyCommitProcess;

/**
 * Moves open work between people in the engine and in the pipeline's tables: when a person moves to another
 * manager, the chases and approvals about them that wait for the old manager; when a person leaves, all their
 * open tasks, deals, leads and accounts. A leaver's own reports (the weekly commit, the monthly forecast, the quarterly
 * review preparation) are not handed over: the successor reports the deals they took over in their own next report, so the
 * leaver's report processes end (no reminder, chase or escalation about someone who left) and the reports still due are
 * withdrawn; reports already submitted or missed stay as the leaver's history. The assignment listeners of every task then grant the new assignee's
 * managers their view of it, as for any assignment.
 */
@Component
class WorkHandover {

    /** The process variables that name the person a task is about (the rep of a chase, the owner of a deal). */
    static final List<String> ABOUT = List.of(LeadToCashProcess.OWNER_ID, WeeklyCommitProcess.REP_ID, WeeklyCommitProcess.MANAGER_ID);
    /** The process variables that name who decides or chases: they follow the task to its new assignee. */
    static final List<String> DECIDER = List.of(LeadToCashProcess.APPROVER_ID, WeeklyCommitProcess.CHASE_ASSIGNEE);

    private final TaskService tasks;
    private final RuntimeService runtime;
    /** The processes of a person's own report, started per rep with their login in {@code repId}. */
    static final List<String> OWN_REPORTS = List.of(WeeklyCommitProcess.SUBMISSION_KEY, MonthlyForecastProcess.SUBMISSION_KEY,
            QuarterlyReviewProcess.PREPARATION_KEY,
            // a leaver's 1:1s (repId is the rep): dropped, and the calendars told (issue 17)
            com.salescadence.workflow.MeetingProcess.HOLD_KEY);

    private final DealHandover deals;
    private final ComplianceService compliance;

    WorkHandover(TaskService tasks, RuntimeService runtime, DealHandover deals, ComplianceService compliance) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.deals = deals;
        this.compliance = compliance;
    }

    /** What a handover moved: the tasks (by id) and the pipeline rows; for a leaver, their report processes ended. */
    record Result(List<String> taskIds, int approvals, DealHandover.Moved pipeline, int reportsEnded) {
    }

    /** The open tasks about {@code personId} that wait for {@code oldManagerId} go to {@code newManagerId}. */
    Result afterMove(String personId, String oldManagerId, String newManagerId) {
        Map<String, Task> found = new LinkedHashMap<>();
        for (String variable : ABOUT) {
            tasks.createTaskQuery().taskAssignee(oldManagerId).processVariableValueEquals(variable, personId).list()
                    .forEach(task -> found.putIfAbsent(task.getId(), task));
        }
        List<String> moved = reassign(List.copyOf(found.values()), oldManagerId, newManagerId);
        int approvals = deals.handOverPendingApprovals(personId, oldManagerId, newManagerId);
        return new Result(moved, approvals, new DealHandover.Moved(0, 0, 0, 0), 0);
    }

    /** Every open task of a leaver, their open deals, leads and accounts go to {@code successorId}. */
    Result afterLeaving(String personId, String successorId) {
        int ended = 0;
        for (String key : OWN_REPORTS) {
            for (var instance : runtime.createProcessInstanceQuery().processDefinitionKey(key)
                    .variableValueEquals(WeeklyCommitProcess.REP_ID, personId).list()) {
                runtime.deleteProcessInstance(instance.getId(), "Left; open work handed to " + successorId);
                ended++;
            }
        }
        compliance.withdrawDue(personId);
        List<String> moved = reassign(tasks.createTaskQuery().taskAssignee(personId).list(), personId, successorId);
        runtime.createProcessInstanceQuery().processDefinitionKey(LeadToCashProcess.KEY)
                .variableValueEquals(LeadToCashProcess.OWNER_ID, personId).list()
                .forEach(instance -> runtime.setVariable(instance.getId(), LeadToCashProcess.OWNER_ID, successorId));
        int approvals = deals.handOverAllPendingApprovals(personId, successorId);
        return new Result(moved, approvals, deals.handOverOwnership(personId, successorId), ended);
    }

    private List<String> reassign(List<Task> found, String fromId, String toId) {
        for (Task task : found) {
            tasks.setAssignee(task.getId(), toId);
            if (task.getProcessInstanceId() != null) {
                for (String variable : DECIDER) {
                    if (fromId.equals(runtime.getVariable(task.getProcessInstanceId(), variable))) {
                        runtime.setVariable(task.getProcessInstanceId(), variable, toId);
                    }
                }
            }
        }
        return found.stream().map(Task::getId).toList();
    }
}
