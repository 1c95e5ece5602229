package com.salescadence.pipeline.deal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.salescadence.pipeline.OpportunityStatus;

/** A deal's editable terms in the opportunity table, the change log (deal_change) and the comments (deal_comment). */
@Repository
class DealChangeRepository {

    private static final RowMapper<DealChange> CHANGES = (rs, row) -> new DealChange(rs.getLong("id"),
            rs.getLong("opportunity_id"), DealField.valueOf(rs.getString("field")), rs.getString("old_value"),
            rs.getString("new_value"), rs.getString("changed_by"), rs.getObject("changed_at", LocalDateTime.class));

    private static final RowMapper<DealComment> COMMENTS = (rs, row) -> new DealComment(rs.getLong("id"),
            rs.getLong("opportunity_id"), rs.getString("author_id"), rs.getString("body"),
            rs.getObject("created_at", LocalDateTime.class));

    private final JdbcClient jdbc;
    /** A deal's terms change with the roll-up's kept figures, in the same transaction. */
    private final com.salescadence.pipeline.KeptFigures figures;

    DealChangeRepository(JdbcClient jdbc, com.salescadence.pipeline.KeptFigures figures) {
        this.jdbc = jdbc;
        this.figures = figures;
    }

    /** The deal's terms, read with a row lock so two edits of one deal are kept one after the other. */
    Optional<DealTerms> termsForUpdate(long opportunityId) {
        return jdbc.sql("select amount, expected_close_date, probability, next_step, status from opportunity where id = ? for update")
                .param(opportunityId)
                .query((rs, row) -> new DealTerms(rs.getBigDecimal("amount"), rs.getObject("expected_close_date", LocalDate.class),
                        rs.getInt("probability"), rs.getString("next_step"), OpportunityStatus.valueOf(rs.getString("status"))))
                .optional();
    }

    Optional<String> nextStep(long opportunityId) {
        return jdbc.sql("select next_step from opportunity where id = ?").param(opportunityId)
                .query((rs, row) -> Optional.ofNullable(rs.getString("next_step"))).optional().flatMap(o -> o);
    }

    /** The next steps written on the given deals, by deal id (deals without one are absent). */
    java.util.Map<Long, String> nextSteps(java.util.Collection<Long> opportunityIds) {
        java.util.Map<Long, String> steps = new java.util.HashMap<>();
        List<Long> ids = List.copyOf(opportunityIds);
        for (int from = 0; from < ids.size(); from += 1000) {
            jdbc.sql("select id, next_step from opportunity where next_step is not null and id in (:ids)")
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + 1000)))
                    .query(rs -> {
                        steps.put(rs.getLong("id"), rs.getString("next_step"));
                    });
        }
        return steps;
    }

    void apply(long opportunityId, FieldChange change) {
        String column = switch (change.field()) {
            case AMOUNT -> "amount";
            case CLOSE_DATE -> "expected_close_date";
            case PROBABILITY -> "probability";
            case NEXT_STEP -> "next_step";
        };
        Object value = change.newValue() == null ? null : switch (change.field()) {
            case AMOUNT -> new BigDecimal(change.newValue());
            case CLOSE_DATE -> LocalDate.parse(change.newValue());
            case PROBABILITY -> Integer.valueOf(change.newValue());
            case NEXT_STEP -> change.newValue();
        };
        figures.change(List.of(opportunityId),
                () -> jdbc.sql("update opportunity set " + column + " = ? where id = ?").params(value, opportunityId).update());
    }

    void insertChange(long opportunityId, FieldChange change, String by, LocalDateTime at) {
        jdbc.sql("""
                insert into deal_change (opportunity_id, field, old_value, new_value, changed_by, changed_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(opportunityId, change.field().name(), change.oldValue(), change.newValue(), by, at).update();
    }

    List<DealChange> changes(long opportunityId) {
        return jdbc.sql("select * from deal_change where opportunity_id = ? order by changed_at, id")
                .param(opportunityId).query(CHANGES).list();
    }

    void insertComment(long opportunityId, String authorId, String body, LocalDateTime at) {
        jdbc.sql("insert into deal_comment (opportunity_id, author_id, body, created_at) values (?, ?, ?, ?)")
                .params(opportunityId, authorId, body, at).update();
    }

    List<DealComment> comments(long opportunityId) {
        return jdbc.sql("select * from deal_comment where opportunity_id = ? order by created_at, id")
                .param(opportunityId).query(COMMENTS).list();
    }
}
