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
import com.salescadence.pipeline.PipelineFigures;
import com.salescadence.pipeline.Opportunity;
import com.salescadence.pipeline.OpportunityService;
import com.salescadence.pipeline.OpportunityStatus;
import com.salescadence.pipeline.deal.DealChangeService;

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
    private final com.salescadence.organization.QuotaService quotas;
    private final DealChangeService dealChanges;

    WeeklyCommitService(CommitRepository commits, ComplianceService compliance, CycleService cycles,
                        OpportunityService opportunities, PipelineFigures figures, Clock clock, ApplicationEventPublisher events,
                        com.salescadence.organization.QuotaService quotas, DealChangeService dealChanges) {
        this.dealChanges = dealChanges;
        this.events = events;
        this.quotas = quotas;
        this.commits = commits;
        this.compliance = compliance;
        this.cycles = cycles;
        this.opportunities = opportunities;
        this.figures = figures;
        this.clock = clock;
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
        return submit(submissionId, items, projectTracking, Map.of());
    }

    /**
     * {@link #submit(long, List, String)} with the close dates the rep changed in the grid: each must be a date of one
     * of the rep's open deals, not in the past; the deal's close date changes with the commit through
     * {@link DealChangeService#changeCloseDate} (kept in the deal's change log like an edit on the deal page, and in
     * the commit's items), or nothing at all is stored.
     */
    public CommitReport submit(long submissionId, List<CommitItemInput> items, String projectTracking, Map<Long, LocalDate> closeDates) {
        Submission submission = compliance.get(submissionId);
        Cycle cycle = cycles.get(submission.cycleId());
        String repId = submission.personId();
        // only the deals the commit names (its items and changed close dates), if they are the rep's and open
        Set<Long> named = new HashSet<>(closeDates.keySet());
        items.stream().map(CommitItemInput::opportunityId).filter(java.util.Objects::nonNull).forEach(named::add);
        Map<Long, Opportunity> open = new LinkedHashMap<>();
        opportunities.openOwnedBy(repId, named).forEach(deal -> open.put(deal.id(), deal));
        Checks checks = Checks.start().optionalText(projectTracking, "Project tracking", Checks.LONG_TEXT);
        Set<Long> seen = new HashSet<>();
        for (CommitItemInput item : items) {
            Opportunity deal = item.opportunityId() == null ? null : open.get(item.opportunityId());
            if (deal == null) {
                checks.require(false, "商机 " + item.opportunityId() + " 不是您的未结商机。 / Deal " + item.opportunityId()
                        + " is not one of your open deals.");
                continue;
            }
            checks.require(seen.add(deal.id()), "“" + deal.name() + "”出现了两次：一个商机只能属于一个类别。 / Deal '" + deal.name()
                    + "' is listed twice: a deal is either commit or upside, never both.");
            BigDecimal amount = amountOf(item, deal);
            checks.require(amount.signum() > 0, "“" + deal.name() + "”的承诺金额必须大于零。 / Amount of '" + deal.name()
                    + "' must be greater than zero.");
            checks.require(amount.scale() <= 2 || amount.stripTrailingZeros().scale() <= 2, "“" + deal.name()
                    + "”的承诺金额最多只能有两位小数。 / Amount of '" + deal.name() + "' may have at most two decimals.");
            checks.require(amount.compareTo(deal.amount()) <= 0, "“" + deal.name() + "”的承诺金额超过了商机金额 "
                    + deal.amount().toPlainString() + "。 / Amount of '" + deal.name() + "' is more than the deal's "
                    + deal.amount().toPlainString() + ".");
        }
        LocalDate today = LocalDate.now(clock);
        Map<Long, LocalDate> changed = new LinkedHashMap<>();
        closeDates.forEach((id, date) -> {
            Opportunity deal = open.get(id);
            if (deal == null) {
                checks.require(false, "商机 " + id + " 不是您的未结商机。 / Deal " + id + " is not one of your open deals.");
            } else if (!date.equals(deal.expectedCloseDate())) {
                checks.require(!date.isBefore(today), "“" + deal.name() + "”的预计成交日期 " + date + " 已经过去。 / The close date "
                        + date + " of '" + deal.name() + "' is in the past.");
                changed.put(id, date);
            }
        });
        checks.orThrow();
        changed.forEach((id, date) -> {
            // as an edit on the deal page: kept in the deal's change log (who, when, old, new), its open tasks renamed
            dealChanges.changeCloseDate(id, date, repId);
            open.put(id, opportunities.get(id));
        });
        List<CommitItemInput> priced = items.stream()
                .map(item -> item.amount() != null ? item : item.withAmount(open.get(item.opportunityId()).amount())).toList();
        LocalDateTime submittedAt = compliance.recordSubmitted(submission);
        BigDecimal commit = total(priced, CommitCategory.COMMIT);
        BigDecimal upside = total(priced, CommitCategory.UPSIDE);
        long reportId = commits.insertReport(submissionId, cycle.id(), repId, commit, upside, lastWeekActual(repId, cycle),
                projectTracking == null ? null : projectTracking.trim(), submittedAt);
        commits.insertItems(reportId, priced.stream().map(item -> open.get(item.opportunityId())).toList(), priced);
        events.publishEvent(new WeeklyCommitSubmitted(cycle.id(), repId, reportId, submittedAt));
        return commits.report(cycle.id(), repId).orElseThrow();
    }

    /**
     * What the rep's weekly commit grid shows when it opens: the week, one row per open deal (prefilled as the
     * pipeline proposes: commit, upside or pipeline), and the figures the totals run against: the quarter's quota and
     * stretch target, booked so far in the quarter, last week's commit and upside, last week's actual.
     */
    @Transactional(readOnly = true)
    public CommitSheet sheet(String repId, Cycle cycle) {
        List<Opportunity> open = openDeals(repId);
        String quarter = com.salescadence.cadence.Quarters.keyOf(cycle.periodStart());
        Optional<com.salescadence.organization.Quota> quota = quotas.find(repId, quarter);
        Optional<CommitReport> lastWeek = cycles.previous(cycle).flatMap(previous -> commits.report(previous.id(), repId));
        List<Map<String, Object>> rows = prefill(cycle, open);
        rows.forEach(row -> row.computeIfPresent("category", (key, category) -> "none".equals(category) ? "pipeline" : category));
        for (int i = 0; i < rows.size(); i++) {
            Opportunity deal = open.get(i);
            rows.get(i).put("currency", deal.currency());
            Optional<com.salescadence.pipeline.stage.Stage> stage = opportunities.modelOf(deal).find(deal.stageCode());
            rows.get(i).put("stageName", stage.map(s -> s.name("en")).orElse(deal.stageCode()));
            rows.get(i).put("stageNameZh", stage.map(s -> s.name("zh")).orElse(deal.stageCode()));
        }
        return new CommitSheet(cycle.id(), cycle.cycleKey(), cycle.periodStart(), cycle.periodEnd(), quarter, rows,
                quota.map(com.salescadence.organization.Quota::quotaAmount).orElse(null),
                quota.map(com.salescadence.organization.Quota::stretchAmount).orElse(null),
                figures.booked(List.of(repId), com.salescadence.cadence.Quarters.start(quarter), cycle.periodStart()),
                lastWeek.map(CommitReport::commitAmount).orElse(null), lastWeek.map(CommitReport::upsideAmount).orElse(null),
                lastWeekActual(repId, cycle), LocalDate.now(clock));
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
