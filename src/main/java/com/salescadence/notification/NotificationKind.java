package com.salescadence.notification;

/** What a notification is about; stored as its name in {@code outbox_message.kind}. */
public enum NotificationKind {
    STAGE_ADVANCE_REQUESTED,
    STAGE_ADVANCE_DECIDED,
    PAYMENT_OVERDUE,
    PAYMENT_ESCALATED,
    REPORT_REMINDER,
    REPORT_MISSING,
    REPORT_ESCALATED,
    CALL_READY,
    GENERAL,
    ACCOUNT_PLAN_REVIEWED,
    ACCOUNT_PLAN_PROGRESS,
    /** A meeting's calendar invite (iCalendar METHOD:REQUEST attached), also when it is moved. */
    MEETING_INVITE,
    /** A meeting was dropped (iCalendar METHOD:CANCEL attached). */
    MEETING_CANCELLED,
    /** A one-time link to set a password: its body is shown only in the mail, never by the API. */
    PASSWORD_LINK
}
