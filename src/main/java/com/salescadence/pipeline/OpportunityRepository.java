package com.salescadence.pipeline;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import com.salescadence.common.BatchInserts;
import com.salescadence.common.RecordRows;

/** Opportunities with their evidence, advance requests and stage history. */
@Repository
class OpportunityRepository {

    /**
     * Reads a row by its column names. query(Opportunity.class) (and DataClassRowMapper) first look each property
     * up by its camelCase name, and the driver builds an SQLException for every miss, per row: the fan-out's and
     * the roll-up's hot spot in the benchmark (docs/benchmark.md).
     */
    private static final RowMapper<Opportunity> ROWS = (rs, row) -> new Opportunity(rs.getLong("id"),
            rs.getObject("lead_id", Long.class), rs.getLong("account_id"), rs.getString("owner_id"), rs.getString("name"),
            rs.getBigDecimal("amount"), rs.getString("currency"), rs.getObject("expected_close_date", LocalDate.class),
            rs.getString("stage_model"), rs.getString("stage_code"), rs.getInt("probability"),
            OpportunityStatus.valueOf(rs.getString("status")), rs.getBoolean("in_funnel"), rs.getString("go_decision"),
            rs.getString("loss_reason"), rs.getObject("created_at", LocalDateTime.class),
            rs.getObject("stage_entered_at", LocalDateTime.class), rs.getObject("closed_at", LocalDateTime.class));

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    /** Every write below keeps the roll-up's figures (pipeline_figure) in its transaction. */
    private final KeptFigures figures;

    OpportunityRepository(JdbcClient jdbc, JdbcTemplate template, KeptFigures figures) {
        this.jdbc = jdbc;
        this.template = template;
        this.figures = figures;
    }

