package com.salescadence.metrics;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.salescadence.common.Checks;
import com.salescadence.common.CurrencyRates;
import com.salescadence.organization.Person;
import com.salescadence.pipeline.stage.Stage;
import com.salescadence.pipeline.stage.StageModel;
import com.salescadence.pipeline.stage.StageModelCatalog;

/**
 * The funnel of the active stage model for a person's branch and for the whole company side by side, from
 * stage_history and the deals, aggregated in the database, as it stood at the end of a date (default: now):
 * only history entries and closings up to that moment count, and a deal is in a stage when its latest entry by
 * then is that stage. Out-of-funnel (small) deals skip the stages and are left out of the funnel.
 */
@Service
@Transactional(readOnly = true)
public class FunnelService {

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record StageRow(String code, String name, int winRate, FunnelRules.StageFigures person, FunnelRules.StageFigures company,
                           String nameZh) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Funnel(String personId, String stageModel, LocalDate asOf, int stuckDays, List<StageRow> stages,
                         FunnelRules.Overall person, FunnelRules.Overall company) {
    }

    private final JdbcClient jdbc;
    private final StageModelCatalog stageModels;
    private final CurrencyRates rates;
    private final MetricsSettings settings;
    private final Clock clock;

    FunnelService(JdbcClient jdbc, StageModelCatalog stageModels, CurrencyRates rates, MetricsSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.stageModels = stageModels;
        this.rates = rates;
        this.settings = settings;
        this.clock = clock;
    }

    /** The funnel as it stood at the end of {@code date} (null or today: now). */
    public Funnel funnel(Person person, Integer stuckDays, LocalDate date) {
        int days = stuckDays == null ? settings.stuckDays() : stuckDays;
        LocalDateTime now = LocalDateTime.now(clock);
        LocalDate day = date == null ? now.toLocalDate() : date;
        Checks.start().require(days >= 1 && days <= 3650, "stuckDays must be between 1 and 3650, got " + days + ".")
                .require(!day.isAfter(now.toLocalDate()), "date " + day + " is in the future; the funnel is known up to today.")
                .orThrow();
        // the last instant counted: now for today, else the end of that day (to the microsecond the databases keep)
        LocalDateTime asOf = day.equals(now.toLocalDate()) ? now : day.plusDays(1).atStartOfDay().minusNanos(1_000);
        StageModel model = stageModels.active();
        List<Stage> open = model.stages().stream().filter(Stage::isOpen).toList();
        List<String> codes = open.stream().map(Stage::code).toList();
        LocalDateTime cutoff = asOf.minusDays(days);
        List<FunnelRules.StageFigures> mine = stages(model, codes, person.id(), asOf, cutoff);
        List<FunnelRules.StageFigures> company = stages(model, codes, null, asOf, cutoff);
        List<StageRow> rows = new ArrayList<>();
        for (int i = 0; i < open.size(); i++) {
            rows.add(new StageRow(open.get(i).code(), open.get(i).name(), open.get(i).winRate(), mine.get(i), company.get(i),
                    open.get(i).name("zh")));
        }
        return new Funnel(person.id(), model.id(), day, days, rows, overall(model, person.id(), asOf), overall(model, null, asOf));
    }

    /** The scope's opening: the person's branch, or every deal (personId null). */
    private static String scope(String personId) {
        return personId == null ? "" : MetricsQueries.TEAM;
    }

    private static String teamJoin(String personId) {
        return personId == null ? "" : " join team t on t.id = o.owner_id";
    }

    private JdbcClient.StatementSpec sql(String sql, String personId, StageModel model, LocalDateTime asOf) {
        JdbcClient.StatementSpec spec = jdbc.sql(sql).param("model", model.id()).param("asOf", asOf);
        return personId == null ? spec : spec.param("person", personId);
    }

