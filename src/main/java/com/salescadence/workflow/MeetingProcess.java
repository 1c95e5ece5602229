package com.salescadence.workflow;

/** The names that tie Java to bpmn/meeting-rhythm.bpmn, hold-meeting.bpmn and action-item.bpmn. */
public final class MeetingProcess {

    public static final String KEY = "meeting-rhythm";
    public static final String HOLD_KEY = "hold-meeting";
    public static final String ACTION_KEY = "action-item";

    public static final String TASK_HOLD_MEETING = "Task_HoldMeeting";
    public static final String TASK_DO_ACTION_ITEM = "Task_DoActionItem";
    public static final String TIMER_MEETING_REMINDER = "Timer_MeetingReminder";
    public static final String TIMER_MEETING_NOT_HELD = "Timer_MeetingNotHeld";
    public static final String TIMER_MEETING_LAPSED = "Timer_MeetingLapsed";
    public static final String TIMER_ACTION_REMINDER = "Timer_ActionReminder";
    public static final String TIMER_ACTION_OVERDUE = "Timer_ActionOverdue";

    // process variables: ids, keys and times
    public static final String CYCLE_KEY = WeeklyCommitProcess.CYCLE_KEY;
    public static final String CYCLE_START = WeeklyCommitProcess.CYCLE_START;
    public static final String MEETING_ID = "meetingId";
    public static final String MEETING_KIND = "meetingKind";
    public static final String MEETING_START = "meetingStart";
    public static final String MEETING_END = "meetingEnd";
    public static final String OWNER_ID = "meetingOwnerId";
    /** The rep of a 1:1 (a leaver's 1:1 ends with their other report processes). */
    public static final String REP_ID = WeeklyCommitProcess.REP_ID;
    public static final String MANAGER_ID = WeeklyCommitProcess.MANAGER_ID;
    public static final String ACTION_ID = "actionItemId";
    public static final String ACTION_OWNER_ID = "actionOwnerId";
    public static final String ACTION_DUE = "actionDue";
    /** Input parameters of a scheduling step of meeting-rhythm.bpmn: the first start after the cycle start and the length. */
    public static final String START_OFFSET = "startOffset";
    public static final String LENGTH = "length";

    // form fields (transient): the hold task's minutes and decisions, the action item's outcome
    public static final String F_MINUTES = "meetingMinutes";
    public static final String F_DECISIONS = "meetingDecisions";
    public static final String F_ACTION_OUTCOME = "actionOutcome";

    private MeetingProcess() {
    }
}
