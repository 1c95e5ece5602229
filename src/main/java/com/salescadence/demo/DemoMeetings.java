package com.salescadence.demo;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

import com.salescadence.cadence.CycleKeys;
import com.salescadence.meeting.ActionInput;
import com.salescadence.meeting.Meeting;
import com.salescadence.meeting.MeetingKind;
import com.salescadence.meeting.MeetingService;
import com.salescadence.meeting.process.HoldMeetings;
import com.salescadence.organization.OrganizationService;
import com.salescadence.organization.Person;
import com.salescadence.organization.Role;
import com.salescadence.workflow.MeetingProcess;
import com.salescadence.workflow.TaskActions;

/**
 * The demo's meeting rhythm (issue 17): last week's 1:1 of the first manager with their first rep, held, with an
 * action item still open; then the rhythm of the current week (the coming one on a weekend), whose 1:1s and team
 * meetings wait in the Tasklist with their agendas, the open action item on that rep's 1:1.
 */
@Component
class DemoMeetings {

    private final OrganizationService organization;
    private final MeetingService meetings;
    private final HoldMeetings holdMeetings;
    private final TaskActions tasks;
    private final RuntimeService runtime;
    private final Clock clock;

    DemoMeetings(OrganizationService organization, MeetingService meetings, HoldMeetings holdMeetings, TaskActions tasks,
                 RuntimeService runtime, Clock clock) {
        this.organization = organization;
        this.meetings = meetings;
        this.holdMeetings = holdMeetings;
        this.tasks = tasks;
        this.runtime = runtime;
        this.clock = clock;
    }

    void load() {
        LocalDate today = LocalDate.now(clock);
        LocalDate monday = today.getDayOfWeek().getValue() >= DayOfWeek.SATURDAY.getValue()
                ? today.with(TemporalAdjusters.next(DayOfWeek.MONDAY)) : today.with(DayOfWeek.MONDAY);
        Person manager = organization.withRole(Role.MANAGER).stream()
                .filter(m -> organization.directReports(m.id()).stream().anyMatch(p -> p.role() == Role.REP)).findFirst().orElseThrow();
        Person rep = organization.directReports(manager.id()).stream().filter(p -> p.role() == Role.REP).findFirst().orElseThrow();

        LocalDate lastMonday = monday.minusWeeks(1);
        Meeting earlier = meetings.schedule(MeetingKind.ONE_ON_ONE, CycleKeys.weekKey(lastMonday), manager.id(), rep.id(),
                List.of(rep.id()), lastMonday.atTime(10, 0), Duration.ofMinutes(30));
        holdMeetings.start(earlier);
        meetings.saveMinutes(earlier.id(), "复盘了本季度的进展和两个重点商机。 / Went through the quarter and two key deals.",
                "重点推进最大的商机。 / Focus on the largest deal.", List.of(new ActionInput(
                        "给客户发送修订后的报价 / Send the customer the revised quote", rep.id(), monday.plusDays(2))));
        tasks.complete(earlier.uid(), MeetingProcess.TASK_HOLD_MEETING, manager.id(), Map.of());

        LocalDateTime start = monday.atTime(8, 0);
        runtime.startProcessInstanceByKey(MeetingProcess.KEY, Map.of(MeetingProcess.CYCLE_START,
                Date.from(start.atZone(ZoneId.systemDefault()).toInstant())));
    }
}
