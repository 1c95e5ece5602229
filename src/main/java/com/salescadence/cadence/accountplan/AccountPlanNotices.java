package com.salescadence.cadence.accountplan;

import org.springframework.stereotype.Service;

import com.salescadence.cadence.CadenceMail;
import com.salescadence.notification.NotificationKind;

/** The mails of a plan revision, worded in each recipient's language by i18n/cadence_*.properties (accountplan.*). */
@Service
public class AccountPlanNotices {

    private final AccountPlanService plans;
    private final CadenceMail mail;

    AccountPlanNotices(AccountPlanService plans, CadenceMail mail) {
        this.plans = plans;
        this.mail = mail;
    }

    /** The owner is reminded once per due date; {@code taskId} links the open writing task (or none). */
    public void remind(long planId, String ownerId, String taskId) {
        if (plans.recordReminder(planId)) {
            AccountPlan plan = plans.plan(planId);
            mail.send(ownerId, NotificationKind.REPORT_REMINDER, "accountplan.reminder", plans.title(planId), plan.dueAt(),
                    taskId, mail.name(ownerId));
        }
    }

    /** The plan is late: recorded once per due date, the owner's manager is mailed (the model gives them a chase task). */
    public void late(long planId, String ownerId, String managerId) {
        if (plans.recordLate(planId, managerId)) {
            AccountPlan plan = plans.plan(planId);
            mail.send(managerId, NotificationKind.REPORT_MISSING, "accountplan.late", plans.title(planId), plan.dueAt(), null,
                    mail.name(ownerId), mail.name(managerId));
        }
    }

    /** The owner hears of the senior manager's decision on a version. */
    public void reviewed(long planId, String ownerId, boolean approved, PlanVersion reviewed) {
        AccountPlan plan = plans.plan(planId);
        mail.send(ownerId, NotificationKind.ACCOUNT_PLAN_REVIEWED, approved ? "accountplan.approved" : "accountplan.returned",
                plans.title(planId), plan.dueAt(), null, mail.name(ownerId), reviewed.versionNo(),
                reviewed.reviewerComment() == null ? "" : reviewed.reviewerComment());
    }

    /** The senior manager hears of the owner's progress report. */
    public void progressReported(long planId, String ownerId, String seniorManagerId) {
        mail.send(seniorManagerId, NotificationKind.ACCOUNT_PLAN_PROGRESS, "accountplan.progress", plans.title(planId), null, null,
                mail.name(seniorManagerId), mail.name(ownerId));
    }
}
