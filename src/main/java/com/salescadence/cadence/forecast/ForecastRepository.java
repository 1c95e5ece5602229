package com.salescadence.cadence.forecast;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import com.salescadence.cadence.forecast.ForecastPrefill.MonthFigures;
import com.salescadence.common.RecordRows;

/** Frozen monthly forecasts and reviews: inserted, never updated. */
@Repository
class ForecastRepository {

    private final JdbcClient jdbc;

    ForecastRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insertReport(long submissionId, long cycleId, String personId, LocalDate firstMonth, BigDecimal forecast,
                      BigDecimal pipeline, BigDecimal weighted, String actionPlan, LocalDateTime at) {
        GeneratedKeyHolder id = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into forecast_report (submission_id, cycle_id, person_id, first_month, forecast_amount, pipeline_amount,
                  weighted_amount, action_plan, submitted_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(submissionId, cycleId, personId, firstMonth, forecast, pipeline, weighted, actionPlan, at).update(id, "id");
        return id.getKey().longValue();
    }

    void insertMonth(long reportId, MonthFigures pipeline, BigDecimal amount) {
        jdbc.sql("""
                insert into forecast_month (forecast_report_id, month_start, amount, pipeline_amount, weighted_amount)
                values (?, ?, ?, ?, ?)""")
                .params(reportId, pipeline.month().atDay(1), amount, pipeline.pipeline(), pipeline.weighted()).update();
    }

    Optional<ForecastReport> report(long cycleId, String personId) {
        return jdbc.sql("select * from forecast_report where cycle_id = ? and person_id = ?")
                .params(cycleId, personId).query(RecordRows.of(ForecastReport.class)).optional();
    }

    /** The reports of these people in the cycle, by person (one statement). */
    java.util.Map<String, ForecastReport> reports(long cycleId, java.util.Collection<String> people) {
        java.util.Map<String, ForecastReport> byPerson = new java.util.HashMap<>();
        if (!people.isEmpty()) {
            jdbc.sql("select * from forecast_report where cycle_id = :cycle and person_id in (:people)")
                    .param("cycle", cycleId).param("people", people).query(RecordRows.of(ForecastReport.class)).list()
                    .forEach(r -> byPerson.put(r.personId(), r));
        }
        return byPerson;
    }

    List<ForecastMonth> months(long reportId) {
        return jdbc.sql("select * from forecast_month where forecast_report_id = ? order by month_start")
                .param(reportId).query(RecordRows.of(ForecastMonth.class)).list();
    }

    long insertReview(long submissionId, long cycleId, String managerId, BigDecimal forecast, BigDecimal stretch,
                      BigDecimal pipeline, int missing, String notes, LocalDateTime at) {
        GeneratedKeyHolder id = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into forecast_review (submission_id, cycle_id, manager_id, forecast_amount, stretch_amount, pipeline_amount,
                  missing_reports, notes, reviewed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(submissionId, cycleId, managerId, forecast, stretch, pipeline, missing, notes, at).update(id, "id");
        return id.getKey().longValue();
    }

    Optional<ForecastReview> review(long cycleId, String managerId) {
        return jdbc.sql("select * from forecast_review where cycle_id = ? and manager_id = ?")
                .params(cycleId, managerId).query(RecordRows.of(ForecastReview.class)).optional();
    }

    /**
     * Escalates a still-missing report one level further up, once: inserts the escalation only while the
     * report is MISSED and has no escalation at {@code level} or above. Returns whether it did.
     */
    boolean escalateOnce(long submissionId, String to, int level, String reason, LocalDateTime at) {
        return jdbc.sql("""
                insert into escalation (submission_id, escalated_to, level, reason, created_at)
                select s.id, ?, ?, ?, ? from report_submission s
                where s.id = ? and s.status = 'MISSED'
                  and not exists (select 1 from escalation e where e.submission_id = s.id and e.level >= ?)""")
                .params(to, level, reason, at, submissionId, level).update() == 1;
    }
}
