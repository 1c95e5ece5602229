package com.salescadence.forecasting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.salescadence.common.CurrencyRates;
import com.salescadence.metrics.CategoryRules;
import com.salescadence.metrics.MetricsQueries;
import com.salescadence.metrics.Periods;
import com.salescadence.metrics.Team;
import com.salescadence.organization.Person;
import com.salescadence.pipeline.stage.Stage;
import com.salescadence.pipeline.stage.StageModel;
import com.salescadence.pipeline.stage.StageModelCatalog;

/**
 * The three forecasts of a person's branch side by side (issue 16, item 2), over the open funnel deals expected to
 * close by the end of the date's quarter (the metrics' forecast scope): amount x the configured rate, x the learned rate
 * ({@link LearnedRateChooser}: the owner's, up the hierarchy when thin; learned from the deals closed by the date), and
 * x the rep's claimed probability; with the branch's commit of the date's week (final, as rolled up) and the quarter's
 * booked sales so far. {@code method} names the one the setting makes "the forecast".
 */
@Service
@Transactional(readOnly = true)
public class ForecastService {

    public record Forecasts(String personId, LocalDate date, String quarter, ForecastMethod method, BigDecimal configured,
                            BigDecimal learned, BigDecimal claimed, BigDecimal commit, BigDecimal booked, BigDecimal openAmount) {
    }

    private final JdbcClient jdbc;
    private final MetricsQueries queries;
    private final WinRateService winRates;
    private final StageModelCatalog stageModels;
    private final ForecastingSettings settings;
    private final CurrencyRates rates;
    private final Clock clock;

    ForecastService(JdbcClient jdbc, MetricsQueries queries, WinRateService winRates, StageModelCatalog stageModels,
                    ForecastingSettings settings, CurrencyRates rates, Clock clock) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.winRates = winRates;
        this.stageModels = stageModels;
        this.settings = settings;
        this.rates = rates;
        this.clock = clock;
    }

    public Forecasts forecasts(Person person, LocalDate date) {
        Periods p = Periods.of(date == null ? LocalDate.now(clock) : date);
        StageModel model = stageModels.active();
        String id = person.id();
        Team branch = queries.team(id);
        LearnedRates learnedRates = winRates.learnedRates(model, p.date());
        BigDecimal[] sums = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
        jdbc.sql(queries.teamSql() + """
                select o.owner_id, o.stage_code, o.currency, sum(o.amount) as total, sum(o.amount * o.probability) as claimed
                from opportunity o join team t on t.id = o.owner_id
                where o.status = 'OPEN' and o.in_funnel = true and o.stage_model = :model and o.expected_close_date < :until
                group by o.owner_id, o.stage_code, o.currency""")
                .param("person", id).param("model", model.id()).param("until", p.quarterEnd())
                .query(rs -> {
                    Stage stage = model.find(rs.getString("stage_code")).orElse(null);
                    if (stage == null || !stage.isOpen()) {
                        return;
                    }
                    String owner = rs.getString("owner_id");
                    BigDecimal amount = rates.toBase(rs.getString("currency"), rs.getBigDecimal("total"));
                    BigDecimal claimed = rates.toBase(rs.getString("currency"), rs.getBigDecimal("claimed")).movePointLeft(2);
                    double learned = learnedRates.rate(owner, stage);
                    sums[0] = sums[0].add(amount.multiply(BigDecimal.valueOf(stage.winRate())).movePointLeft(2));
                    sums[1] = sums[1].add(amount.multiply(BigDecimal.valueOf(learned)));
                    sums[2] = sums[2].add(claimed);
                    sums[3] = sums[3].add(amount);
                });
        BigDecimal booked = branch.sum(id, queries.won(id, p.quarterStart().atStartOfDay(), p.quarterToDateEnd().atStartOfDay()));
        Long cycle = queries.weeklyCycles(p.weekStart(), p.weekStart().plusDays(1)).get(p.weekStart());
        BigDecimal commit = cycle == null ? null : CategoryRules.compute(branch, queries.commits(id, cycle)).get(id).commit().fin();
        return new Forecasts(id, p.date(), p.quarterKey(), settings.method(), money(sums[0]), money(sums[1]), money(sums[2]),
                commit == null ? null : money(commit), money(booked), money(sums[3]));
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
