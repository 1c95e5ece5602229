package com.salescadence.cadence.accountplan;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.salescadence.common.BriefText;
import com.salescadence.common.Checks;
import com.salescadence.common.NotFoundException;
import com.salescadence.common.RowProblems;
import com.salescadence.common.ValidationException;
import com.salescadence.common.ValidationTexts;
import com.salescadence.organization.OrganizationService;
import com.salescadence.pipeline.Account;
import com.salescadence.pipeline.AccountService;

// Over 250 lines (issue 14 item 6): a plan's lifecycle (open, prepare, submit, review, monitor, close) in one transactional service; the rules are in PlanContent, PlanYears, TierMonitoring.
/**
 * Key-account plans and their versions: the senior manager's direction (phase 1), the owner's plan
 * versions (phase 2), the review decision on each version (phase 3) and the monitoring reviews of the
 * approved plan (phase 4). Every submission is a new version; an earlier version is never changed
 * except for the review decision written on it.
 */
@Service
@Transactional
public class AccountPlanService {

    private final AccountPlanRepository plans;
    private final AccountService accounts;
    private final OrganizationService organization;
    private final Clock clock;
    private final String currency;
    private final int minWeeks;
    private final int maxWeeks;

    AccountPlanService(AccountPlanRepository plans, AccountService accounts, OrganizationService organization, Clock clock,
                       @Value("${cadence.pipeline.currency:CNY}") String currency,
                       @Value("${cadence.account-plan.min-develop-weeks:8}") int minWeeks,
                       @Value("${cadence.account-plan.max-develop-weeks:12}") int maxWeeks) {
        this.plans = plans;
        this.accounts = accounts;
        this.organization = organization;
        this.clock = clock;
        this.currency = currency;
        this.minWeeks = minWeeks;
        this.maxWeeks = maxWeeks;
    }

    /** Opens the account's plan for the year, or reopens it for another revision (its versions stay). */
    public AccountPlan open(long accountId, int year, String processInstanceId) {
        accounts.get(accountId);
        Optional<AccountPlan> existing = plans.find(accountId, year);
        if (existing.isPresent()) {
            plans.restart(existing.get().id(), processInstanceId);
            return plan(existing.get().id());
        }
        return plan(plans.insertPlan(accountId, year, processInstanceId, now()));
    }

    @Transactional(readOnly = true)
    public PlanRoles roles(long accountId) {
        String owner = accounts.get(accountId).ownerId();
        return PlanRoles.of(owner, organization.managersAbove(owner));
    }

    /** Phase 1: the senior manager's direction, team and timeline; the plan is due {@code weeks} weeks from now. */
    public AccountPlan prepare(long planId, String seniorManagerId, String direction, String teamMembers, String timeline,
                               Integer weeks) {
        AccountPlan plan = plan(planId);
        Checks.start()
                .require(plan.status() == PlanStatus.PREPARING, "The plan is not waiting for its direction (it is " + plan.status() + ").")
                .requiredText(direction, "Direction", Checks.LONG_TEXT)
                .optionalText(teamMembers, "Team members", 1000)
                .requiredText(timeline, "Timeline", Checks.LONG_TEXT)
                .require(weeks != null && weeks >= minWeeks && weeks <= maxWeeks,
                        "Weeks to develop the plan must be between " + minWeeks + " and " + maxWeeks + ", got " + weeks + ".")
                .orThrow();
        plans.prepare(planId, seniorManagerId, direction.trim(), teamMembers == null ? null : teamMembers.trim(), timeline.trim(),
                weeks, now().plusWeeks(weeks));
        return plan(planId);
    }