    private List<FunnelRules.StageFigures> stages(StageModel model, List<String> codes, String personId, LocalDateTime asOf,
                                                  LocalDateTime cutoff) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder reachedCase = new StringBuilder("case h.to_stage");
        List<Stage> path = model.funnel();
        for (int i = 0; i < path.size(); i++) {
            reachedCase.append(" when :f").append(i).append(" then ").append(i);
            params.put("f" + i, path.get(i).code());
        }
        reachedCase.append(" else -1 end");
        Map<Integer, Long> reached = new HashMap<>();
        sql(scope(personId) + """
                select r.reached, count(*) as deals from (
                  select h.opportunity_id, max(%s) as reached
                  from stage_history h join opportunity o on o.id = h.opportunity_id%s
                  where o.stage_model = :model and o.in_funnel = true and h.changed_at <= :asOf
                  group by h.opportunity_id) r
                group by r.reached""".formatted(reachedCase, teamJoin(personId)), personId, model, asOf)
                .params(params)
                .query(rs -> {
                    reached.put(rs.getInt("reached"), rs.getLong("deals"));
                });
        Map<String, Long> lost = new HashMap<>();
        sql(scope(personId) + """
                select h.from_stage, count(distinct h.opportunity_id) as deals
                from stage_history h join opportunity o on o.id = h.opportunity_id%s
                where o.stage_model = :model and o.in_funnel = true and h.to_stage = :lost and o.status = 'LOST'
                  and h.changed_at <= :asOf
                group by h.from_stage""".formatted(teamJoin(personId)), personId, model, asOf)
                .param("lost", model.lost().code())
                .query(rs -> {
                    lost.put(rs.getString("from_stage"), rs.getLong("deals"));
                });
        // each deal's latest entry by then: the stage it stood in, and since when
        Map<String, Long> inStage = new HashMap<>();
        Map<String, Long> stuck = new HashMap<>();
        sql(scope(personId) + """
                select h.to_stage, count(*) as deals, sum(case when h.changed_at < :cutoff then 1 else 0 end) as stuck
                from stage_history h join opportunity o on o.id = h.opportunity_id%s
                where o.stage_model = :model and o.in_funnel = true and h.changed_at <= :asOf
                  and not exists (select 1 from stage_history n where n.opportunity_id = h.opportunity_id and n.changed_at <= :asOf
                                  and (n.changed_at > h.changed_at or (n.changed_at = h.changed_at and n.id > h.id)))
                group by h.to_stage""".formatted(teamJoin(personId)), personId, model, asOf)
                .param("cutoff", cutoff)
                .query(rs -> {
                    inStage.put(rs.getString("to_stage"), rs.getLong("deals"));
                    stuck.put(rs.getString("to_stage"), rs.getLong("stuck"));
                });
        Map<String, BigDecimal> avgDays = new HashMap<>();
        sql(scope(personId) + """
                select x.to_stage, avg(x.seconds) / 86400 as days from (
                  select h.to_stage,
                         extract(epoch from lead(h.changed_at) over (partition by h.opportunity_id order by h.changed_at, h.id))
                           - extract(epoch from h.changed_at) as seconds
                  from stage_history h join opportunity o on o.id = h.opportunity_id%s
                  where o.stage_model = :model and o.in_funnel = true and h.changed_at <= :asOf) x
                where x.seconds is not null
                group by x.to_stage""".formatted(teamJoin(personId)), personId, model, asOf)
                .query(rs -> {
                    avgDays.put(rs.getString("to_stage"), rs.getBigDecimal("days"));
                });
        return FunnelRules.stages(codes, reached, lost, inStage, stuck, avgDays);
    }

    private FunnelRules.Overall overall(StageModel model, String personId, LocalDateTime asOf) {
        long[] counts = new long[2];
        BigDecimal[] won = {BigDecimal.ZERO, BigDecimal.ZERO};
        sql(scope(personId) + """
                select o.status, o.currency, count(*) as deals, sum(o.amount) as total,
                       sum(extract(epoch from o.closed_at) - extract(epoch from o.created_at)) as seconds
                from opportunity o%s
                where o.stage_model = :model and o.in_funnel = true and o.status in ('WON', 'LOST') and o.closed_at <= :asOf
                group by o.status, o.currency""".formatted(teamJoin(personId)), personId, model, asOf)
                .query(rs -> {
                    if ("WON".equals(rs.getString("status"))) {
                        counts[0] += rs.getLong("deals");
                        won[0] = won[0].add(rates.toBase(rs.getString("currency"), rs.getBigDecimal("total")));
                        won[1] = won[1].add(rs.getBigDecimal("seconds"));
                    } else {
                        counts[1] += rs.getLong("deals");
                    }
                });
        return FunnelRules.overall(counts[0], counts[1], won[0], won[1].divide(BigDecimal.valueOf(86400), 6, java.math.RoundingMode.HALF_UP));
    }
}
