package com.salescadence.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.salescadence.pipeline.OpportunityStatus;

class RecordRowsTest {

    record Row(long id, String ownerId, BigDecimal amount, LocalDate expectedCloseDate, LocalDateTime closedAt,
               OpportunityStatus status, boolean inFunnel, Integer probability, String notSelected) {
    }

    @Test
    void maps_columns_by_their_snake_case_names_and_leaves_unselected_components_empty() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:record-rows;DB_CLOSE_DELAY=-1");
        JdbcClient jdbc = JdbcClient.create(h2);
        jdbc.sql("create table t (id bigint, owner_id varchar(20), amount numeric(19,2), expected_close_date date, "
                + "closed_at timestamp, status varchar(10), in_funnel boolean, probability integer)").update();
        jdbc.sql("insert into t values (7, 'rep.xu', 120000.50, date '2026-12-04', null, 'OPEN', true, null)").update();

        List<Row> rows = jdbc.sql("select * from t").query(RecordRows.of(Row.class)).list();

        assertThat(rows).containsExactly(new Row(7, "rep.xu", new BigDecimal("120000.50"), LocalDate.of(2026, 12, 4), null,
                OpportunityStatus.OPEN, true, null, null));
    }

    @Test
    void camel_case_becomes_snake_case() {
        assertThat(RecordRows.snakeCase("expectedCloseDate")).isEqualTo("expected_close_date");
        assertThat(RecordRows.snakeCase("id")).isEqualTo("id");
        assertThat(RecordRows.snakeCase("amount1")).isEqualTo("amount1");
    }
}
