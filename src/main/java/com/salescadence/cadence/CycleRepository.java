package com.salescadence.cadence;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import com.salescadence.common.RecordRows;

@Repository
class CycleRepository {

    private final JdbcClient jdbc;

    CycleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(Cadence cadence, String key, LocalDateTime startsAt, LocalDate from, LocalDate to, String processInstanceId) {
        GeneratedKeyHolder id = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into cadence_cycle (cadence, cycle_key, starts_at, period_start, period_end, process_instance_id)
                values (?, ?, ?, ?, ?, ?)""")
                .params(cadence.name(), key, startsAt, from, to, processInstanceId).update(id, "id");
        return id.getKey().longValue();
    }

    Optional<Cycle> find(long id) {
        return jdbc.sql("select * from cadence_cycle where id = ?").param(id).query(RecordRows.of(Cycle.class)).optional();
    }

    Optional<Cycle> find(Cadence cadence, String key) {
        return jdbc.sql("select * from cadence_cycle where cadence = ? and cycle_key = ?")
                .params(cadence.name(), key).query(RecordRows.of(Cycle.class)).optional();
    }

    Optional<Cycle> previous(Cadence cadence, LocalDate before) {
        return jdbc.sql("select * from cadence_cycle where cadence = ? and period_start < ? order by period_start desc fetch first 1 rows only")
                .params(cadence.name(), before).query(RecordRows.of(Cycle.class)).optional();
    }

    List<Cycle> recent(Cadence cadence, int limit) {
        return jdbc.sql("select * from cadence_cycle where cadence = ? order by period_start desc fetch first " + limit + " rows only")
                .param(cadence.name()).query(RecordRows.of(Cycle.class)).list();
    }
}
