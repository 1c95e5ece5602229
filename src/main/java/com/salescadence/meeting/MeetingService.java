package com.salescadence.meeting;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.salescadence.cadence.EscalationRule;
import com.salescadence.calendar.MeetingCancelled;
import com.salescadence.calendar.MeetingScheduled;
import com.salescadence.common.Checks;
import com.salescadence.common.NotFoundException;
import com.salescadence.common.ValidationException;
import com.salescadence.organization.OrganizationService;
import com.salescadence.organization.Person;

/**
 * The meetings of the rhythm and their action items: an occurrence is set once per uid (a retried job sets nothing
 * twice) and announced to the calendar ({@link MeetingScheduled}) in the same transaction; held, late, not held or
 * dropped ({@link MeetingCancelled}) by conditional updates.
 */
@Service
@Transactional
public class MeetingService {

    /** Most action items one meeting records. */
    public static final int MAX_ACTIONS = 50;
    public static final int TEXT_LENGTH = 4000;
    public static final int ACTION_LENGTH = 500;

    private final MeetingRepository meetings;
    private final OrganizationService organization;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MeetingService(MeetingRepository meetings, OrganizationService organization, ApplicationEventPublisher events, Clock clock) {
        this.meetings = meetings;
        this.organization = organization;
        this.events = events;
        this.clock = clock;
    }

    /** What became of a meeting not held by its due time: whether it was newly so, and who was told. */
    public record NotHeld(boolean newlyNotHeld, List<String> escalatedTo) {
    }

    /**
     * Sets the occurrence of {@code kind} for {@code ownerId} (and the rep of a 1:1) in the week, unless it is set
     * already. The calendar hears of it once the task where it is held exists ({@link #attach}).
     */
    public Meeting schedule(MeetingKind kind, String weekKey, String ownerId, String subjectId, List<String> attendeeIds,
                            LocalDateTime startsAt, Duration length) {
        String uid = MeetingRules.uid(kind, weekKey, ownerId, subjectId);
        boolean added = meetings.insertIfAbsent(kind, MeetingRules.seriesKey(kind, ownerId, subjectId), uid, weekKey, ownerId,
                subjectId, startsAt, (int) length.toMinutes());
        Meeting meeting = meetings.findByUid(uid).orElseThrow();
        if (added) {
            meetings.addAttendees(meeting.id(), attendeeIds);
        }
        return meeting;
    }

    /**
     * The process that holds the meeting, the time by which holding it is on time, and {@code link}, the address of
     * its task: announced to the calendars ({@link MeetingScheduled}, sequence 0) with that link.
     */
    public void attach(long meetingId, String processInstanceId, LocalDateTime dueAt, String link) {
        meetings.attach(meetingId, processInstanceId, dueAt);
        events.publishEvent(scheduled(get(meetingId), link));
    }

    @Transactional(readOnly = true)
    public Meeting get(long id) {
        return meetings.find(id).orElseThrow(() -> new NotFoundException("没有这个会议。 / There is no meeting " + id + "."));
    }

    @Transactional(readOnly = true)
    public List<String> attendees(long meetingId) {
        return meetings.attendees(meetingId);
    }

    @Transactional(readOnly = true)
    public List<Meeting> ofWeek(String weekKey) {
        return meetings.ofWeek(weekKey);
    }

    /** The series' last occurrence before this one that was not dropped. */
    @Transactional(readOnly = true)
    public Optional<Meeting> previous(Meeting meeting) {
        return meetings.earlier(meeting.seriesKey(), meeting.startsAt(), 1).stream().findFirst();
    }

    @Transactional(readOnly = true)
    public Optional<Meeting> lastOf(MeetingKind kind, String ownerId, String subjectId, LocalDateTime before) {
        return meetings.earlier(MeetingRules.seriesKey(kind, ownerId, subjectId), before, 1).stream().findFirst();
    }

