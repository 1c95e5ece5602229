package com.salescadence.cadence;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import com.salescadence.common.RecordRows;

@Repository
class RollupRepository {

    private final JdbcClient jdbc;

    RollupRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insertReport(long submissionId, long cycleId, String managerId, int level, BigDecimal commit, BigDecimal upside,
                      String notes, LocalDateTime at) {
        GeneratedKeyHolder id = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into rollup_report (submission_id, cycle_id, manager_id, level, commit_amount, upside_amount, notes, submitted_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(submissionId, cycleId, managerId, level, commit, upside, notes, at).update(id, "id");
        return id.getKey().longValue();
    }

    void insertLine(long reportId, RollupRow row, boolean submitted) {
        jdbc.sql("""
                insert into rollup_line (rollup_report_id, person_id, raw_commit, raw_upside, commit_amount, upside_amount,
                  adjusted_by, adjustment_reason, submitted) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(reportId, row.personId(), row.rawCommit(), row.rawUpside(), row.commit(), row.upside(),
                        row.adjustedBy(), row.adjustmentReason(), submitted)
                .update();
    }

    Optional<RollupReport> report(long cycleId, String managerId) {
        return jdbc.sql("select * from rollup_report where cycle_id = ? and manager_id = ?")
                .params(cycleId, managerId).query(RecordRows.of(RollupReport.class)).optional();
    }

    List<RollupReport> reports(long cycleId, java.util.Collection<String> managers) {
        if (managers.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from rollup_report where cycle_id = :cycle and manager_id in (:managers)")
                .param("cycle", cycleId).param("managers", managers).query(RecordRows.of(RollupReport.class)).list();
    }

    List<RollupReport> reports(long cycleId) {
        return jdbc.sql("select * from rollup_report where cycle_id = ? order by level, manager_id")
                .param(cycleId).query(RecordRows.of(RollupReport.class)).list();
    }
}
