package com.salescadence.cadence;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.salescadence.common.Checks;
import com.salescadence.common.ValidationException;
import com.salescadence.forecast.PipelineFigures;
import com.salescadence.pipeline.Opportunity;
import com.salescadence.pipeline.OpportunityService;
import com.salescadence.pipeline.OpportunityStatus;

/** A rep's weekly commit: prefilled from the pipeline, checked, and frozen when submitted. */
@Service
@Transactional
public class WeeklyCommitService {

    private final CommitRepository commits;
    private final ComplianceService compliance;
    private final CycleService cycles;
    private final OpportunityService opportunities;
    private final PipelineFigures figures;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    WeeklyCommitService(CommitRepository commits, ComplianceService compliance, CycleService cycles,
                        OpportunityService opportunities, PipelineFigures figures, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.commits = commits;
        this.compliance = compliance;
        this.cycles = cycles;
        this.opportunities = opportunities;
        this.figures = figures;
        this.clock = clock;
    }

    /** What the rep's commit task shows: the brief, last week's actual and the prefilled rows. */
    public record TaskForm(String brief, BigDecimal lastWeekActual, List<Map<String, Object>> prefill) {
    }

    /** {@link #brief}, {@link #lastWeekActual} and {@link #prefill} at once, the rep's deals read once. */
    @Transactional(readOnly = true)
    public TaskForm taskForm(String repId, Cycle cycle) {
        List<Opportunity> open = openDeals(repId);
        BigDecimal lastWeek = lastWeekActual(repId, cycle);
        return new TaskForm(brief(repId, cycle, open, lastWeek), lastWeek, prefill(cycle, open));
    }

    /** The rep's open deals as form rows, each with a proposed category. */
    @Transactional(readOnly = true)
    public List<Map<String, Object>> prefill(String repId, Cycle cycle) {
        return prefill(cycle, openDeals(repId));
    }

    private static List<Map<String, Object>> prefill(Cycle cycle, List<Opportunity> openDeals) {
        LocalDate weekEnd = cycle.periodEnd();
        LocalDate monthEnd = cycle.periodStart().with(TemporalAdjusters.lastDayOfMonth());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Opportunity deal : openDeals) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("opportunityId", deal.id());
            row.put("name", deal.name());
            row.put("stage", deal.stageCode());
            row.put("probability", deal.probability());
            row.put("closes", deal.expectedCloseDate().toString());
            row.put("amount", deal.amount());
            row.put("category", CommitPrefill.proposedCategory(deal, weekEnd, monthEnd));
            row.put("configurationFinal", false);
            row.put("endUserContractSigned", false);
            row.put("partnerContractsSigned", false);
            row.put("discountApproved", false);
            row.put("partnerReadyToOrder", false);
            rows.add(row);
        }
        return rows;
    }

    /** Booked sales of the week before the cycle's week. */
    @Transactional(readOnly = true)
    public BigDecimal lastWeekActual(String repId, Cycle cycle) {
        return figures.booked(List.of(repId), cycle.periodStart().minusDays(7), cycle.periodStart());
    }

    @Transactional(readOnly = true)
    public String brief(String repId, Cycle cycle) {
        return brief(repId, cycle, openDeals(repId), lastWeekActual(repId, cycle));
    }

    private String brief(String repId, Cycle cycle, List<Opportunity> open, BigDecimal lastWeekActual) {
        BigDecimal pipeline = open.stream().map(Opportunity::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        StringBuilder text = new StringBuilder("Week ").append(cycle.cycleKey()).append(" (").append(cycle.periodStart())
                .append(" to ").append(cycle.periodEnd()).append(")\nOpen deals: ").append(open.size())
                .append(", pipeline ").append(pipeline.toPlainString())
                .append("\nLast week's actual (booked): ").append(lastWeekActual.toPlainString());
        cycles.previous(cycle).flatMap(previous -> commits.report(previous.id(), repId)).ifPresent(last ->
                text.append("\nLast week's commit: ").append(last.commitAmount().toPlainString())
                        .append(", upside ").append(last.upsideAmount().toPlainString()));
        text.append("\n\nCommit only what will close this week; hopes go to upside, which never counts in the commit.");
        return text.toString();
    }

    /**
     * Checks and freezes a rep's commit. Refused without storing anything: a deal that is not the rep's
     * open deal, a deal listed twice (upside counted in commit), a negative or zero amount, an amount
     * above the deal's.
     */
    public CommitReport submit(long submissionId, List<CommitItemInput> items, String projectTracking) {
        Submission submission = compliance.get(submissionId);
        Cycle cycle = cycles.get(submission.cycleId());
        String repId = submission.personId();
        Map<Long, Opportunity> open = new LinkedHashMap<>();
        openDeals(repId).forEach(deal -> open.put(deal.id(), deal));
        Checks checks = Checks.start().optionalText(projectTracking, "Project tracking", Checks.LONG_TEXT);
        Set<Long> seen = new HashSet<>();
        for (CommitItemInput item : items) {
            Opportunity deal = item.opportunityId() == null ? null : open.get(item.opportunityId());
            if (deal == null) {
                checks.require(false, "Deal " + item.opportunityId() + " is not one of your open deals.");
                continue;
            }
            checks.require(seen.add(deal.id()), "Deal '" + deal.name() + "' is listed twice: a deal is either commit or upside, never both.");
            checks.positiveAmount(amountOf(item, deal), "Amount of '" + deal.name() + "'");
            checks.require(amountOf(item, deal).compareTo(deal.amount()) <= 0,
                    "Amount of '" + deal.name() + "' is more than the deal's " + deal.amount().toPlainString() + ".");
        }
        checks.orThrow();
        List<CommitItemInput> priced = items.stream()
                .map(item -> item.amount() != null ? item : item.withAmount(open.get(item.opportunityId()).amount())).toList();
        Submission recorded = compliance.recordSubmitted(submissionId);
        BigDecimal commit = total(priced, CommitCategory.COMMIT);
        BigDecimal upside = total(priced, CommitCategory.UPSIDE);
        long reportId = commits.insertReport(submissionId, cycle.id(), repId, commit, upside, lastWeekActual(repId, cycle),
                projectTracking == null ? null : projectTracking.trim(), recorded.submittedAt());
        priced.forEach(item -> commits.insertItem(reportId, open.get(item.opportunityId()), item));
        events.publishEvent(new WeeklyCommitSubmitted(cycle.id(), repId, reportId, recorded.submittedAt()));
        return commits.report(cycle.id(), repId).orElseThrow();
    }

    /** An item without an amount commits the whole deal. */
    private static BigDecimal amountOf(CommitItemInput item, Opportunity deal) {
        return item.amount() == null ? deal.amount() : item.amount();
    }

    @Transactional(readOnly = true)
    public Optional<CommitReport> report(long cycleId, String personId) {
        return commits.report(cycleId, personId);
    }

    @Transactional(readOnly = true)
    public List<CommitItem> items(long reportId) {
        return commits.items(reportId);
    }

    private List<Opportunity> openDeals(String repId) {
        return opportunities.listVisibleTo(repId).stream()
                .filter(o -> o.ownerId().equals(repId) && o.status() == OpportunityStatus.OPEN)
                .sorted(java.util.Comparator.comparing(Opportunity::expectedCloseDate)).toList();
    }

    private static BigDecimal total(List<CommitItemInput> items, CommitCategory category) {
        return items.stream().filter(i -> i.category() == category).map(CommitItemInput::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static LocalDateTime now(Clock clock) {
        return LocalDateTime.now(clock);
    }
}
