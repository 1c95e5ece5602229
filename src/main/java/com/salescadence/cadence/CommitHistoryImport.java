package com.salescadence.cadence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Past weekly commits brought in from a team's earlier system (issue 12): each is a frozen commit report of the week's
 * cycle (created without a process when the week had none), on a submission marked {@link SubmissionStatus#IMPORTED}, so
 * commit accuracy, its trend, linearity and commit growth count it and report compliance does not.
 */
@Service
@Transactional
public class CommitHistoryImport {

    private final JdbcClient jdbc;

    CommitHistoryImport(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a rep's commit and upside for the week of {@code monday}. */
    public void record(String repId, LocalDate monday, BigDecimal commit, BigDecimal upside, String note) {
        LocalDateTime opened = monday.minusDays(1).atTime(8, 0);
        long cycleId = jdbc.sql("select id from cadence_cycle where cadence = 'WEEKLY_COMMIT' and cycle_key = ?")
                .param(CycleKeys.weekKey(monday)).query(Long.class).optional().orElseGet(() -> {
                    GeneratedKeyHolder key = new GeneratedKeyHolder();
                    jdbc.sql("""
                            insert into cadence_cycle (cadence, cycle_key, starts_at, period_start, period_end)
                            values ('WEEKLY_COMMIT', ?, ?, ?, ?)""")
                            .params(CycleKeys.weekKey(monday), opened, monday, monday.plusDays(6)).update(key, "id");
                    return key.getKey().longValue();
                });
        GeneratedKeyHolder submission = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into report_submission (cycle_id, person_id, report_type, due_at, status, submitted_at)
                values (?, ?, 'COMMIT', ?, 'IMPORTED', ?)""")
                .params(cycleId, repId, monday.atTime(8, 0), opened).update(submission, "id");
        jdbc.sql("""
                insert into commit_report (submission_id, cycle_id, person_id, commit_amount, upside_amount, last_week_actual,
                  project_tracking, submitted_at) values (?, ?, ?, ?, ?, 0, ?, ?)""")
                .params(submission.getKey().longValue(), cycleId, repId, commit, upside, note, opened).update();
    }
}
