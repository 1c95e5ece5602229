package com.salescadence.cadence;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.salescadence.common.NotFoundException;
import com.salescadence.organization.OrganizationService;

/**
 * Who owes which report by when, what became of it, and the escalations a missed deadline causes.
 * Every change is a conditional update: a retried job or a second node does nothing twice.
 */
@Service
@Transactional
public class ComplianceService {

    private final SubmissionRepository submissions;
    private final OrganizationService organization;
    private final Clock clock;

    ComplianceService(SubmissionRepository submissions, OrganizationService organization, Clock clock) {
        this.submissions = submissions;
        this.organization = organization;
        this.clock = clock;
    }

    /** The report a person owes in a cycle, created once (one statement when it is new). */
    public Submission owe(long cycleId, String personId, ReportType type, LocalDateTime dueAt) {
        return submissions.insertIfAbsent(cycleId, personId, type, dueAt)
                .or(() -> submissions.find(cycleId, personId, type))
                .orElseThrow(() -> new IllegalStateException("The report of " + personId + " in cycle " + cycleId + " vanished."));
    }

    @Transactional(readOnly = true)
    public Submission get(long id) {
        return submissions.find(id).orElseThrow(() -> new NotFoundException("No report " + id + "."));
    }

    /** Locks a report for the rest of the transaction, so changes to it happen one at a time; false if there is none. */
    public boolean lock(long cycleId, String personId, ReportType type) {
        return submissions.lock(cycleId, personId, type);
    }

    @Transactional(readOnly = true)
    public Optional<Submission> find(long cycleId, String personId, ReportType type) {
        return submissions.find(cycleId, personId, type);
    }

    /**
     * Records a submission: on time, or late when the deadline passed (a late one closes the escalation
     * it caused). Returns the submission as it is now.
     */
    public Submission recordSubmitted(long submissionId) {
        recordSubmitted(get(submissionId));
        return get(submissionId);
    }

    /**
     * {@link #recordSubmitted(long)} for a report the caller has just read: returns the time it was recorded as
     * submitted (its {@code submittedAt}) without reading it again.
     */
    public LocalDateTime recordSubmitted(Submission before) {
        LocalDateTime now = LocalDateTime.now(clock);
        long submissionId = before.id();
        if (!submissions.markSubmitted(submissionId, now)) {
            // the conditional update lost: someone submitted the same report first (two requests at once);
            // the caller's transaction rolls back and the API answers 409
            throw new org.springframework.dao.OptimisticLockingFailureException("This report was already submitted on "
                    + get(submissionId).submittedAt() + ".");
        }
        if (before.status() == SubmissionStatus.MISSED) {
            submissions.closeEscalations(submissionId, "Submitted late", now);
        }
        return now;
    }

    /** Marks a reminder as due to be sent; false when it was sent or the report is no longer due. */
    public boolean recordReminder(long submissionId) {
        return submissions.markReminded(submissionId, LocalDateTime.now(clock));
    }

    /**
     * The deadline passed without the report: record it and escalate to the manager, and one level
     * further up on the second miss in a row.
     */
    public MissedReport recordMissed(long submissionId, Cadence cadence, String reason) {
        LocalDateTime now = LocalDateTime.now(clock);
        Submission submission = get(submissionId);
        if (!submissions.markMissed(submissionId, now)) {
            List<String> already = submissions.escalations(submissionId).stream().map(Escalation::escalatedTo).toList();
            return new MissedReport(submission, false, already.isEmpty() ? null : already.get(0), already, false);
        }
        boolean twice = submissions.previous(submission.personId(), submission.reportType(), cadence, submission.cycleId())
                .map(previous -> previous.status().missedDeadline()).orElse(false);
        List<String> to = EscalationRule.escalateTo(organization.managersAbove(submission.personId()), twice);
        for (int i = 0; i < to.size(); i++) {
            submissions.insertEscalation(submissionId, to.get(i), i + 1, i == 0 ? reason : reason + " (second miss in a row)", now);
        }
        return new MissedReport(submission, true, to.isEmpty() ? submission.personId() : to.get(0), to, twice);
    }

    /** A leaver's reports still due are withdrawn (their missed and submitted reports stay, as their history). */
    public int withdrawDue(String personId) {
        return submissions.withdrawDue(personId);
    }

    public void recordChase(long submissionId, String managerId, String note) {
        com.salescadence.common.Checks.start().requiredText(note, "Chase note", 2000).orThrow();
        submissions.recordChase(submissionId, managerId, note.trim());
    }

    @Transactional(readOnly = true)
    public List<Submission> ofCycle(long cycleId) {
        return submissions.ofCycle(cycleId);
    }

    @Transactional(readOnly = true)
    public List<Submission> ofCycle(long cycleId, ReportType type, java.util.Collection<String> people) {
        return submissions.ofCycle(cycleId, type, people);
    }

    /** A person's record in a cadence: every report they owed, latest first. */
    @Transactional(readOnly = true)
    public List<Submission> history(String personId, Cadence cadence, int limit) {
        return submissions.ofPerson(personId, cadence, Math.max(1, Math.min(limit, 200)));
    }

    @Transactional(readOnly = true)
    public List<Escalation> escalations(long submissionId) {
        return submissions.escalations(submissionId);
    }

    @Transactional(readOnly = true)
    public List<Escalation> escalationsOfCycle(long cycleId) {
        return submissions.escalationsOfCycle(cycleId);
    }
}
