package com.salescadence.cadence.quarterly;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import com.salescadence.common.RecordRows;

@Repository
class QuarterlyReviewRepository {

    private final JdbcClient jdbc;

    QuarterlyReviewRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insertReview(long submissionId, long cycleId, String personId, QuarterResults r, String keyAccounts, String plan,
                      BigDecimal proposedTarget, LocalDateTime at) {
        GeneratedKeyHolder id = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into quarterly_review (submission_id, cycle_id, person_id, quarter_key, booked, quota_amount, stretch_amount,
                  previous_booked, key_accounts, next_quarter_plan, proposed_target, submitted_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(submissionId, cycleId, personId, r.quarter(), r.booked(), r.quota(), r.stretch(), r.previousBooked(),
                        keyAccounts, plan, proposedTarget, at)
                .update(id, "id");
        return id.getKey().longValue();
    }

    Optional<QuarterlyReview> review(long cycleId, String personId) {
        return jdbc.sql("select * from quarterly_review where cycle_id = ? and person_id = ?")
                .params(cycleId, personId).query(RecordRows.of(QuarterlyReview.class)).optional();
    }

    /** The reviews of these reps in the cycle, by rep (one statement). */
    java.util.Map<String, QuarterlyReview> reviews(long cycleId, java.util.Collection<String> people) {
        java.util.Map<String, QuarterlyReview> byPerson = new java.util.HashMap<>();
        if (!people.isEmpty()) {
            jdbc.sql("select * from quarterly_review where cycle_id = :cycle and person_id in (:people)")
                    .param("cycle", cycleId).param("people", people).query(RecordRows.of(QuarterlyReview.class)).list()
                    .forEach(r -> byPerson.put(r.personId(), r));
        }
        return byPerson;
    }

    long insertManagerReview(long submissionId, long cycleId, String managerId, String notes, LocalDateTime at) {
        GeneratedKeyHolder id = new GeneratedKeyHolder();
        jdbc.sql("insert into quarterly_manager_review (submission_id, cycle_id, manager_id, notes, submitted_at) values (?, ?, ?, ?, ?)")
                .params(submissionId, cycleId, managerId, notes, at).update(id, "id");
        return id.getKey().longValue();
    }

    Optional<ManagerReview> managerReview(long cycleId, String managerId) {
        return jdbc.sql("select * from quarterly_manager_review where cycle_id = ? and manager_id = ?")
                .params(cycleId, managerId).query(RecordRows.of(ManagerReview.class)).optional();
    }

    void insertTarget(long managerReviewId, long cycleId, String personId, String targetQuarter, BigDecimal target,
                      BigDecimal stretch, BigDecimal previousQuota, String outcome, String decidedBy, LocalDateTime at) {
        jdbc.sql("""
                insert into quarterly_target (manager_review_id, cycle_id, person_id, target_quarter, target_amount, stretch_amount,
                  previous_quota, outcome, decided_by, decided_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(managerReviewId, cycleId, personId, targetQuarter, target, stretch, previousQuota, outcome, decidedBy, at)
                .update();
    }

    List<QuarterlyTarget> targets(long managerReviewId) {
        return jdbc.sql("select * from quarterly_target where manager_review_id = ? order by person_id")
                .param(managerReviewId).query(RecordRows.of(QuarterlyTarget.class)).list();
    }
}
