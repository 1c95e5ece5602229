package com.salescadence.meeting.process;

import static com.salescadence.workflow.MeetingProcess.*;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.salescadence.cadence.CadenceMail;
import com.salescadence.cadence.CycleClock;
import com.salescadence.cadence.CycleKeys;
import com.salescadence.meeting.ActionItem;
import com.salescadence.meeting.Meeting;
import com.salescadence.meeting.MeetingKind;
import com.salescadence.meeting.MeetingPlanner;
import com.salescadence.meeting.MeetingService;
import com.salescadence.meeting.MeetingTitle;
import com.salescadence.notification.NotificationKind;

/**
 * The glue of bpmn/meeting-rhythm.bpmn, hold-meeting.bpmn and action-item.bpmn: variables in, one service call, ids
 * out. The rules are in {@link com.salescadence.meeting.MeetingRules}, the data in the meeting tables; the mails are
 * the cadence's ({@link CadenceMail}, templates meeting.* and action.* in i18n/cadence_*.properties).
 */
@Configuration(proxyBeanMethods = false)
class MeetingDelegates {

    /** Opens the week of meetings: its key (2026-W49) and its start, from which every meeting's time is reckoned. */
    @Bean
    JavaDelegate openMeetingWeekDelegate(Clock clock) {
        return execution -> {
            Object given = execution.getVariable(CYCLE_START);
            LocalDateTime start = given instanceof Date d ? LocalDateTime.ofInstant(d.toInstant(), ZoneId.systemDefault())
                    : LocalDateTime.now(clock).truncatedTo(ChronoUnit.MINUTES);
            String weekKey = CycleKeys.weekKey(start.toLocalDate().with(java.time.DayOfWeek.MONDAY));
            execution.setProcessBusinessKey("meetings:" + weekKey);
            execution.setVariable(CYCLE_KEY, weekKey);
            execution.setVariable(CYCLE_START, Date.from(start.atZone(ZoneId.systemDefault()).toInstant()));
        };
    }

    /**
     * Sets this week's meetings of the step's kind (input parameters meetingKind, startOffset after the week's start,
     * length) and starts one hold-meeting per meeting (business key: its uid); a retried job starts none twice.
     */
    @Bean
    JavaDelegate scheduleMeetingsDelegate(MeetingPlanner planner, MeetingService meetings, CycleClock cycleClock,
                                          HoldMeetings holdMeetings) {
        return execution -> {
            MeetingKind kind = MeetingKind.valueOf((String) execution.getVariable(MEETING_KIND));
            Date cycleStart = (Date) execution.getVariable(CYCLE_START);
            String weekKey = (String) execution.getVariable(CYCLE_KEY);
            LocalDateTime first = local(cycleClock.at(cycleStart, (String) execution.getVariable(START_OFFSET)));
            Duration length = Duration.parse((String) execution.getVariable(LENGTH));
            LocalDate monday = local(cycleStart).toLocalDate().with(java.time.DayOfWeek.MONDAY);
            for (MeetingPlanner.Occurrence o : planner.plan(kind, monday, first, length)) {
                holdMeetings.start(meetings.schedule(kind, weekKey, o.ownerId(), o.subjectId(), o.attendeeIds(), o.startsAt(), o.length()));
            }
        };
    }

    /**
     * The hold task's due date is the meeting's: held by then is on time. The task is where the meeting is held: its
     * Tasklist address (the one the cadence's mails link to) goes to the calendars with the meeting.
     */
    @Bean
    TaskListener holdMeetingTaskListener(MeetingService meetings, CadenceMail mail) {
        return task -> meetings.attach(id(task.getVariable(MEETING_ID)), task.getProcessInstanceId(),
                task.getDueDate() == null ? null : local(task.getDueDate()), mail.taskUrl(task.getId()));
    }

    @Bean
    JavaDelegate remindMeetingOwnerDelegate(MeetingService meetings, CadenceMail mail) {
        return execution -> {
            long meetingId = id(execution.getVariable(MEETING_ID));
            if (meetings.recordReminder(meetingId)) {
                Meeting meeting = meetings.get(meetingId);
                MeetingTitle title = meetings.title(meeting);
                String task = execution.getProcessEngineServices().getTaskService().createTaskQuery()
                        .processInstanceId(execution.getProcessInstanceId()).taskDefinitionKey(TASK_HOLD_MEETING).singleResult().getId();
                mail.send(meeting.ownerId(), NotificationKind.REPORT_REMINDER, "meeting.reminder", meeting.weekKey(), meeting.dueAt(),
                        task, title.en(), title.zh(), meetings.name(meeting.ownerId()));
            }
        };
    }

