package com.salescadence.meeting;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.salescadence.pipeline.Opportunity;
import com.salescadence.pipeline.OpportunityStatus;

/**
 * The rules of the meeting rhythm, plain Java (docs/domain.md section 2.6): which week has which meeting, the
 * identity of an occurrence and of its series, the times of one manager's 1:1s one after the other, the key deals and
 * the win story an agenda shows, and the action items it carries over.
 */
public final class MeetingRules {

    private MeetingRules() {
    }

    /** The series an occurrence belongs to: the same people meeting again ("one-on-one:mgr:rep", "team:mgr"). */
    public static String seriesKey(MeetingKind kind, String ownerId, String subjectId) {
        return kind.uidPrefix() + ":" + ownerId + (subjectId == null ? "" : ":" + subjectId);
    }

    /** The occurrence's calendar identity, stable across a reschedule: "one-on-one-2026-W49-mgr-rep". */
    public static String uid(MeetingKind kind, String weekKey, String ownerId, String subjectId) {
        return kind.uidPrefix() + "-" + weekKey + "-" + ownerId + (subjectId == null ? "" : "-" + subjectId);
    }

    /** A team meets every {@code intervalWeeks} weeks: due when it never met, or met that many weeks ago or more. */
    public static boolean teamMeetingDue(Optional<LocalDate> lastMeetingDay, LocalDate monday, int intervalWeeks) {
        return lastMeetingDay.map(last -> ChronoUnit.WEEKS.between(last.with(DayOfWeek.MONDAY), monday) >= intervalWeeks)
                .orElse(true);
    }

    /** The monthly business meeting is in the month's first week: the week whose Monday is one of its first seven days. */
    public static boolean firstWeekOfMonth(LocalDate monday) {
        return monday.getDayOfMonth() <= 7;
    }

    /**
     * The quarterly business review is in week {@code week} (2 to 4) of the quarter: its first month, the Monday
     * falling in that week's seven days, after the reps prepared their reviews (the second Monday).
     */
    public static boolean qbrWeek(LocalDate monday, int week) {
        boolean firstMonth = (monday.getMonthValue() - 1) % 3 == 0;
        int day = monday.getDayOfMonth();
        return firstMonth && day > (week - 1) * 7 && day <= week * 7;
    }

    /** The yearly kick-off is in the first week of the fiscal year's first month. */
    public static boolean kickoffWeek(LocalDate monday, Month fiscalYearStart) {
        return monday.getMonth() == fiscalYearStart && firstWeekOfMonth(monday);
    }

    /** One manager's meetings one after the other from {@code first}, each {@code minutes} long. */
    public static List<LocalDateTime> backToBack(LocalDateTime first, int minutes, int count) {
        List<LocalDateTime> times = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            times.add(first.plusMinutes((long) minutes * i));
        }
        return times;
    }

    /** The largest open deals in the funnel, at most {@code limit}, largest first (closest close date on a tie). */
    public static List<Opportunity> keyDeals(List<Opportunity> deals, int limit) {
        return deals.stream().filter(d -> d.status() == OpportunityStatus.OPEN && d.inFunnel())
                .sorted(Comparator.comparing(Opportunity::amount, Comparator.reverseOrder())
                        .thenComparing(Opportunity::expectedCloseDate))
                .limit(limit).toList();
    }

    /** The win story: the largest deal won since {@code since} (the last team meeting), if any. */
    public static Optional<Opportunity> winStory(List<Opportunity> deals, LocalDateTime since) {
        return deals.stream().filter(d -> d.status() == OpportunityStatus.WON && d.closedAt() != null && !d.closedAt().isBefore(since))
                .max(Comparator.comparing(Opportunity::amount).thenComparing(Opportunity::closedAt));
    }

    /** Held by the due time is on time; after it, late. */
    public static MeetingStatus heldStatus(LocalDateTime heldAt, LocalDateTime dueAt) {
        return dueAt == null || !heldAt.isAfter(dueAt) ? MeetingStatus.HELD : MeetingStatus.LATE;
    }

    /** An action item is overdue the day after its due date while open. */
    public static boolean overdue(ActionItem item, LocalDate today) {
        return item.open() && today.isAfter(item.dueDate());
    }

    /** Meeting compliance: held on time / meetings that were due (held, late or not held); null when none was due. */
    public static BigDecimal compliance(long held, long late, long notHeld) {
        long due = held + late + notHeld;
        return due == 0 ? null : BigDecimal.valueOf(held * 100).divide(BigDecimal.valueOf(due), 1, java.math.RoundingMode.HALF_UP);
    }
}
