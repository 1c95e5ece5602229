package com.salescadence.pipeline;

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
class AccountRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    AccountRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    long insert(String name, AccountTier tier, String industry, String ownerId) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into account (name, name_key, tier, industry, owner_id) values (?, ?, ?, ?, ?)")
                .params(name, AccountService.nameKey(name), tier.name(), industry, ownerId).update(key, "id");
        return key.getKey().longValue();
    }

    /** Accounts of an import, already checked; their ids in order (one batch; the unique name_key still decides). */
    List<Long> insertAll(List<AccountService.NewAccount> accounts) {
        return BatchInserts.withIds(template, "insert into account (name, name_key, tier, industry, owner_id) values (?, ?, ?, ?, ?)",
                accounts.stream().map(a -> (Object[]) new Object[] {a.name().trim(), AccountService.nameKey(a.name()), a.tier().name(), a.industry(),
                        a.ownerId()}).toList());
    }

    Optional<Account> find(long id) {
        return jdbc.sql("select * from account where id = ?").param(id).query(RecordRows.of(Account.class)).optional();
    }

    List<Account> findAll() {
        return jdbc.sql("select * from account order by name").query(RecordRows.of(Account.class)).list();
    }

    List<Account> findByTier(AccountTier tier) {
        return jdbc.sql("select * from account where tier = ? order by id").param(tier.name()).query(RecordRows.of(Account.class)).list();
    }

    List<Account> findByNameKeys(Collection<String> keys) {
        return jdbc.sql("select * from account where lower(trim(name)) in (:keys) order by id")
                .param("keys", keys).query(RecordRows.of(Account.class)).list();
    }

    List<Account> findByOwners(Collection<String> owners) {
        return jdbc.sql("select * from account where owner_id in (:owners) order by name")
                .param("owners", owners).query(RecordRows.of(Account.class)).list();
    }
}