    /** Not held by the due time: recorded, the owner's manager told (and one level up on the second miss in a row). */
    @Bean
    JavaDelegate recordMeetingNotHeldDelegate(MeetingService meetings, CadenceMail mail) {
        return execution -> {
            long meetingId = id(execution.getVariable(MEETING_ID));
            MeetingService.NotHeld notHeld = meetings.recordNotHeld(meetingId);
            Meeting meeting = meetings.get(meetingId);
            MeetingTitle title = meetings.title(meeting);
            for (int i = 0; i < notHeld.escalatedTo().size(); i++) {
                String to = notHeld.escalatedTo().get(i);
                mail.send(to, i == 0 ? NotificationKind.REPORT_MISSING : NotificationKind.REPORT_ESCALATED,
                        i == 0 ? "meeting.missing" : "meeting.escalated", meeting.weekKey(), meeting.dueAt(), null,
                        title.en(), title.zh(), meetings.name(meeting.ownerId()), meetings.name(to));
            }
        };
    }

    @Bean
    JavaDelegate recordMeetingHeldDelegate(MeetingService meetings) {
        return execution -> {
            long meetingId = id(execution.getVariable(MEETING_ID));
            Object minutes = execution.getVariable(F_MINUTES);
            Object decisions = execution.getVariable(F_DECISIONS);
            if (minutes != null || decisions != null) {
                meetings.recordMinutes(meetingId, minutes == null ? null : minutes.toString(), decisions == null ? null : decisions.toString());
            }
            meetings.recordHeld(meetingId);
        };
    }

    /** One action-item process per action item the meeting recorded (business key action-id); none twice. */
    @Bean
    JavaDelegate startActionItemsDelegate(MeetingService meetings,
                                          @Value("${cadence.meetings.action-due-time:18:00}") String dueTime) {
        return execution -> {
            long meetingId = id(execution.getVariable(MEETING_ID));
            Meeting meeting = meetings.get(meetingId);
            RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
            for (ActionItem item : meetings.actionsOf(meetingId)) {
                if (item.processInstanceId() != null) {
                    continue;
                }
                Map<String, Object> variables = new HashMap<>();
                variables.put(ACTION_ID, item.id());
                variables.put(MEETING_ID, meetingId);
                variables.put(MEETING_KIND, meeting.kind().name());
                variables.put(CYCLE_KEY, meeting.weekKey());
                variables.put(ACTION_OWNER_ID, item.ownerId());
                variables.put(ACTION_DUE, date(item.dueDate().atTime(LocalTime.parse(dueTime))));
                String instance = runtime.startProcessInstanceByKey(ACTION_KEY, "action-" + item.id(), variables).getId();
                meetings.attachAction(item.id(), instance);
            }
        };
    }

    /**
     * The hold-meeting process was ended from outside (the rep of a 1:1 left, the owner cancelled it, an admin deleted
     * it): the meeting is dropped and the calendars told.
     */
    @Bean
    ExecutionListener meetingEndListener(MeetingService meetings) {
        return execution -> {
            if (execution.isCanceled() && execution.getVariable(MEETING_ID) != null) {
                meetings.cancel(id(execution.getVariable(MEETING_ID)));
            }
        };
    }

    // action items

    @Bean
    JavaDelegate recordActionDoneDelegate(MeetingService meetings) {
        return execution -> {
            Object outcome = execution.getVariable(F_ACTION_OUTCOME);
            meetings.actionDone(id(execution.getVariable(ACTION_ID)), outcome == null ? null : outcome.toString());
        };
    }

    @Bean
    JavaDelegate remindActionOwnerDelegate(MeetingService meetings, CadenceMail mail) {
        return execution -> {
            long actionId = id(execution.getVariable(ACTION_ID));
            if (meetings.actionReminder(actionId)) {
                ActionItem item = meetings.action(actionId);
                MeetingTitle title = meetings.title(meetings.get(item.meetingId()));
                String task = execution.getProcessEngineServices().getTaskService().createTaskQuery()
                        .processInstanceId(execution.getProcessInstanceId()).taskDefinitionKey(TASK_DO_ACTION_ITEM).singleResult().getId();
                mail.send(item.ownerId(), NotificationKind.REPORT_REMINDER, "action.reminder", item.dueDate().toString(), null, task,
                        title.en(), title.zh(), item.what(), meetings.name(item.ownerId()));
            }
        };
    }

    @Bean
    JavaDelegate escalateActionItemDelegate(MeetingService meetings, CadenceMail mail) {
        return execution -> {
            long actionId = id(execution.getVariable(ACTION_ID));
            ActionItem item = meetings.action(actionId);
            MeetingTitle title = meetings.title(meetings.get(item.meetingId()));
            for (String to : meetings.actionOverdue(actionId)) {
                mail.send(to, NotificationKind.REPORT_ESCALATED, "action.overdue", item.dueDate().toString(), null, null,
                        title.en(), title.zh(), item.what(), meetings.name(item.ownerId()), meetings.name(to));
            }
        };
    }

    static long id(Object value) {
        return ((Number) value).longValue();
    }

    private static LocalDateTime local(Date date) {
        return LocalDateTime.ofInstant(date.toInstant(), ZoneId.systemDefault());
    }

    private static Date date(LocalDateTime time) {
        return Date.from(time.atZone(ZoneId.systemDefault()).toInstant());
    }
}