    long insert(Long leadId, long accountId, String ownerId, String name, BigDecimal amount, String currency,
                LocalDate expectedClose, String stageModel, String stageCode, int probability, boolean inFunnel,
                LocalDateTime now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into opportunity (lead_id, account_id, owner_id, name, amount, currency, expected_close_date,
                  stage_model, stage_code, probability, status, in_funnel, created_at, stage_entered_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?)""")
                .params(leadId, accountId, ownerId, name, amount, currency, expectedClose, stageModel, stageCode,
                        probability, inFunnel, now, now)
                .update(key, "id");
        long id = key.getKey().longValue();
        figures.added(List.of(id));
        return id;
    }

    /** An imported deal as stored: its lead (open deals), stage, claimable probability, status and times. */
    record ImportedRow(Long leadId, ImportedDeal deal, String stageModel, String stageCode, int probability, OpportunityStatus status,
                       boolean inFunnel, LocalDateTime createdAt, LocalDateTime enteredAt, LocalDateTime closedAt) {
    }

    /** The rows' ids, in order (one batch). */
    List<Long> insertImported(List<ImportedRow> rows) {
        List<Long> ids = BatchInserts.withIds(template, """
                insert into opportunity (lead_id, account_id, owner_id, name, amount, currency, expected_close_date,
                  stage_model, stage_code, probability, status, in_funnel, loss_reason, created_at, stage_entered_at, closed_at,
                  import_ref)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows.stream().map(r -> (Object[]) new Object[] {r.leadId(),
                r.deal().accountId(), r.deal().ownerId(), r.deal().name(), r.deal().amount(), r.deal().currency(),
                r.deal().expectedCloseDate(), r.stageModel(), r.stageCode(), r.probability(), r.status().name(), r.inFunnel(),
                r.deal().lossReason(), r.createdAt(), r.enteredAt(), r.closedAt(), ImportedDeal.refKey(r.deal().importRef())}).toList());
        figures.added(ids);
        return ids;
    }

    /** Each imported deal's first stage history entry: into its stage when it entered it (one batch). */
    void addFirstHistory(List<Long> ids, List<ImportedRow> rows, String by, String note) {
        List<Object[]> history = new java.util.ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            ImportedRow row = rows.get(i);
            history.add(new Object[] {ids.get(i), null, row.stageCode(), row.probability(), by, row.enteredAt(), note});
        }
        BatchInserts.all(template, """
                insert into stage_history (opportunity_id, from_stage, to_stage, probability, changed_by, changed_at, note)
                values (?, ?, ?, ?, ?, ?, ?)""", history);
    }

    /** These opportunities (in no particular order), 500 ids to a query. */
    List<Opportunity> findByIds(List<Long> ids) {
        List<Opportunity> found = new java.util.ArrayList<>(ids.size());
        for (int from = 0; from < ids.size(); from += 500) {
            found.addAll(jdbc.sql("select * from opportunity where id in (:ids)")
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + 500))).query(ROWS).list());
        }
        return found;
    }

    /** Whether the account already has a deal of that name (case and surrounding blanks ignored). */
    boolean existsOnAccount(long accountId, String name) {
        return jdbc.sql("select count(*) from opportunity where account_id = ? and lower(trim(name)) = ?")
                .params(accountId, name.trim().toLowerCase(java.util.Locale.ROOT)).query(Long.class).single() > 0;
    }

    Optional<Opportunity> find(long id) {
        return jdbc.sql("select * from opportunity where id = ?").param(id).query(ROWS).optional();
    }

    List<Opportunity> findAll() {
        return jdbc.sql("select * from opportunity order by id desc").query(ROWS).list();
    }

    List<Opportunity> findOpen(String owner, Collection<Long> ids) {
        return jdbc.sql("select * from opportunity where owner_id = :owner and status = 'OPEN' and id in (:ids)")
                .param("owner", owner).param("ids", ids).query(ROWS).list();
    }

    List<Opportunity> findByOwners(Collection<String> owners) {
        return jdbc.sql("select * from opportunity where owner_id in (:owners) order by id desc")
                .param("owners", owners).query(ROWS).list();
    }

    void moveStage(long id, String stageCode, int probability, OpportunityStatus status, LocalDateTime now) {
        figures.change(List.of(id), () -> jdbc.sql("""
                update opportunity set stage_code = ?, probability = ?, status = ?, stage_entered_at = ?,
                  closed_at = case when ? = 'OPEN' then null else ? end
                where id = ?""")
                .params(stageCode, probability, status.name(), now, status.name(), now, id).update());
    }

    void recordLoss(long id, String lostStage, String reason, LocalDateTime now) {
        figures.change(List.of(id), () -> jdbc.sql("""
                update opportunity set stage_code = ?, probability = 0, status = 'LOST', loss_reason = ?,
                  stage_entered_at = ?, closed_at = ? where id = ?""")
                .params(lostStage, reason, now, now, id).update());
    }

    void recordGoDecision(long id, String decision) {
        figures.change(List.of(id), () -> jdbc.sql("update opportunity set go_decision = ? where id = ?").params(decision, id).update());
    }

    void addHistory(long opportunityId, String from, String to, int probability, String by, LocalDateTime at, String note) {
        jdbc.sql("""
                insert into stage_history (opportunity_id, from_stage, to_stage, probability, changed_by, changed_at, note)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(opportunityId, from, to, probability, by, at, note).update();
    }

    List<StageChange> history(long opportunityId) {
        return jdbc.sql("select * from stage_history where opportunity_id = ? order by changed_at, id")
                .param(opportunityId).query(RecordRows.of(StageChange.class)).list();
    }

    void addEvidence(long opportunityId, String stageCode, String outcomeCode, String evidence, String by, LocalDateTime at) {
        jdbc.sql("""
                insert into stage_evidence (opportunity_id, stage_code, outcome_code, evidence, recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(opportunityId, stageCode, outcomeCode, evidence, by, at).update();
    }

    List<StageEvidence> evidence(long opportunityId) {
        return jdbc.sql("select * from stage_evidence where opportunity_id = ? order by recorded_at, id")
                .param(opportunityId).query(RecordRows.of(StageEvidence.class)).list();
    }

    long insertAdvanceRequest(long opportunityId, String from, String to, int claimed, String by, LocalDateTime at,
                              String approverId) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into advance_request (opportunity_id, from_stage, to_stage, claimed_probability, requested_by,
                  requested_at, approver_id, status) values (?, ?, ?, ?, ?, ?, ?, 'PENDING')""")
                .params(opportunityId, from, to, claimed, by, at, approverId).update(key, "id");
        return key.getKey().longValue();
    }

    Optional<AdvanceRequest> pendingAdvanceRequest(long opportunityId) {
        return jdbc.sql("select * from advance_request where opportunity_id = ? and status = 'PENDING' order by id desc")
                .param(opportunityId).query(RecordRows.of(AdvanceRequest.class)).optional();
    }

    Optional<AdvanceRequest> lastAdvanceRequest(long opportunityId) {
        return jdbc.sql("select * from advance_request where opportunity_id = ? order by id desc")
                .param(opportunityId).query(RecordRows.of(AdvanceRequest.class)).list().stream().findFirst();
    }

    List<AdvanceRequest> advanceRequests(long opportunityId) {
        return jdbc.sql("select * from advance_request where opportunity_id = ? order by id")
                .param(opportunityId).query(RecordRows.of(AdvanceRequest.class)).list();
    }

    void decideAdvanceRequest(long requestId, String status, String comment, LocalDateTime at) {
        jdbc.sql("update advance_request set status = ?, decision_comment = ?, decided_at = ? where id = ? and status = 'PENDING'")
                .params(status, comment, at, requestId).update();
    }

    void cancelPendingRequests(long opportunityId, String comment, LocalDateTime at) {
        jdbc.sql("update advance_request set status = 'CANCELLED', decision_comment = ?, decided_at = ? where opportunity_id = ? and status = 'PENDING'")
                .params(comment, at, opportunityId).update();
    }
}
