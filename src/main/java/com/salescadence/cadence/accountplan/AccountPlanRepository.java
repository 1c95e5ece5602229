package com.salescadence.cadence.accountplan;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import com.salescadence.common.RecordRows;

@Repository
class AccountPlanRepository {

    private final JdbcClient jdbc;

    AccountPlanRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insertPlan(long accountId, int year, String processInstanceId, LocalDateTime now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into account_plan (account_id, plan_year, status, process_instance_id, created_at) values (?, ?, ?, ?, ?)")
                .params(accountId, year, PlanStatus.PREPARING.name(), processInstanceId, now).update(key, "id");
        return key.getKey().longValue();
    }

    Optional<AccountPlan> find(long id) {
        return jdbc.sql("select * from account_plan where id = ?").param(id).query(RecordRows.of(AccountPlan.class)).optional();
    }

    Optional<AccountPlan> find(long accountId, int year) {
        return jdbc.sql("select * from account_plan where account_id = ? and plan_year = ?").params(accountId, year)
                .query(RecordRows.of(AccountPlan.class)).optional();
    }

    List<AccountPlan> ofAccount(long accountId) {
        return jdbc.sql("select * from account_plan where account_id = ? order by plan_year desc").param(accountId)
                .query(RecordRows.of(AccountPlan.class)).list();
    }

    void restart(long planId, String processInstanceId) {
        jdbc.sql("""
                update account_plan set status = ?, process_instance_id = ?, due_at = null, reminded_at = null, late_since = null,
                escalated_to = null, chase_note = null where id = ?""")
                .params(PlanStatus.PREPARING.name(), processInstanceId, planId).update();
    }

    void prepare(long planId, String seniorManagerId, String direction, String team, String timeline, int weeks, LocalDateTime dueAt) {
        jdbc.sql("""
                update account_plan set status = ?, senior_manager_id = ?, direction = ?, team_members = ?, timeline = ?,
                develop_weeks = ?, due_at = ? where id = ?""")
                .params(PlanStatus.DEVELOPING.name(), seniorManagerId, direction, team, timeline, weeks, dueAt, planId).update();
    }

    void status(long planId, PlanStatus status) {
        jdbc.sql("update account_plan set status = ? where id = ?").params(status.name(), planId).update();
    }

    void approved(long planId, LocalDateTime at) {
        jdbc.sql("update account_plan set status = ?, approved_at = ? where id = ?").params(PlanStatus.APPROVED.name(), at, planId).update();
    }

    void dueAgain(long planId, LocalDateTime dueAt) {
        jdbc.sql("update account_plan set status = ?, due_at = ?, reminded_at = null, late_since = null where id = ?")
                .params(PlanStatus.DEVELOPING.name(), dueAt, planId).update();
    }

    boolean markReminded(long planId, LocalDateTime at) {
        return jdbc.sql("update account_plan set reminded_at = ? where id = ? and reminded_at is null").params(at, planId).update() == 1;
    }

    boolean markLate(long planId, LocalDateTime at, String escalatedTo) {
        return jdbc.sql("update account_plan set late_since = ?, escalated_to = ? where id = ? and late_since is null")
                .params(at, escalatedTo, planId).update() == 1;
    }

    void chaseNote(long planId, String note) {
        jdbc.sql("update account_plan set chase_note = ? where id = ?").params(note, planId).update();
    }

    long insertVersion(long planId, PlanVersionStatus status, String authorId, LocalDateTime at, PlanContent c, String currency) {
        int next = jdbc.sql("select coalesce(max(version_no), 0) + 1 from account_plan_version where plan_id = ?").param(planId)
                .query(Integer.class).single();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into account_plan_version (plan_id, version_no, status, author_id, created_at, executive_summary,
                strategic_options, business_risks, customer_analysis, goals_objectives, actions_resources, appendix, currency,
                forecast_year1, forecast_year2, forecast_year3, forecast_year4, forecast_year5)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(planId, next, status.name(), authorId, at, c.executiveSummary(), c.strategicOptions(), c.businessRisks(),
                        c.customerAnalysis(), c.goalsObjectives(), c.actionsResources(), c.appendix(), currency,
                        c.forecastYear(1), c.forecastYear(2), c.forecastYear(3), c.forecastYear(4), c.forecastYear(5))
                .update(key, "id");
        return key.getKey().longValue();
    }

    Optional<PlanVersion> version(long versionId) {
        return jdbc.sql("select * from account_plan_version where id = ?").param(versionId).query(RecordRows.of(PlanVersion.class)).optional();
    }

    Optional<PlanVersion> version(long planId, int versionNo) {
        return jdbc.sql("select * from account_plan_version where plan_id = ? and version_no = ?").params(planId, versionNo)
                .query(RecordRows.of(PlanVersion.class)).optional();
    }

    List<PlanVersion> versions(long planId) {
        return jdbc.sql("select * from account_plan_version where plan_id = ? order by version_no").param(planId)
                .query(RecordRows.of(PlanVersion.class)).list();
    }

    /** The review decision on a submitted version: status and comment are set once, the sections never change. */
    boolean review(long versionId, PlanVersionStatus status, String reviewerId, String comment, LocalDateTime at) {
        return jdbc.sql("""
                update account_plan_version set status = ?, reviewer_id = ?, reviewer_comment = ?, reviewed_at = ?
                where id = ? and status = ?""")
                .params(status.name(), reviewerId, comment, at, versionId, PlanVersionStatus.SUBMITTED.name()).update() == 1;
    }

    long insertReview(long planId, ReviewKind kind, String reviewerId, boolean onTrack, String notes, LocalDateTime at) {
        int next = jdbc.sql("select coalesce(max(sequence_no), 0) + 1 from account_plan_review where plan_id = ? and kind = ?")
                .params(planId, kind.name()).query(Integer.class).single();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into account_plan_review (plan_id, kind, sequence_no, reviewer_id, on_track, notes, held_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(planId, kind.name(), next, reviewerId, onTrack, notes, at).update(key, "id");
        return key.getKey().longValue();
    }

    List<PlanReview> reviews(long planId) {
        return jdbc.sql("select * from account_plan_review where plan_id = ? order by held_at, id").param(planId)
                .query(RecordRows.of(PlanReview.class)).list();
    }

    void insertTierReview(int year, String managerId, Long accountId, String tier, int count, String notes, LocalDateTime at) {
        jdbc.sql("""
                insert into account_tier_review (review_year, manager_id, account_id, tier, account_count, notes, held_at)
                values (?, ?, ?, ?, ?, ?, ?)""").params(year, managerId, accountId, tier, count, notes, at).update();
    }

    List<TierReview> tierReviews(int year, String managerId) {
        return jdbc.sql("select * from account_tier_review where review_year = ? and manager_id = ? order by id").params(year, managerId)
                .query(RecordRows.of(TierReview.class)).list();
    }
}
