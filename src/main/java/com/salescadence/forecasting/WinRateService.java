package com.salescadence.forecasting;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.salescadence.common.Checks;
import com.salescadence.forecasting.WinRateRules.Estimate;
import com.salescadence.forecasting.WinRateRules.Tally;
import com.salescadence.metrics.MetricsQueries;
import com.salescadence.metrics.Team;
import com.salescadence.organization.Person;
import com.salescadence.pipeline.stage.Stage;
import com.salescadence.pipeline.stage.StageModel;
import com.salescadence.pipeline.stage.StageModelCatalog;

/**
 * Learned stage win rates of the active stage model as of the end of a date (issue 16): for the company, for every
 * team (the branch of each manager) in the person's branch, and for every person in it, each stage's tally counted by
 * one query per owner and stage as {@link StageOutcomes} states the rule, summed up the branches in memory and shrunk
 * towards the configured rate by {@link WinRateRules}.
 */
@Service
@Transactional(readOnly = true)
public class WinRateService {

    public enum Level { COMPANY, TEAM, PERSON }

    public record StageInfo(String code, String name, String nameZh, int configuredPercent) {
    }

    public record StageRate(String stage, int decided, int won, double rate, double low, double high) {
        static StageRate of(String stage, Estimate e) {
            return new StageRate(stage, e.decided(), e.won(), round(e.rate()), round(e.low()), round(e.high()));
        }
    }

    public record Rates(Level level, String personId, String name, List<StageRate> stages) {
    }

    public record WinRates(String personId, String stageModel, LocalDate asOf, double priorStrength, double interval,
                           List<StageInfo> stages, List<Rates> rates) {
    }

    private final JdbcClient jdbc;
    private final MetricsQueries queries;
    private final StageModelCatalog stageModels;
    private final ForecastingSettings settings;
    private final Clock clock;

    WinRateService(JdbcClient jdbc, MetricsQueries queries, StageModelCatalog stageModels, ForecastingSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.stageModels = stageModels;
        this.settings = settings;
        this.clock = clock;
    }

    /** The rates learned from the deals closed by the end of {@code date} (default today). */
    public WinRates winRates(Person person, LocalDate date) {
        LocalDate today = LocalDate.now(clock);
        LocalDate day = date == null ? today : date;
        Checks.start().require(!day.isAfter(today), "日期 " + day + " 在未来：输赢结果只知道到今天。 / date " + day
                + " is in the future; outcomes are known up to today.").orThrow();
        StageModel model = stageModels.active();
        List<Stage> open = model.stages().stream().filter(Stage::isOpen).toList();
        Map<String, Map<String, Tally>> byOwner = tallies(model, day.plusDays(1).atStartOfDay().minusNanos(1_000));
        Team team = queries.team(person.id());
        List<Rates> rates = new ArrayList<>();
        rates.add(new Rates(Level.COMPANY, null, null, estimates(open, sum(byOwner, byOwner.keySet()))));
        for (String id : team.branch(person.id())) {
            Team.Member member = team.member(id);
            if (team.hasReports(id)) {
                rates.add(new Rates(Level.TEAM, id, member.fullName(), estimates(open, sum(byOwner, team.branch(id)))));
            }
        }
        for (String id : team.branch(person.id())) {
            rates.add(new Rates(Level.PERSON, id, team.member(id).fullName(), estimates(open, sum(byOwner, List.of(id)))));
        }
        List<StageInfo> stages = open.stream().map(s -> new StageInfo(s.code(), s.name(), s.name("zh"), s.winRate())).toList();
        return new WinRates(person.id(), model.id(), day, settings.priorStrength(), WinRateRules.UPPER - WinRateRules.LOWER, stages, rates);
    }

    /**
     * The learned rates weighing each owner's deals of the model, from the deals closed by the end of {@code day}: two
     * statements (the tallies, everyone's manager), whatever the number of owners asked about afterwards.
     */
    public LearnedRates learnedRates(StageModel model, LocalDate day) {
        Map<String, Map<String, Tally>> byOwner = tallies(model, day.plusDays(1).atStartOfDay().minusNanos(1_000));
        return new LearnedRates(new HierarchyTallies(byOwner, managers()), settings.priorStrength(), settings.minDeals());
    }

    /** Per owner and open stage: the verdicts (won or lost by {@code asOf}) of in-funnel deals that entered it, once per deal. */
    Map<String, Map<String, Tally>> tallies(StageModel model, LocalDateTime asOf) {
        Map<String, Map<String, Tally>> byOwner = new HashMap<>();
        jdbc.sql("""
                select o.owner_id, h.to_stage, count(distinct o.id) as decided,
                       count(distinct case when o.status = 'WON' then o.id end) as won
                from stage_history h join opportunity o on o.id = h.opportunity_id
                where o.stage_model = :model and o.in_funnel = true and o.status in ('WON', 'LOST') and o.closed_at <= :asOf
                  and h.changed_at <= :asOf and h.to_stage in (:open)
                group by o.owner_id, h.to_stage""")
                .param("model", model.id()).param("asOf", asOf)
                .param("open", model.stages().stream().filter(Stage::isOpen).map(Stage::code).toList())
                .query(rs -> {
                    byOwner.computeIfAbsent(rs.getString("owner_id"), k -> new HashMap<>())
                            .put(rs.getString("to_stage"), new Tally(rs.getInt("decided"), rs.getInt("won")));
                });
        return byOwner;
    }

    /** Everyone's manager (null at the top): the hierarchy a thin owner's learned rate falls back up ({@link HierarchyTallies}). */
    Map<String, String> managers() {
        Map<String, String> managerOf = new HashMap<>();
        jdbc.sql("select id, manager_id from person").query(rs -> {
            managerOf.put(rs.getString("id"), rs.getString("manager_id"));
        });
        return managerOf;
    }

    static Map<String, Tally> sum(Map<String, Map<String, Tally>> byOwner, Iterable<String> owners) {
        Map<String, Tally> total = new HashMap<>();
        for (String owner : owners) {
            byOwner.getOrDefault(owner, Map.of()).forEach((stage, tally) -> total.merge(stage, tally, Tally::plus));
        }
        return total;
    }

    private List<StageRate> estimates(List<Stage> open, Map<String, Tally> tallies) {
        return open.stream().map(s -> StageRate.of(s.code(), WinRateRules.estimate(tallies.getOrDefault(s.code(), Tally.NONE),
                s.winRate() / 100.0, settings.priorStrength()))).toList();
    }

    private static double round(double share) {
        return Math.round(share * 10_000) / 10_000.0;
    }
}
