package com.salescadence.meeting.process;

import static com.salescadence.workflow.MeetingProcess.*;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

import com.salescadence.meeting.Meeting;
import com.salescadence.meeting.MeetingStatus;

/** Starts the hold-meeting process of a meeting set (business key: its uid), once: the task of its owner. */
@Component
public class HoldMeetings {

    private final RuntimeService runtime;
    private final org.camunda.bpm.engine.ManagementService management;
    private final org.camunda.bpm.engine.TaskService taskService;
    private final com.salescadence.cadence.CycleClock cycleClock;

    HoldMeetings(RuntimeService runtime, org.camunda.bpm.engine.ManagementService management,
                 org.camunda.bpm.engine.TaskService taskService, com.salescadence.cadence.CycleClock cycleClock) {
        this.runtime = runtime;
        this.management = management;
        this.taskService = taskService;
        this.cycleClock = cycleClock;
    }

    /**
     * The meeting was moved: its process reckons from the new time, its timers are computed again from their
     * expressions (reminder, not held, lapse) and the task's due date follows, as does the meeting's due time.
     */
    public void moved(Meeting meeting) {
        String instance = meeting.processInstanceId();
        if (instance == null) {
            return;
        }
        Date end = date(meeting.startsAt().plusMinutes(meeting.lengthMinutes()));
        runtime.setVariable(instance, MEETING_START, date(meeting.startsAt()));
        runtime.setVariable(instance, MEETING_END, end);
        management.createJobQuery().processInstanceId(instance).timers().list()
                .forEach(job -> management.recalculateJobDuedate(job.getId(), false));
        var task = taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(TASK_HOLD_MEETING).singleResult();
        if (task != null) {
            // the same offset as the task's camunda:dueDate and Timer_MeetingReminder
            task.setDueDate(cycleClock.at(end, "PT4H"));
            taskService.saveTask(task);
        }
    }

    /** False when the meeting has its process already or is no longer to be held. */
    public boolean start(Meeting meeting) {
        if (meeting.processInstanceId() != null || meeting.status() != MeetingStatus.SCHEDULED) {
            return false;
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(MEETING_ID, meeting.id());
        variables.put(MEETING_KIND, meeting.kind().name());
        variables.put(CYCLE_KEY, meeting.weekKey());
        variables.put(OWNER_ID, meeting.ownerId());
        variables.put(MANAGER_ID, meeting.ownerId());
        if (meeting.subjectId() != null) {
            variables.put(REP_ID, meeting.subjectId());
        }
        variables.put(MEETING_START, date(meeting.startsAt()));
        variables.put(MEETING_END, date(meeting.startsAt().plusMinutes(meeting.lengthMinutes())));
        // the hold task's create listener attaches the process and the due time
        runtime.startProcessInstanceByKey(HOLD_KEY, meeting.uid(), variables);
        return true;
    }

    private static Date date(LocalDateTime time) {
        return Date.from(time.atZone(ZoneId.systemDefault()).toInstant());
    }
}
