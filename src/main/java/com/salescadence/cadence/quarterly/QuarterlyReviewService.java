package com.salescadence.cadence.quarterly;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.salescadence.cadence.ComplianceService;
import com.salescadence.cadence.Cycle;
import com.salescadence.cadence.CycleService;
import com.salescadence.cadence.Quarters;
import com.salescadence.cadence.ReportType;
import com.salescadence.cadence.Submission;
import com.salescadence.cadence.SubmissionStatus;
import com.salescadence.common.Checks;
import com.salescadence.common.ValidationException;
import com.salescadence.pipeline.PipelineFigures;
import com.salescadence.organization.OrganizationService;
import com.salescadence.organization.Person;
import com.salescadence.organization.Quota;
import com.salescadence.organization.QuotaService;
import com.salescadence.organization.Role;
import com.salescadence.pipeline.Account;
import com.salescadence.pipeline.AccountService;
import com.salescadence.pipeline.AccountTier;

// Over 250 lines (issue 14 item 6): the quarterly review's reads and writes in one transactional service; the rules are in QuarterlyRules and TeamReviewChecks.
/**
 * The quarterly business review. A cycle's key is the quarter under review (the one just ended, e.g.
 * 2026-Q3 for the review held in October 2026); the "next quarter" the reps plan for and the managers set
 * targets for is the quarter after it (the one now running, 2026-Q4). Each rep's review is prefilled from
 * the pipeline and the quotas, checked and frozen when submitted; each first-line manager's review records
 * an outcome and a next-quarter target per rep, and the target becomes the rep's quota of that quarter.
 */
@Service
@Transactional
public class QuarterlyReviewService {

    public static final int PLAN_LENGTH = 4000;

    private final QuarterlyReviewRepository reviews;
    private final ComplianceService compliance;
    private final CycleService cycles;
    private final PipelineFigures figures;
    private final QuotaService quotas;
    private final AccountService accounts;
    private final OrganizationService organization;
    private final Clock clock;
    private final BigDecimal expectedGrowth;
    private final String currency;

    QuarterlyReviewService(QuarterlyReviewRepository reviews, ComplianceService compliance, CycleService cycles,
                           PipelineFigures figures, QuotaService quotas, AccountService accounts,
                           OrganizationService organization, Clock clock,
                           @Value("${cadence.quarterly-review.expected-growth-percent:15}") BigDecimal expectedGrowth,
                           @Value("${cadence.pipeline.currency:CNY}") String currency) {
        this.reviews = reviews;
        this.compliance = compliance;
        this.cycles = cycles;
        this.figures = figures;
        this.quotas = quotas;
        this.accounts = accounts;
        this.organization = organization;
        this.clock = clock;
        this.expectedGrowth = expectedGrowth;
        this.currency = currency;
    }

    public BigDecimal expectedGrowth() {
        return expectedGrowth;
    }

    /** A rep's figures for a quarter, computed now from the pipeline and the quotas. */
    @Transactional(readOnly = true)
    public QuarterResults results(String repId, String quarter) {
        String previous = Quarters.previous(quarter);
        BigDecimal booked = figures.booked(List.of(repId), Quarters.start(quarter), Quarters.endExclusive(quarter));
        BigDecimal previousBooked = figures.booked(List.of(repId), Quarters.start(previous), Quarters.endExclusive(previous));
        Optional<Quota> quota = quotas.find(repId, quarter);
        return new QuarterResults(quarter, booked, quota.map(Quota::quotaAmount).orElse(null),
                quota.map(Quota::stretchAmount).orElse(null), previous, previousBooked);
    }

    /** The key accounts the rep owns, whose plans the rep presents in the review. */
    @Transactional(readOnly = true)
    public List<Account> keyAccounts(String repId) {
        return accounts.listVisibleTo(repId).stream()
                .filter(a -> a.tier() == AccountTier.KEY && repId.equals(a.ownerId())).toList();
    }

    @Transactional(readOnly = true)
    public String keyAccountsText(String repId) {
        return keyAccountsText(keyAccounts(repId));
    }

