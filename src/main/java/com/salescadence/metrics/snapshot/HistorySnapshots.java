package com.salescadence.metrics.snapshot;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.salescadence.pipeline.stage.Stage;
import com.salescadence.pipeline.stage.StageModel;
import com.salescadence.pipeline.stage.StageModelCatalog;

/**
 * The company's pipeline as it stood at the end of each past week, reconstructed from the stage history (issue 12), so
 * weekly progress, what changed and growth work from the first day of a team that imported its history. A deal is in the
 * snapshot of a moment when it is in the funnel, was created by then and not yet closed, and its latest stage entry by
 * then is an open stage (weighted by that stage's win rate); its amount and close date are those it had then by the
 * log of in-place edits (deal_change: the old value of the first change after the moment), else today's; its claimed
 * probability the one entered with that stage, or the rep's last in-place edit of it before the moment. Snapshots of this kind are derived data: each rebuild replaces them all; a week that holds a real
 * company snapshot (the weekly timer's) keeps it and gets none.
 */
@Service
@Transactional
public class HistorySnapshots {

    private final JdbcClient jdbc;
    private final StageModelCatalog stageModels;

    HistorySnapshots(JdbcClient jdbc, StageModelCatalog stageModels) {
        this.jdbc = jdbc;
        this.stageModels = stageModels;
    }

    /**
     * Rebuilds the snapshots at the end of every week from the week of {@code from} (or of the earliest such snapshot) to the week before {@code today}'s.
     * @return how many snapshots were taken
     */
    public int rebuild(LocalDate from, LocalDate today, String takenBy) {
        LocalDateTime earlier = jdbc.sql("select min(taken_at) from pipeline_snapshot where kind = 'HISTORY'")
                .query(LocalDateTime.class).optional().orElse(null);
        if (earlier != null && earlier.toLocalDate().isBefore(from)) {
            from = earlier.toLocalDate();   // the weeks an earlier history import reconstructed are rebuilt too
        }
        jdbc.sql("delete from pipeline_snapshot_line where snapshot_id in (select id from pipeline_snapshot where kind = 'HISTORY')").update();
        jdbc.sql("delete from pipeline_snapshot where kind = 'HISTORY'").update();
        LocalDate thisMonday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        int taken = 0;
        for (LocalDate monday = from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusWeeks(1);
             !monday.isAfter(thisMonday); monday = monday.plusWeeks(1)) {
            LocalDateTime end = monday.atStartOfDay().minusSeconds(1);
            long real = jdbc.sql("select count(*) from pipeline_snapshot where person_id is null and taken_at >= ? and taken_at < ?")
                    .params(monday.minusWeeks(1).atStartOfDay(), monday.atStartOfDay()).query(Long.class).single();
            if (real == 0) {
                take(end, takenBy);
                taken++;
            }
        }
        return taken;
    }

    /** A deal's field as it stood at :at: the old value of its first in-place edit after then, else the value now. */
    private static String asThen(String field, String type, String now) {
        return "coalesce((select cast(c.old_value as " + type + ") from deal_change c where c.opportunity_id = o.id and c.field = '"
                + field + "' and c.changed_at > :at order by c.changed_at, c.id fetch first 1 rows only), " + now + ")";
    }

    /**
     * The probability the rep claimed at :at: their last in-place edit between the latest stage entry (h) and :at, else the
     * one claimed with that stage entry (issue 16: the claimed forecast is back-tested on it, so it is not the stage's rate).
     */
    private static final String CLAIMED_THEN = "coalesce((select cast(c.new_value as integer) from deal_change c where c.opportunity_id = o.id"
            + " and c.field = 'PROBABILITY' and c.changed_at > h.changed_at and c.changed_at <= :at order by c.changed_at desc, c.id desc"
            + " fetch first 1 rows only), h.probability)";

    private void take(LocalDateTime at, String takenBy) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into pipeline_snapshot (taken_at, kind, cycle_id, person_id, taken_by) values (?, 'HISTORY', null, null, ?)")
                .params(at, takenBy).update(key, "id");
        Map<String, Object> params = new HashMap<>();
        StringBuilder winRate = new StringBuilder("case");
        List<String> open = new ArrayList<>();
        int i = 0;
        for (StageModel model : stageModels.all()) {
            for (Stage stage : model.stages()) {
                if (stage.isOpen()) {
                    winRate.append(" when o.stage_model = :wm").append(i).append(" and h.to_stage = :ws").append(i)
                            .append(" then ").append(stage.winRate());
                    params.put("wm" + i, model.id());
                    params.put("ws" + i, stage.code());
                    open.add(stage.code());
                    i++;
                }
            }
        }
        winRate.append(" else 0 end");
        params.put("snapshot", key.getKey().longValue());
        params.put("at", at);
        params.put("open", open);
        jdbc.sql("""
                insert into pipeline_snapshot_line (snapshot_id, opportunity_id, owner_id, amount, currency, stage_model,
                  stage_code, win_rate, probability, status, expected_close_date, weighted)
                select :snapshot, o.id, o.owner_id, %2$s, o.currency, o.stage_model, h.to_stage, %1$s, %4$s, 'OPEN',
                  %3$s, round(%2$s * (%1$s) / 100.0, 2)
                from opportunity o join stage_history h on h.opportunity_id = o.id
                where o.in_funnel = true and o.created_at <= :at and (o.closed_at is null or o.closed_at > :at)
                  and h.changed_at <= :at and h.to_stage in (:open)
                  and not exists (select 1 from stage_history n where n.opportunity_id = o.id and n.changed_at <= :at
                                  and (n.changed_at > h.changed_at or (n.changed_at = h.changed_at and n.id > h.id)))"""
                .formatted(winRate, asThen("AMOUNT", "numeric(19,2)", "o.amount"), asThen("CLOSE_DATE", "date", "o.expected_close_date"), CLAIMED_THEN))
                .params(params).update();
    }
}
