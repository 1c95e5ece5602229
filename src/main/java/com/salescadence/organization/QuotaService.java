package com.salescadence.organization;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.salescadence.common.Checks;
import com.salescadence.common.RecordRows;

/** Quotas and stretch targets per person and quarter. */
@Service
@Transactional
public class QuotaService {

    private final JdbcClient jdbc;

    QuotaService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The key of the quarter a date falls in, e.g. 2026-Q4. */
    public static String quarterOf(LocalDate date) {
        return date.getYear() + "-Q" + ((date.getMonthValue() - 1) / 3 + 1);
    }

    public Quota set(String personId, String periodKey, BigDecimal quota, BigDecimal stretch, String currency) {
        Checks.start()
                .require(periodKey != null && periodKey.matches("\\d{4}-Q[1-4]"), "Period must look like 2026-Q4.")
                .positiveAmount(quota, "Quota")
                .positiveAmount(stretch, "Stretch target")
                .require(quota == null || stretch == null || stretch.compareTo(quota) >= 0, "The stretch target must be at least the quota.")
                .orThrow();
        jdbc.sql("delete from quota where person_id = ? and period_key = ?").params(personId, periodKey).update();
        jdbc.sql("insert into quota (person_id, period_key, quota_amount, stretch_amount, currency) values (?, ?, ?, ?, ?)")
                .params(personId, periodKey, quota, stretch, currency).update();
        return new Quota(personId, periodKey, quota, stretch, currency);
    }

    /** Removes a person's own quota of a period (a manager's quota is then the sum of their reports'); whether one existed. */
    public boolean remove(String personId, String periodKey) {
        return jdbc.sql("delete from quota where person_id = ? and period_key = ?").params(personId, periodKey).update() > 0;
    }

    @Transactional(readOnly = true)
    public Optional<Quota> find(String personId, String periodKey) {
        return jdbc.sql("select * from quota where person_id = ? and period_key = ?")
                .params(personId, periodKey).query(RecordRows.of(Quota.class)).optional();
    }

    /** The quotas of these people for a period, by person. */
    @Transactional(readOnly = true)
    public java.util.Map<String, Quota> find(java.util.Collection<String> people, String periodKey) {
        java.util.Map<String, Quota> found = new java.util.HashMap<>();
        if (!people.isEmpty()) {
            jdbc.sql("select * from quota where period_key = :period and person_id in (:people)")
                    .param("period", periodKey).param("people", people).query(RecordRows.of(Quota.class)).list()
                    .forEach(q -> found.put(q.personId(), q));
        }
        return found;
    }

    @Transactional(readOnly = true)
    public List<Quota> forPeriod(String periodKey) {
        return jdbc.sql("select * from quota where period_key = ? order by person_id").param(periodKey).query(RecordRows.of(Quota.class)).list();
    }
}