    private static String keyAccountsText(List<Account> key) {
        if (key.isEmpty()) {
            return "You own no key account.";
        }
        StringBuilder text = new StringBuilder();
        key.forEach(a -> text.append(text.isEmpty() ? "" : "\n").append(a.name())
                .append(a.industry() == null ? "" : " (" + a.industry() + ")").append(", account no. ").append(a.id()));
        return text.toString();
    }

    /**
     * What "Prepare quarterly review" (forms/prepare-quarterly-review.html) shows, read when it opens: the rep's results
     * of the quarter under review as numbers, growth, flag codes, the next quarter's quota and the key accounts.
     */
    @Transactional(readOnly = true)
    public PreparationSheet preparationSheet(String repId, Cycle cycle) {
        QuarterResults r = results(repId, cycle.cycleKey());
        String next = Quarters.next(cycle.cycleKey());
        return new PreparationSheet(cycle.id(), cycle.cycleKey(), cycle.periodStart(), cycle.periodEnd(), next, r.booked(), r.quota(),
                r.stretch(), QuarterlyRules.attainment(r).orElse(null), QuarterlyRules.stretchAttainment(r).orElse(null),
                r.previousQuarter(), r.previousBooked(), QuarterlyRules.growth(r).orElse(null), expectedGrowth,
                QuarterlyRules.flagCodes(r, expectedGrowth), quotas.find(repId, next).map(Quota::quotaAmount).orElse(null),
                keyAccounts(repId).stream().map(a -> new PreparationSheet.KeyAccount(a.id(), a.name(), a.industry())).toList());
    }

    /**
     * Checks and freezes a rep's quarterly review. Refused without storing anything: no plan, a plan that
     * is too long, a proposed target that is not a positive amount.
     */
    public QuarterlyReview submitPreparation(long submissionId, String plan, BigDecimal proposedTarget) {
        Checks checks = Checks.start().requiredText(plan, "Next-quarter plan", PLAN_LENGTH);
        if (proposedTarget != null) {
            checks.positiveAmount(proposedTarget, "Proposed next-quarter target");
        }
        checks.orThrow();
        Submission submission = compliance.get(submissionId);
        requireType(submission, ReportType.QUARTERLY_REVIEW);
        Cycle cycle = cycles.get(submission.cycleId());
        String rep = submission.personId();
        Submission recorded = compliance.recordSubmitted(submissionId);
        reviews.insertReview(submissionId, cycle.id(), rep, results(rep, cycle.cycleKey()), keyAccountsText(rep),
                plan.trim(), proposedTarget, recorded.submittedAt());
        return reviews.review(cycle.id(), rep).orElseThrow();
    }

    @Transactional(readOnly = true)
    public Optional<QuarterlyReview> review(long cycleId, String repId) {
        return reviews.review(cycleId, repId);
    }

    /** The reps of a first-line manager's team. */
    @Transactional(readOnly = true)
    public List<Person> team(String managerId) {
        return organization.directReports(managerId).stream().filter(p -> p.role() == Role.REP).toList();
    }