    /** Phase 2: the owner submits the plan for review; a new version, refused whole when anything is missing or wrong. */
    public PlanVersion submit(long planId, String authorId, PlanContent content) {
        AccountPlan plan = plan(planId);
        checkAuthor(plan, authorId);
        List<String> problems = new java.util.ArrayList<>(content.problems());
        if (plan.status() != PlanStatus.DEVELOPING) {
            problems.add(0, "The plan is not open for writing (it is " + plan.status() + ").");
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        long id = plans.insertVersion(planId, PlanVersionStatus.SUBMITTED, authorId, now(), content, currency);
        plans.status(planId, PlanStatus.IN_REVIEW);
        return version(id);
    }

    /**
     * Phase 2 as the form and the API post it: the sections and the 5-year forecast as rows [{year, amount}]. Refused
     * whole, nothing stored, with every problem at once (each year's at its row): a missing or too long section, a year
     * missing, twice or outside the five, an amount missing, not a number, negative; more rows than years.
     */
    public PlanVersion submit(long planId, String authorId, PlanContent sections, List<Map<String, Object>> years) {
        AccountPlan plan = plan(planId);
        checkAuthor(plan, authorId);
        RowProblems problems = RowProblems.start();
        if (plan.status() != PlanStatus.DEVELOPING) {
            problems.general("计划当前不能编写（状态为 " + plan.status() + "）。", "The plan is not open for writing (it is " + plan.status() + ").");
        }
        sections.sectionProblems().forEach(p -> {
            String zh = ValidationTexts.chinese(p);
            problems.general(zh == null ? p : zh, p);
        });
        List<java.math.BigDecimal> forecast = PlanYears.check(years, plan.planYear(), problems);
        problems.orThrow();
        PlanContent content = sections.withForecast(forecast);
        long id = plans.insertVersion(planId, PlanVersionStatus.SUBMITTED, authorId, now(), content, currency);
        plans.status(planId, PlanStatus.IN_REVIEW);
        return version(id);
    }

    /** The plan as the owner's form shows it when it opens (the instance keeps ids only). */
    @Transactional(readOnly = true)
    public PlanSheet sheet(long planId) {
        AccountPlan plan = plan(planId);
        Account account = accounts.get(plan.accountId());
        Optional<PlanVersion> latest = latest(planId);
        PlanSheet.Review review = latest.filter(v -> v.reviewerComment() != null).map(v -> new PlanSheet.Review(v.versionNo(),
                BriefText.code(v.status()), name(v.reviewerId()), v.reviewerComment())).orElse(null);
        PlanSheet.Sections sections = latest.map(v -> new PlanSheet.Sections(v.executiveSummary(), v.strategicOptions(),
                v.businessRisks(), v.customerAnalysis(), v.goalsObjectives(), v.actionsResources(), v.appendix())).orElse(null);
        List<PlanSheet.Year> years = new java.util.ArrayList<>();
        for (int i = 0; i < PlanContent.FORECAST_YEARS; i++) {
            int year = i + 1;
            years.add(new PlanSheet.Year(plan.planYear() + i, latest.map(v -> v.content().forecastYear(year)).orElse(null)));
        }
        return new PlanSheet(plan.id(), account.id(), account.name(), BriefText.code(account.tier()), account.industry(),
                name(account.ownerId()), plan.planYear(), plan.direction(), plan.seniorManagerId() == null ? null : name(plan.seniorManagerId()),
                plan.teamMembers(), plan.timeline(), plan.dueAt() == null ? null : plan.dueAt().truncatedTo(ChronoUnit.MINUTES), currency,
                review, latest.map(PlanVersion::versionNo).orElse(null), sections, years);
    }

    /** Phase 2: the owner saves unfinished work as a DRAFT version; nothing may be wrong, sections may be missing. */
    public PlanVersion saveDraft(long planId, String authorId, PlanContent content) {
        AccountPlan plan = plan(planId);
        checkAuthor(plan, authorId);
        List<String> problems = new java.util.ArrayList<>(content.draftProblems());
        if (plan.status() != PlanStatus.DEVELOPING && plan.status() != PlanStatus.PREPARING) {
            problems.add(0, "The plan is not open for writing (it is " + plan.status() + ").");
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return version(plans.insertVersion(planId, PlanVersionStatus.DRAFT, authorId, now(), content, currency));
    }

    /**
     * Phase 3: the senior manager approves the submitted version or returns it with a comment (required);
     * a returned plan is due again after {@code rework}.
     */
    public PlanVersion review(long planId, String reviewerId, boolean approve, String comment, Period rework) {
        AccountPlan plan = plan(planId);
        PlanVersion submitted = latest(planId).filter(v -> v.status() == PlanVersionStatus.SUBMITTED)
                .orElseThrow(() -> new ValidationException("There is no submitted version of this plan to review."));
        Checks.start()
                .require(approve || (comment != null && !comment.isBlank()), "A comment is required when the plan is sent back.")
                .optionalText(comment, "Comment", Checks.LONG_TEXT)
                .orThrow();
        String text = comment == null || comment.isBlank() ? null : comment.trim();
        plans.review(submitted.id(), approve ? PlanVersionStatus.APPROVED : PlanVersionStatus.RETURNED, reviewerId, text, now());
        if (approve) {
            plans.approved(plan.id(), now());
        } else {
            plans.dueAgain(plan.id(), now().plus(rework));
        }
        return version(submitted.id());
    }

    /** Records the reminder once per due date; false when already reminded or no longer waiting. */
    public boolean recordReminder(long planId) {
        return plan(planId).status() == PlanStatus.DEVELOPING && plans.markReminded(planId, now());
    }

    /** Records that the plan is late and who was told; false when already recorded for this due date or submitted. */
    public boolean recordLate(long planId, String escalatedTo) {
        return plan(planId).status() == PlanStatus.DEVELOPING && plans.markLate(planId, now(), escalatedTo);
    }

    public void recordChase(long planId, String note) {
        Checks.start().requiredText(note, "Note", Checks.LONG_TEXT).orThrow();
        plans.chaseNote(planId, note.trim());
    }

    /** Phase 4: a quarterly review or progress report of the approved plan. */
    public PlanReview recordReview(long planId, ReviewKind kind, String reviewerId, Boolean onTrack, String notes) {
        Checks.start()
                .require(onTrack != null, "Say whether the plan is on track.")
                .requiredText(notes, "Notes", Checks.LONG_TEXT)
                .require(plan(planId).status() == PlanStatus.APPROVED, "Only an approved plan is monitored.")
                .orThrow();
        long id = plans.insertReview(planId, kind, reviewerId, onTrack, notes.trim(), now());
        return plans.reviews(planId).stream().filter(r -> r.id() == id).findFirst().orElseThrow();
    }

    public void close(long planId) {
        plans.status(planId, PlanStatus.CLOSED);
    }

    @Transactional(readOnly = true)
    public AccountPlan plan(long planId) {
        return plans.find(planId).orElseThrow(() -> new NotFoundException("No account plan " + planId + "."));
    }

    @Transactional(readOnly = true)
    public Optional<AccountPlan> find(long accountId, int year) {
        return plans.find(accountId, year);
    }

    @Transactional(readOnly = true)
    public List<AccountPlan> plansOf(long accountId) {
        return plans.ofAccount(accountId);
    }

    @Transactional(readOnly = true)
    public List<PlanVersion> versions(long planId) {
        return plans.versions(planId);
    }

    @Transactional(readOnly = true)
    public PlanVersion version(long versionId) {
        return plans.version(versionId).orElseThrow(() -> new NotFoundException("No plan version " + versionId + "."));
    }

    @Transactional(readOnly = true)
    public Optional<PlanVersion> version(long planId, int versionNo) {
        return plans.version(planId, versionNo);
    }

    @Transactional(readOnly = true)
    public Optional<PlanVersion> latest(long planId) {
        List<PlanVersion> all = plans.versions(planId);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    @Transactional(readOnly = true)
    public List<PlanReview> reviews(long planId) {
        return plans.reviews(planId);
    }

    /** The plan's context as the form tasks show it: account, owner, direction, due date, last review comment. */
    @Transactional(readOnly = true)
    public String brief(long planId) {
        AccountPlan plan = plan(planId);
        Account account = accounts.get(plan.accountId());
        BriefText text = BriefText.start()
                .line("客户", "Account", account.name() + " (" + BriefText.code(account.tier()) + ", "
                        + (account.industry() == null ? "-" : account.industry()) + ")")
                .line("负责人", "Owner", name(account.ownerId()))
                .line("计划年度", "Plan year", plan.planYear());
        if (plan.direction() != null) {
            text.line(name(plan.seniorManagerId()) + " 的方向", "Direction from " + name(plan.seniorManagerId()), plan.direction());
            text.line("团队", "Team", plan.teamMembers());
            text.line("时间表", "Timeline", plan.timeline());
        }
        if (plan.dueAt() != null) {
            text.line("截止", "Due", plan.dueAt().truncatedTo(ChronoUnit.MINUTES).toString().replace('T', ' '));
        }
        latest(planId).filter(v -> v.reviewerComment() != null).ifPresent(v -> text.line(
                "第 " + v.versionNo() + " 版的评审（" + BriefText.code(v.status()) + "，" + name(v.reviewerId()) + "）",
                "Review of version " + v.versionNo() + " (" + BriefText.code(v.status()) + ") by " + name(v.reviewerId()),
                v.reviewerComment()));
        return text.toString();
    }

    /** How mails name the plan: "ACME Corp account plan 2026". */
    @Transactional(readOnly = true)
    public String title(long planId) {
        AccountPlan plan = plan(planId);
        return accounts.get(plan.accountId()).name() + " account plan " + plan.planYear();
    }

    /** The submitted version as the reviewer reads it. */
    @Transactional(readOnly = true)
    public String versionText(PlanVersion v) {
        BriefText text = BriefText.start().line("版本 " + v.versionNo(), "Version " + v.versionNo(), name(v.authorId()) + ", "
                + v.createdAt().truncatedTo(ChronoUnit.MINUTES).toString().replace('T', ' '));
        section(text, "执行摘要", "Executive summary", v.executiveSummary());
        section(text, "战略选择", "Strategic options", v.strategicOptions());
        section(text, "业务风险", "Business risks", v.businessRisks());
        section(text, "客户概况与分析", "Customer overview and analysis", v.customerAnalysis());
        section(text, "目标", "Goals and objectives", v.goalsObjectives());
        section(text, "行动与资源", "Actions and resources", v.actionsResources());
        text.gap().line("5 年财务预测（" + v.currency() + "）", "5-year financial forecast (" + v.currency() + ")", v.forecast().stream()
                .map(a -> a == null ? "-" : a.toPlainString()).toList());
        if (v.appendix() != null) {
            section(text, "附录", "Appendix", v.appendix());
        }
        return text.toString();
    }

    private static void section(BriefText text, String zh, String en, String body) {
        text.gap().append(zh + " / " + en + ":").append(body);
    }

    private void checkAuthor(AccountPlan plan, String authorId) {
        String owner = accounts.get(plan.accountId()).ownerId();
        if (!owner.equals(authorId)) {
            throw new ValidationException("Only the account's owner (" + name(owner) + ") may write its plan; "
                    + (authorId == null ? "nobody is signed in." : authorId + " may not."));
        }
    }

    private String name(String personId) {
        return personId == null ? "-" : organization.findPerson(personId).map(p -> p.fullName()).orElse(personId);
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }
}
