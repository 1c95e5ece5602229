package com.salescadence.meeting;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.salescadence.organization.OrganizationService;
import com.salescadence.organization.Person;
import com.salescadence.organization.Role;

/**
 * Which meetings of a kind a week has, and with whom (docs/domain.md section 2.6): a 1:1 of every manager with each
 * rep reporting to them, back to back; a team meeting of every first-line manager every
 * {@code cadence.meetings.team-every-weeks} weeks; in the month's first week a business meeting of every second-line
 * leader with the managers reporting to them; the quarterly business review and the yearly kick-off of each top leader
 * with their whole organisation.
 */
@Component
public class MeetingPlanner {

    /** One meeting to set: its owner, the rep of a 1:1, who else attends, when it starts. */
    public record Occurrence(MeetingKind kind, String ownerId, String subjectId, List<String> attendeeIds, LocalDateTime startsAt,
                             Duration length) {
    }

    private final OrganizationService organization;
    private final MeetingService meetings;
    private final int teamEveryWeeks;
    private final int qbrWeek;
    private final Month fiscalYearStart;

    MeetingPlanner(OrganizationService organization, MeetingService meetings,
                   @Value("${cadence.meetings.team-every-weeks:2}") int teamEveryWeeks,
                   @Value("${cadence.meetings.qbr-week:3}") int qbrWeek,
                   @Value("${cadence.meetings.fiscal-year-start-month:1}") int fiscalYearStartMonth) {
        this.organization = organization;
        this.meetings = meetings;
        this.teamEveryWeeks = teamEveryWeeks;
        this.qbrWeek = qbrWeek;
        this.fiscalYearStart = Month.of(fiscalYearStartMonth);
    }

    public List<Occurrence> plan(MeetingKind kind, LocalDate monday, LocalDateTime firstStart, Duration length) {
        List<Occurrence> plan = new ArrayList<>();
        List<Person> managers = organization.withRole(Role.MANAGER);
        switch (kind) {
            case ONE_ON_ONE -> {
                for (Person manager : managers) {
                    List<Person> reps = reps(manager.id());
                    List<LocalDateTime> times = MeetingRules.backToBack(firstStart, (int) length.toMinutes(), reps.size());
                    for (int i = 0; i < reps.size(); i++) {
                        plan.add(new Occurrence(kind, manager.id(), reps.get(i).id(), List.of(reps.get(i).id()), times.get(i), length));
                    }
                }
            }
            case TEAM -> {
                for (Person manager : managers) {
                    List<Person> reps = reps(manager.id());
                    Optional<LocalDate> last = meetings.lastOf(kind, manager.id(), null, firstStart).map(m -> m.startsAt().toLocalDate());
                    if (!reps.isEmpty() && MeetingRules.teamMeetingDue(last, monday, teamEveryWeeks)) {
                        plan.add(new Occurrence(kind, manager.id(), null, reps.stream().map(Person::id).toList(), firstStart, length));
                    }
                }
            }
            case BUSINESS -> {
                if (MeetingRules.firstWeekOfMonth(monday)) {
                    for (Person leader : managers) {
                        List<String> below = organization.directReports(leader.id()).stream()
                                .filter(p -> p.role() == Role.MANAGER).map(Person::id).toList();
                        if (!below.isEmpty()) {
                            plan.add(new Occurrence(kind, leader.id(), null, below, firstStart, length));
                        }
                    }
                }
            }
            case QBR, KICKOFF -> {
                boolean due = kind == MeetingKind.QBR ? MeetingRules.qbrWeek(monday, qbrWeek)
                        : MeetingRules.kickoffWeek(monday, fiscalYearStart);
                if (due) {
                    for (Person top : managers) {
                        if (top.managerId() == null) {
                            List<String> everyone = organization.teamOf(top.id()).stream().filter(id -> !id.equals(top.id()))
                                    .sorted().toList();
                            if (!everyone.isEmpty()) {
                                plan.add(new Occurrence(kind, top.id(), null, everyone, firstStart, length));
                            }
                        }
                    }
                }
            }
        }
        return plan;
    }

    private List<Person> reps(String managerId) {
        return organization.directReports(managerId).stream().filter(p -> p.role() == Role.REP).toList();
    }
}
