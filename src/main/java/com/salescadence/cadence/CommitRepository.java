package com.salescadence.cadence;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import com.salescadence.pipeline.Opportunity;
import com.salescadence.common.RecordRows;

/** Frozen weekly commits and the managers' adjustments. Commits are inserted, never updated. */
@Repository
class CommitRepository {

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcTemplate template;

    CommitRepository(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    long insertReport(long submissionId, long cycleId, String personId, BigDecimal commit, BigDecimal upside,
                      BigDecimal lastWeekActual, String tracking, LocalDateTime at) {
        GeneratedKeyHolder id = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into commit_report (submission_id, cycle_id, person_id, commit_amount, upside_amount, last_week_actual,
                  project_tracking, submitted_at) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(submissionId, cycleId, personId, commit, upside, lastWeekActual, tracking, at).update(id, "id");
        return id.getKey().longValue();
    }

    /** The report's items, one JDBC batch: {@code deals.get(i)} is the deal of {@code items.get(i)}. */
    void insertItems(long reportId, List<Opportunity> deals, List<CommitItemInput> items) {
        List<Object[]> rows = new java.util.ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Opportunity deal = deals.get(i);
            CommitItemInput item = items.get(i);
            rows.add(new Object[] {reportId, deal.id(), deal.name(), deal.stageCode(), deal.probability(),
                    deal.expectedCloseDate(), item.category().name(), item.amount(), item.configurationFinal(),
                    item.endUserContractSigned(), item.partnerContractsSigned(), item.discountApproved(),
                    item.partnerReadyToOrder()});
        }
        template.batchUpdate("""
                insert into commit_item (commit_report_id, opportunity_id, opportunity_name, stage_code, probability,
                  expected_close_date, category, amount, configuration_final, end_user_contract_signed,
                  partner_contracts_signed, discount_approved, partner_ready_to_order)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    }

    Optional<CommitReport> report(long cycleId, String personId) {
        return jdbc.sql("select * from commit_report where cycle_id = ? and person_id = ?")
                .params(cycleId, personId).query(RecordRows.of(CommitReport.class)).optional();
    }

    List<CommitReport> reports(long cycleId, Collection<String> people) {
        if (people.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from commit_report where cycle_id = :cycle and person_id in (:people)")
                .param("cycle", cycleId).param("people", people).query(RecordRows.of(CommitReport.class)).list();
    }

    List<CommitItem> items(long reportId) {
        return jdbc.sql("select * from commit_item where commit_report_id = ? order by id").param(reportId).query(RecordRows.of(CommitItem.class)).list();
    }

    void insertAdjustment(long cycleId, String personId, String by, BigDecimal commit, BigDecimal upside, String reason,
                          LocalDateTime at) {
        jdbc.sql("""
                insert into commit_adjustment (cycle_id, person_id, adjusted_by, commit_amount, upside_amount, reason, created_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(cycleId, personId, by, commit, upside, reason, at).update();
    }

    /** The latest adjustment of a person's figures by one manager in a cycle. */
    Optional<Adjustment> latestAdjustment(long cycleId, String personId, String by) {
        return jdbc.sql("""
                select * from commit_adjustment where cycle_id = ? and person_id = ? and adjusted_by = ?
                order by created_at desc, id desc fetch first 1 rows only""")
                .params(cycleId, personId, by).query(RecordRows.of(Adjustment.class)).optional();
    }

    /** Per person, the latest adjustment by one manager in a cycle (what {@link #latestAdjustment} gives for each). */
    java.util.Map<String, Adjustment> latestAdjustments(long cycleId, String by) {
        java.util.Map<String, Adjustment> latest = new java.util.HashMap<>();
        jdbc.sql("select * from commit_adjustment where cycle_id = ? and adjusted_by = ? order by created_at desc, id desc")
                .params(cycleId, by).query(RecordRows.of(Adjustment.class)).list()
                .forEach(a -> latest.putIfAbsent(a.personId(), a));
        return latest;
    }

    List<Adjustment> adjustments(long cycleId) {
        return jdbc.sql("select * from commit_adjustment where cycle_id = ? order by id").param(cycleId).query(RecordRows.of(Adjustment.class)).list();
    }
}
