package com.salescadence.cadence;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;

import com.salescadence.calendar.MeetingScheduled;

/**
 * The Monday commit call of one first-line manager with their reps, as a meeting the calendar invites to. Its uid is
 * stable per week and manager ({@code commit-call-<cycle>-<manager>}), so a call set again (the task recreated)
 * updates the calendars' entry instead of adding one. Plain Java.
 */
public final class CommitCallMeeting {


    private CommitCallMeeting() {
    }

    public static String uid(String cycleKey, String managerId) {
        return "commit-call-" + cycleKey + "-" + managerId;
    }

    /**
     * @param cycleKey the week (e.g. 2027-W11)
     * @param start    when the call begins (the cycle's Monday 09:00)
     * @param link     the manager's task, where the call is run
     */
    public static MeetingScheduled of(String cycleKey, String managerId, List<String> repIds, ZonedDateTime start, Duration length,
            String teamName, String link) {
        return new MeetingScheduled(uid(cycleKey, managerId), 0, managerId, repIds, start, length,
                "周一承诺电话会：" + teamName + "（" + cycleKey + "）",
                "Monday commit call: " + teamName + " (" + cycleKey + ")",
                "1. 逐一核对每位销售的本周承诺、上行机会和重点项目\n"
                        + "2. 上周承诺与实际的差距、线性度和未履约订单\n"
                        + "3. 需要调整的数字及原因，会后由经理提交汇总",
                "1. Each rep's commit, upside and key projects of the week\n"
                        + "2. Last week's commit against actuals, linearity and unfulfilled orders\n"
                        + "3. Adjustments and their reasons; the manager submits the roll-up after the call",
                link);
    }
}
