package com.salescadence.meeting.web;

import static com.salescadence.workflow.MeetingProcess.*;

import java.security.Principal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.salescadence.cadence.CadenceMail;
import com.salescadence.common.ValidationException;
import com.salescadence.meeting.ActionInput;
import com.salescadence.meeting.ActionItem;
import com.salescadence.meeting.Agenda;
import com.salescadence.meeting.AgendaService;
import com.salescadence.meeting.Meeting;
import com.salescadence.meeting.MeetingCompliance;
import com.salescadence.meeting.MeetingService;
import com.salescadence.meeting.MeetingStatus;
import com.salescadence.meeting.MeetingTitle;
import com.salescadence.metrics.MetricsAccess;
import com.salescadence.workflow.TaskReaders;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/**
 * What forms/hold-meeting.html and action-item.html show and store: the meeting's agenda prefilled from the product,
 * its minutes, decisions and action items as rows of the tables (the task keeps ids only); the owner's cancel and
 * reschedule; meeting compliance. Who may read a task's rows is {@link TaskReaders}' rule (404 / 403); only the
 * meeting's owner writes.
 */
@RestController
@RequestMapping("/api/meetings")
@Tag(name = "Meetings")
@Validated
class MeetingController {

    private final TaskReaders readers;
    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final MeetingService meetings;
    private final AgendaService agendas;
    private final MetricsAccess access;
    private final com.salescadence.meeting.process.HoldMeetings holdMeetings;
    private final CadenceMail mail;

    MeetingController(TaskReaders readers, TaskService taskService, RuntimeService runtimeService, MeetingService meetings,
                      AgendaService agendas, MetricsAccess access,
                      com.salescadence.meeting.process.HoldMeetings holdMeetings, CadenceMail mail) {
        this.holdMeetings = holdMeetings;
        this.mail = mail;
        this.readers = readers;
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.meetings = meetings;
        this.agendas = agendas;
        this.access = access;
    }

    record Person(String id, String name) {
    }

    record ActionView(long id, String what, String ownerId, String owner, LocalDate dueDate, String status) {
    }

    record MeetingSheet(long meetingId, String taskId, String kind, String uid, String titleEn, String titleZh,
                        LocalDateTime startsAt, int lengthMinutes, LocalDateTime dueAt, MeetingStatus status, Person owner,
                        List<Person> people, Agenda agenda, String minutes, String decisions, List<ActionView> actions,
                        boolean editable) {
    }

    record ActionSheet(long actionId, String taskId, String what, Person owner, LocalDate dueDate, String meetingTitleEn,
                       String meetingTitleZh, LocalDateTime meetingStartsAt) {
    }

    @GetMapping("/tasks/{taskId}")
    @Operation(summary = "The open hold-meeting task's meeting: agenda prefilled from the product (results, pipeline health, key "
            + "deals, win story, quarterly reviews, open actions of the series), minutes, decisions and action items; for the "
            + "owner and the managers above them (403 for anyone else, 404 for no such open task)")
    MeetingSheet sheet(@PathVariable String taskId, Principal principal) {
        Task task = readers.readable(taskId, TASK_HOLD_MEETING, principal.getName());
        Meeting meeting = meetings.get(meetingOf(task));
        MeetingTitle title = meetings.title(meeting);
        List<Person> people = new ArrayList<>();
        people.add(person(meeting.ownerId()));
        meetings.attendees(meeting.id()).forEach(id -> people.add(person(id)));
        List<ActionView> actions = meetings.actionsOf(meeting.id()).stream()
                .map(a -> new ActionView(a.id(), a.what(), a.ownerId(), meetings.name(a.ownerId()), a.dueDate(), a.status())).toList();
        return new MeetingSheet(meeting.id(), taskId, meeting.kind().name(), meeting.uid(), title.en(), title.zh(),
                meeting.startsAt(), meeting.lengthMinutes(), meeting.dueAt(), meeting.status(), person(meeting.ownerId()), people,
                agendas.of(meeting), meeting.minutes(), meeting.decisions(), actions,
                principal.getName().equals(task.getAssignee()));
    }