    /** Each rep of the manager's team: submitted figures and plan, or figures computed now when nothing was submitted. */
    @Transactional(readOnly = true)
    public List<TeamMemberReview> teamView(long cycleId, String managerId) {
        Cycle cycle = cycles.get(cycleId);
        String quarter = cycle.cycleKey();
        String previous = Quarters.previous(quarter);
        // set-based: each read below is one statement for the whole team, whatever its size (issue 14 item 5)
        List<Person> team = team(managerId);
        List<String> repIds = team.stream().map(Person::id).toList();
        Map<String, QuarterlyReview> submitted = reviews.reviews(cycleId, repIds);
        Map<String, SubmissionStatus> statuses = new HashMap<>();
        compliance.ofCycle(cycleId, ReportType.QUARTERLY_REVIEW, repIds).forEach(s -> statuses.put(s.personId(), s.status()));
        List<String> open = repIds.stream().filter(id -> !submitted.containsKey(id)).toList();
        Map<String, BigDecimal> booked = figures.bookedByOwner(open, Quarters.start(quarter), Quarters.endExclusive(quarter));
        Map<String, BigDecimal> previousBooked = figures.bookedByOwner(open, Quarters.start(previous), Quarters.endExclusive(previous));
        Map<String, Quota> quotaOf = open.isEmpty() ? Map.of() : quotas.find(open, quarter);
        Map<String, List<Account>> keyAccounts = new HashMap<>();
        accounts.ownedBy(open).stream().filter(a -> a.tier() == AccountTier.KEY)
                .forEach(a -> keyAccounts.computeIfAbsent(a.ownerId(), o -> new ArrayList<>()).add(a));
        List<TeamMemberReview> view = new ArrayList<>();
        for (Person rep : team) {
            Optional<QuarterlyReview> review = Optional.ofNullable(submitted.get(rep.id()));
            Optional<Quota> quota = Optional.ofNullable(quotaOf.get(rep.id()));
            QuarterResults r = review.map(QuarterlyReview::results).orElseGet(() -> new QuarterResults(quarter,
                    booked.getOrDefault(rep.id(), BigDecimal.ZERO), quota.map(Quota::quotaAmount).orElse(null),
                    quota.map(Quota::stretchAmount).orElse(null), previous, previousBooked.getOrDefault(rep.id(), BigDecimal.ZERO)));
            view.add(new TeamMemberReview(rep.id(), rep.fullName(), r, statuses.get(rep.id()),
                    review.map(QuarterlyReview::nextQuarterPlan).orElse(null), review.map(QuarterlyReview::proposedTarget).orElse(null),
                    review.map(QuarterlyReview::keyAccounts).orElseGet(() -> keyAccountsText(keyAccounts.getOrDefault(rep.id(), List.of()))),
                    QuarterlyRules.flags(r, expectedGrowth)));
        }
        return view;
    }

    /** The team's totals, growth and who has not prepared, for the top of "Run quarterly review". */
    @Transactional(readOnly = true)
    public String teamBrief(Cycle cycle, List<TeamMemberReview> view) {
        BigDecimal booked = sum(view.stream().map(m -> m.results().booked()).toList());
        BigDecimal previous = sum(view.stream().map(m -> m.results().previousBooked()).toList());
        List<BigDecimal> quotaList = view.stream().map(m -> m.results().quota()).toList();
        BigDecimal quota = quotaList.contains(null) ? null : sum(quotaList);
        QuarterResults team = new QuarterResults(cycle.cycleKey(), booked, quota, null, Quarters.previous(cycle.cycleKey()), previous);
        StringBuilder text = new StringBuilder("Quarter under review: ").append(cycle.cycleKey())
                .append(", targets for ").append(Quarters.next(cycle.cycleKey()))
                .append("\nTeam: ").append(QuarterlyRules.resultsText(team))
                .append("\nTeam growth: ").append(QuarterlyRules.growthText(team, expectedGrowth));
        List<String> notPrepared = view.stream().filter(m -> m.plan() == null).map(TeamMemberReview::name).toList();
        text.append("\nNot prepared: ").append(notPrepared.isEmpty() ? "nobody" : String.join(", ", notPrepared));
        for (TeamMemberReview m : view) {
            text.append("\n\n").append(m.name()).append(": ").append(QuarterlyRules.resultsText(m.results()))
                    .append("; growth ").append(QuarterlyRules.growthText(m.results(), expectedGrowth));
            if (!m.flags().isEmpty()) {
                text.append("\n  FLAGS: ").append(String.join(", ", m.flags()));
            }
            text.append("\n  Key accounts: ").append(m.keyAccounts().replace("\n", "; "));
        }
        return text.toString();
    }

