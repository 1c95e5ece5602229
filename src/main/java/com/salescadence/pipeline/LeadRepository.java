package com.salescadence.pipeline;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import com.salescadence.common.BatchInserts;
import com.salescadence.common.RecordRows;

@Repository
class LeadRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    LeadRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    long insert(NewLead lead, String currency, LocalDateTime now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into lead (account_id, owner_id, title, source, estimated_amount, currency, status, created_at)
                values (?, ?, ?, ?, ?, ?, 'OPEN', ?)""")
                .params(lead.accountId(), lead.ownerId(), lead.title(), lead.source(), lead.estimatedAmount(), currency, now)
                .update(key, "id");
        return key.getKey().longValue();
    }

    /** A lead already converted to an opportunity elsewhere (an imported open deal). */
    /** Leads converted at once (imported open deals), with the currency of each; their ids in order (one batch). */
    List<Long> insertConverted(List<NewLead> leads, List<String> currencies, LocalDateTime now) {
        List<Object[]> rows = new java.util.ArrayList<>(leads.size());
        for (int i = 0; i < leads.size(); i++) {
            NewLead lead = leads.get(i);
            rows.add(new Object[] {lead.accountId(), lead.ownerId(), lead.title(), lead.source(), lead.estimatedAmount(), currencies.get(i), now, now});
        }
        return BatchInserts.withIds(template, """
                insert into lead (account_id, owner_id, title, source, estimated_amount, currency, status, created_at, decided_at)
                values (?, ?, ?, ?, ?, ?, 'CONVERTED', ?, ?)""", rows);
    }

    /**
     * Whether the owner has an open lead of this title on the account, read after locking the account's row: two
     * identical requests at once (a double click) then see one another's lead instead of both inserting one.
     */
    boolean openLeadExists(long accountId, String ownerId, String title) {
        jdbc.sql("select id from account where id = ? for update").param(accountId).query(Long.class).optional();
        return jdbc.sql("select count(*) from lead where account_id = ? and owner_id = ? and status = 'OPEN' and lower(title) = lower(?)")
                .param(accountId).param(ownerId).param(title.trim()).query(Long.class).single() > 0;
    }

    Optional<Lead> find(long id) {
        return jdbc.sql("select * from lead where id = ?").param(id).query(RecordRows.of(Lead.class)).optional();
    }

    List<Lead> findAll() {
        return jdbc.sql("select * from lead order by id desc").query(RecordRows.of(Lead.class)).list();
    }

    List<Lead> findByOwners(Collection<String> owners) {
        return jdbc.sql("select * from lead where owner_id in (:owners) order by id desc")
                .param("owners", owners).query(RecordRows.of(Lead.class)).list();
    }

    void recordQualification(long id, Qualification q, LeadStatus status, LocalDateTime now) {
        jdbc.sql("""
                update lead set status = ?, budget = ?, authority = ?, need = ?, timeline = ?, disqualify_reason = ?,
                decided_at = ? where id = ? and status = 'OPEN'""")
                .params(status.name(), q.budget(), q.authority(), q.need(), q.timeline(), q.disqualifyReason(), now, id)
                .update();
    }
}