    @PutMapping("/tasks/{taskId}")
    @Operation(summary = "Store the meeting's minutes, decisions and action items (replacing the rows stored before) while its "
            + "task is open; only the task's assignee. Completing the task then records the meeting held and gives each action "
            + "item to its owner")
    MeetingSheet save(@PathVariable String taskId, @Valid @RequestBody MeetingRequests.MinutesRequest body, Principal principal) {
        Task task = readers.readable(taskId, TASK_HOLD_MEETING, principal.getName());
        if (!principal.getName().equals(task.getAssignee())) {
            throw new AccessDeniedException("Only the meeting's owner records it.");
        }
        List<ActionInput> actions = new ArrayList<>();
        List<MeetingRequests.ActionRow> rows = body.actions() == null ? List.of() : body.actions();
        for (int i = 0; i < rows.size(); i++) {
            MeetingRequests.ActionRow row = rows.get(i);
            actions.add(new ActionInput(row == null ? null : row.what(), row == null ? null : row.ownerId(),
                    row == null ? null : date(row.dueDate(), i + 1)));
        }
        meetings.saveMinutes(meetingOf(task), body.minutes(), body.decisions(), actions);
        return sheet(taskId, principal);
    }

    @GetMapping("/action-tasks/{taskId}")
    @Operation(summary = "The open action item task: what, whose, by when, from which meeting (403 / 404 like every task's rows)")
    ActionSheet action(@PathVariable String taskId, Principal principal) {
        Task task = readers.readable(taskId, TASK_DO_ACTION_ITEM, principal.getName());
        ActionItem item = meetings.action(((Number) taskService.getVariable(task.getId(), ACTION_ID)).longValue());
        Meeting meeting = meetings.get(item.meetingId());
        MeetingTitle title = meetings.title(meeting);
        return new ActionSheet(item.id(), taskId, item.what(), person(item.ownerId()), item.dueDate(), title.en(), title.zh(),
                meeting.startsAt());
    }

    @PostMapping("/tasks/{taskId}/cancel")
    @Operation(summary = "Drop the meeting (only its owner): the task closes and the calendars remove it")
    void cancel(@PathVariable String taskId, Principal principal) {
        Task task = ownersTask(taskId, principal);
        runtimeService.deleteProcessInstance(task.getProcessInstanceId(), "Cancelled by " + principal.getName());
    }

    @PostMapping("/tasks/{taskId}/reschedule")
    @Operation(summary = "Move the meeting (only its owner, before it is held): the calendars update it (same uid, next sequence)")
    MeetingSheet reschedule(@PathVariable String taskId, @RequestBody MeetingRequests.RescheduleRequest body, Principal principal) {
        Task task = ownersTask(taskId, principal);
        LocalDateTime startsAt;
        try {
            startsAt = LocalDateTime.parse(body == null || body.startsAt() == null ? "" : body.startsAt());
        } catch (DateTimeParseException e) {
            throw new ValidationException("开始时间必须形如 2026-12-08T10:30。 / startsAt must look like 2026-12-08T10:30.");
        }
        holdMeetings.moved(meetings.reschedule(meetingOf(task), startsAt, mail.taskUrl(taskId)));
        return sheet(taskId, principal);
    }

    @GetMapping("/compliance")
    @Operation(summary = "Meeting compliance of the person's branch (default: the caller) for meetings starting in [from, to): "
            + "held on time, late, not held, still open, per kind and in total (docs/domain.md section 3)")
    MeetingCompliance compliance(@RequestParam(required = false) String person,
                                 @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                 @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Principal principal) {
        if (!from.isBefore(to) || from.plusYears(2).isBefore(to)) {
            throw new ValidationException("from 必须早于 to，且不超过两年。 / from must be before to, at most two years apart.");
        }
        return meetings.compliance(access.resolve(principal.getName(), person).id(), from, to);
    }

    private Task ownersTask(String taskId, Principal principal) {
        Task task = readers.readable(taskId, TASK_HOLD_MEETING, principal.getName());
        if (!principal.getName().equals(task.getAssignee())) {
            throw new AccessDeniedException("Only the meeting's owner cancels or moves it.");
        }
        return task;
    }

    private long meetingOf(Task task) {
        return ((Number) taskService.getVariable(task.getId(), MEETING_ID)).longValue();
    }

    private Person person(String id) {
        return new Person(id, meetings.name(id));
    }

    private static LocalDate date(String text, int row) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new ValidationException("待办 " + row + "：截止日期必须形如 2026-12-11。 / Action " + row
                    + ": the due date must look like 2026-12-11.");
        }
    }
}