    /** The rows of the manager's grid: one per rep of the team, figures as numbers and flags as codes. */
    @Transactional(readOnly = true)
    public List<TeamReviewRow> teamRows(Cycle cycle, List<TeamMemberReview> view) {
        List<TeamReviewRow> rows = new ArrayList<>();
        for (TeamMemberReview m : view) {
            QuarterResults r = m.results();
            List<String> flags = QuarterlyRules.flagCodes(r, expectedGrowth);
            rows.add(new TeamReviewRow(m.personId(), m.name(), m.status() == null ? null : m.status().name(), r.booked(), r.quota(),
                    r.stretch(), QuarterlyRules.attainment(r).orElse(null), r.previousBooked(), QuarterlyRules.growth(r).orElse(null),
                    flags, m.plan(), m.proposedTarget(), prefilledTarget(cycle, m).orElse(null), m.keyAccounts()));
        }
        return rows;
    }

    /** The target the manager's form proposes for a rep: the rep's proposal, else the quota already set for the next quarter. */
    @Transactional(readOnly = true)
    public Optional<BigDecimal> prefilledTarget(Cycle cycle, TeamMemberReview member) {
        return Optional.ofNullable(member.proposedTarget())
                .or(() -> quotas.find(member.personId(), Quarters.next(cycle.cycleKey())).map(Quota::quotaAmount));
    }

    /**
     * Records a manager's quarterly review: an outcome and a next-quarter target for every rep of the
     * team, each target stored as the rep's quota of the next quarter. Refused without storing anything
     * (see {@link TeamReviewChecks}), with the problems kept per rep for the form's grid.
     */
    public ManagerReview submitManagerReview(long submissionId, List<Map<String, Object>> posted, String notes) {
        Submission submission = compliance.get(submissionId);
        requireType(submission, ReportType.QUARTERLY_MANAGER_REVIEW);
        Cycle cycle = cycles.get(submission.cycleId());
        String manager = submission.personId();
        TeamReviewChecks.Result checked = checkManagerReview(manager, posted, notes);
        checked.problems().orThrow();
        List<TargetInput> rows = checked.rows();

        Submission recorded = compliance.recordSubmitted(submissionId);
        LocalDateTime now = recorded.submittedAt() == null ? LocalDateTime.now(clock) : recorded.submittedAt();
        long reviewId = reviews.insertManagerReview(submissionId, cycle.id(), manager, notes == null ? null : notes.trim(), now);
        String next = Quarters.next(cycle.cycleKey());
        for (TargetInput row : rows) {
            Optional<Quota> replaced = quotas.find(row.personId(), next);
            Optional<Quota> basis = replaced.or(() -> quotas.find(row.personId(), cycle.cycleKey()));
            BigDecimal stretch = QuarterlyRules.stretchFor(row.target(), basis.map(Quota::quotaAmount).orElse(null),
                    basis.map(Quota::stretchAmount).orElse(null));
            quotas.set(row.personId(), next, row.target(), stretch, basis.map(Quota::currency).orElse(currency));
            reviews.insertTarget(reviewId, cycle.id(), row.personId(), next, row.target(), stretch,
                    replaced.map(Quota::quotaAmount).orElse(null), row.outcome(), manager, now);
        }
        return reviews.managerReview(cycle.id(), manager).orElseThrow();
    }

    /** The checks of {@link #submitManagerReview} without storing anything: what the form shows at each rep's row. */
    @Transactional(readOnly = true)
    public TeamReviewChecks.Result checkManagerReview(String managerId, List<Map<String, Object>> posted, String notes) {
        Map<String, String> team = new LinkedHashMap<>();
        team(managerId).forEach(p -> team.put(p.id(), p.fullName()));
        return TeamReviewChecks.check(team, posted, notes);
    }

    @Transactional(readOnly = true)
    public Optional<ManagerReview> managerReview(long cycleId, String managerId) {
        return reviews.managerReview(cycleId, managerId);
    }

    @Transactional(readOnly = true)
    public List<QuarterlyTarget> targets(long managerReviewId) {
        return reviews.targets(managerReviewId);
    }

    private static void requireType(Submission submission, ReportType type) {
        if (submission.reportType() != type) {
            throw new ValidationException("Report " + submission.id() + " is not a " + type.name().toLowerCase().replace('_', ' ') + ".");
        }
    }

    private static BigDecimal sum(List<BigDecimal> amounts) {
        return amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