    /** Stores what the meeting's owner wrote so far: minutes, decisions and the action items (replacing the ones before). */
    public void saveMinutes(long meetingId, String minutes, String decisions, List<ActionInput> actions) {
        Meeting meeting = get(meetingId);
        if (meeting.status() != MeetingStatus.SCHEDULED && meeting.status() != MeetingStatus.NOT_HELD) {
            throw new org.springframework.dao.OptimisticLockingFailureException(
                    "这个会议已经记录完毕。 / This meeting was already recorded (" + meeting.status() + ").");
        }
        List<String> problems = new ArrayList<>();
        Checks.start().optionalText(minutes, "Minutes / 会议纪要", TEXT_LENGTH).optionalText(decisions, "Decisions / 决定", TEXT_LENGTH)
                .require(actions.size() <= MAX_ACTIONS, "最多 " + MAX_ACTIONS + " 项待办。 / At most " + MAX_ACTIONS + " action items.")
                .problems(problems);
        List<String> allowed = new ArrayList<>(meetings.attendees(meetingId));
        allowed.add(meeting.ownerId());
        for (int i = 0; i < actions.size(); i++) {
            ActionInput a = actions.get(i);
            String row = "Action " + (i + 1) + " / 待办 " + (i + 1) + ": ";
            Checks.start().requiredText(a.what(), row + "what / 内容", ACTION_LENGTH).problems(problems);
            if (a.ownerId() == null || !allowed.contains(a.ownerId())) {
                problems.add(row + "负责人必须是会议的参会人。 / the owner must be one of the meeting's people.");
            }
            if (a.dueDate() == null || a.dueDate().isBefore(LocalDate.now(clock))) {
                problems.add(row + "截止日期必须是今天或以后。 / the due date must be today or later.");
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(String.join(" ", problems));
        }
        meetings.saveMinutes(meetingId, trim(minutes), trim(decisions));
        meetings.replaceActions(meetingId, meeting.seriesKey(),
                actions.stream().map(a -> new ActionInput(a.what().strip(), a.ownerId(), a.dueDate())).toList());
    }

    /** The minutes and decisions the owner submits with the meeting (refused: nothing stored); the action items stay. */
    public void recordMinutes(long meetingId, String minutes, String decisions) {
        Checks.start().optionalText(minutes, "Minutes / 会议纪要", TEXT_LENGTH).optionalText(decisions, "Decisions / 决定", TEXT_LENGTH)
                .orThrow();
        meetings.saveMinutes(meetingId, trim(minutes), trim(decisions));
    }

    /** The meeting was held: on time or late by its due time; false when it was recorded already. */
    public boolean recordHeld(long meetingId) {
        Meeting meeting = get(meetingId);
        LocalDateTime now = LocalDateTime.now(clock);
        return meetings.markHeld(meetingId, MeetingRules.heldStatus(now, meeting.dueAt()), now);
    }

    /** Marks a reminder to the owner as due; false when it was sent or the meeting is no longer open. */
    public boolean recordReminder(long meetingId) {
        return meetings.markReminded(meetingId, LocalDateTime.now(clock));
    }

    /**
     * The due time passed without the meeting: recorded as not held, the owner's manager told, and the next level up
     * too when the series' meeting before was not held either ({@link EscalationRule}).
     */
    public NotHeld recordNotHeld(long meetingId) {
        Meeting meeting = get(meetingId);
        if (!meetings.markNotHeld(meetingId, LocalDateTime.now(clock))) {
            return new NotHeld(false, List.of());
        }
        boolean twice = previous(meeting).map(m -> m.status() == MeetingStatus.NOT_HELD).orElse(false);
        return new NotHeld(true, EscalationRule.escalateTo(organization.managersAbove(meeting.ownerId()), twice));
    }

    /** Drops the meeting (the rep left, the owner cancelled it): calendars remove it; false when it was held or dropped already. */
    public boolean cancel(long meetingId) {
        if (!meetings.markCancelled(meetingId)) {
            return false;
        }
        Meeting meeting = get(meetingId);
        MeetingTitle title = title(meeting);
        events.publishEvent(new MeetingCancelled(meeting.uid(), meeting.sequence(), meeting.ownerId(), meetings.attendees(meetingId),
                zoned(meeting.startsAt()), Duration.ofMinutes(meeting.lengthMinutes()), title.zh(), title.en()));
        return true;
    }

    /**
     * Moves a meeting not yet held: the same uid with the next sequence, so calendars update it; {@code link} is the
     * address of the task where it is held.
     */
    public Meeting reschedule(long meetingId, LocalDateTime startsAt, String link) {
        if (!meetings.moveTo(meetingId, startsAt)) {
            throw new ValidationException("只能改期尚未召开的会议。 / Only a meeting not yet held can be moved.");
        }
        Meeting meeting = get(meetingId);
        events.publishEvent(scheduled(meeting, link));
        return meeting;
    }

    // action items

    @Transactional(readOnly = true)
    public List<ActionItem> actionsOf(long meetingId) {
        return meetings.actionsOf(meetingId);
    }

    /** The series' action items from earlier meetings still open: the "open actions" of this meeting's agenda. */
    @Transactional(readOnly = true)
    public List<ActionItem> openActions(Meeting meeting) {
        return meetings.openActions(meeting.seriesKey(), meeting.id());
    }

    @Transactional(readOnly = true)
    public ActionItem action(long id) {
        return meetings.action(id).orElseThrow(() -> new NotFoundException("没有这项待办。 / There is no action item " + id + "."));
    }

    public void attachAction(long actionId, String processInstanceId) {
        meetings.attachAction(actionId, processInstanceId);
    }

    public boolean actionDone(long actionId, String outcome) {
        Checks.start().optionalText(outcome, "Outcome / 结果", Checks.LONG_TEXT).orThrow();
        return meetings.markActionDone(actionId, trim(outcome), LocalDateTime.now(clock));
    }

    public boolean actionReminder(long actionId) {
        return meetings.markActionReminded(actionId, LocalDateTime.now(clock));
    }

    /** The action item is overdue: whom to tell (the owner's manager), empty when they were told already. */
    public List<String> actionOverdue(long actionId) {
        ActionItem item = action(actionId);
        if (!meetings.markActionEscalated(actionId, LocalDateTime.now(clock))) {
            return List.of();
        }
        return EscalationRule.escalateTo(organization.managersAbove(item.ownerId()), false);
    }

    // compliance

    /** Meetings held on time, late and not held of the people whose meetings {@code personId} sees, started in [from, to). */
    @Transactional(readOnly = true)
    public MeetingCompliance compliance(String personId, LocalDate from, LocalDate to) {
        java.util.Set<String> owners = new java.util.HashSet<>(organization.teamOf(personId));
        owners.add(personId);
        return MeetingCompliance.of(personId, from, to, meetings.statusCounts(owners, from, to));
    }

    // titles

    public MeetingTitle title(Meeting meeting) {
        return MeetingTitle.of(meeting.kind(), name(meeting.ownerId()), meeting.subjectId() == null ? null : name(meeting.subjectId()),
                meeting.weekKey());
    }

    public String name(String personId) {
        return organization.findPerson(personId).map(Person::fullName).orElse(personId);
    }

    private MeetingScheduled scheduled(Meeting meeting, String link) {
        MeetingTitle title = title(meeting);
        List<ActionItem> open = openActions(meeting);
        return new MeetingScheduled(meeting.uid(), meeting.sequence(), meeting.ownerId(), meetings.attendees(meeting.id()),
                zoned(meeting.startsAt()), Duration.ofMinutes(meeting.lengthMinutes()), title.zh(), title.en(),
                AgendaText.zh(meeting.kind(), open.size()), AgendaText.en(meeting.kind(), open.size()), link);
    }

    private static java.time.ZonedDateTime zoned(LocalDateTime at) {
        return at.atZone(ZoneId.systemDefault());
    }

    private static String trim(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
