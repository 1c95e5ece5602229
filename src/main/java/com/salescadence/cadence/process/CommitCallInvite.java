package com.salescadence.cadence.process;

import static com.salescadence.workflow.WeeklyCommitProcess.*;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import com.salescadence.cadence.CadenceMail;
import com.salescadence.cadence.CommitCallMeeting;
import com.salescadence.cadence.CycleClock;
import com.salescadence.organization.OrganizationService;
import com.salescadence.organization.Person;

/**
 * When a first-line manager's commit call task is created (Monday 09:00, weekly-rollup.bpmn Task_RunCommitCall):
 * publishes the call as a {@link com.salescadence.calendar.MeetingScheduled} with the manager as organizer and their
 * reps as attendees, in the engine's transaction, so the calendar module's invites are written with the task.
 */
@Component
class CommitCallInvite {

    /** The call's start relative to the cycle's (Sunday 08:00 + 25 h), as weekly-commit.bpmn's Timer_CommitCallDue. */
    static final String CALL_OFFSET = "PT25H";

    private final ApplicationEventPublisher events;
    private final OrganizationService organization;
    private final CycleClock cycleClock;
    private final CadenceMail mail;
    private final Duration length;

    CommitCallInvite(ApplicationEventPublisher events, OrganizationService organization, CycleClock cycleClock, CadenceMail mail,
            @Value("${cadence.weekly-commit.call-length:PT1H}") Duration length) {
        this.events = events;
        this.organization = organization;
        this.cycleClock = cycleClock;
        this.mail = mail;
        this.length = length;
    }

    /** @param managerName the manager's name as {@link CadenceMail#name} gives it (the listener has read it already) */
    void publish(DelegateTask task, String managerId, String managerName) {
        Date cycleStart = (Date) task.getVariable(CYCLE_START);
        ZonedDateTime start = cycleClock.at(cycleStart, CALL_OFFSET).toInstant().atZone(ZoneId.systemDefault());
        List<String> reps = organization.directReports(managerId).stream().map(Person::id).toList();
        events.publishEvent(CommitCallMeeting.of((String) task.getVariable(CYCLE_KEY), managerId, reps, start, length,
                managerName, mail.taskUrl(task.getId())));
    }
}
