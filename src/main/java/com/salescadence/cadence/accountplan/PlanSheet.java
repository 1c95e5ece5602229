package com.salescadence.cadence.accountplan;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The account plan as the owner's form (forms/develop-account-plan.html) reads it when it opens: the process keeps
 * only ids. The plan's context (account, tier and industry, owner, plan year, the senior manager's direction, team and
 * timeline, due date), the last review of a version sent back, the sections of the latest version (null when there is
 * none yet) and one row per forecast year (the plan year and the four after it) with the latest version's amount
 * (null: none yet). Tier and review status are "中文 / English" codes.
 */
public record PlanSheet(long planId, long accountId, String account, String tier, String industry, String owner, int planYear,
                        String direction, String directionBy, String teamMembers, String timeline, LocalDateTime dueAt,
                        String currency, Review lastReview, Integer latestVersion, Sections sections, List<Year> years) {

    /** The reviewer's comment on the latest version. */
    public record Review(int versionNo, String status, String reviewer, String comment) {
    }

    /** The texts of the latest version, as the owner goes on writing them. */
    public record Sections(String executiveSummary, String strategicOptions, String businessRisks, String customerAnalysis,
                           String goalsObjectives, String actionsResources, String appendix) {
    }

    /** One year of the 5-year forecast. */
    public record Year(int year, BigDecimal amount) {
    }
}
