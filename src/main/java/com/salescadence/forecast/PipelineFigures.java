package com.salescadence.forecast;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.salescadence.pipeline.stage.StageModel;
import com.salescadence.pipeline.stage.StageModelCatalog;

/**
 * Sums of the pipeline, aggregated in the database: booked sales in a period, the weighted forecast
 * (open amount x the stage's win rate, from the stage model), orders and their unfulfilled part.
 */
@Service
@Transactional(readOnly = true)
public class PipelineFigures {

    private final JdbcClient jdbc;
    private final StageModelCatalog stageModels;

    PipelineFigures(JdbcClient jdbc, StageModelCatalog stageModels) {
        this.jdbc = jdbc;
        this.stageModels = stageModels;
    }

    /** Won deals closed in [from, to), out-of-funnel sales included. */
    public BigDecimal booked(Collection<String> owners, LocalDate from, LocalDate to) {
        if (owners.isEmpty()) {
            return BigDecimal.ZERO;
        }
        return jdbc.sql("""
                select coalesce(sum(amount), 0) from opportunity
                where status = 'WON' and owner_id in (:owners) and closed_at >= :from and closed_at < :to""")
                .param("owners", owners).param("from", from.atStartOfDay()).param("to", to.atStartOfDay())
                .query(BigDecimal.class).single();
    }

    /** Sum over open deals expected to close in [from, to) of amount x the win rate of their stage. */
    public BigDecimal weightedOpen(Collection<String> owners, LocalDate from, LocalDate to) {
        if (owners.isEmpty()) {
            return BigDecimal.ZERO;
        }
        Map<String, BigDecimal> byStage = new HashMap<>();
        jdbc.sql("""
                select stage_model, stage_code, sum(amount) as total from opportunity
                where status = 'OPEN' and owner_id in (:owners) and expected_close_date >= :from and expected_close_date < :to
                group by stage_model, stage_code""")
                .param("owners", owners).param("from", from).param("to", to)
                .query(rs -> {
                    byStage.put(rs.getString("stage_model") + "/" + rs.getString("stage_code"), rs.getBigDecimal("total"));
                });
        BigDecimal total = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal> entry : byStage.entrySet()) {
            String[] key = entry.getKey().split("/", 2);
            StageModel model = stageModels.model(key[0]);
            int winRate = model.find(key[1]).map(s -> s.winRate()).orElse(0);
            total = total.add(entry.getValue().multiply(BigDecimal.valueOf(winRate)).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP));
        }
        return total;
    }

    /** Orders of these owners' deals (refused credit excluded): all, and those not yet paid. */
    public Orders orders(Collection<String> owners) {
        if (owners.isEmpty()) {
            return new Orders(BigDecimal.ZERO, BigDecimal.ZERO);
        }
        return jdbc.sql("""
                select coalesce(sum(o.amount), 0) as total,
                       coalesce(sum(case when o.status <> 'PAID' then o.amount else 0 end), 0) as unfulfilled
                from sales_order o join opportunity d on d.id = o.opportunity_id
                where d.owner_id in (:owners) and o.status <> 'CREDIT_REFUSED'""")
                .param("owners", owners)
                .query((rs, row) -> new Orders(rs.getBigDecimal("total"), rs.getBigDecimal("unfulfilled"))).single();
    }

    public record Orders(BigDecimal total, BigDecimal unfulfilled) {
    }
}
