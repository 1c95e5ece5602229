package com.salescadence.pipeline;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import com.salescadence.common.RecordRows;

@Repository
class ContactRepository {

    private final JdbcClient jdbc;

    ContactRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long accountId, String name, String title, String email, String phone, String ownerId) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into contact (account_id, name, title, email, phone, owner_id) values (?, ?, ?, ?, ?, ?)")
                .params(accountId, name, title, email, phone, ownerId).update(key, "id");
        return key.getKey().longValue();
    }

    /** Whether the account has a contact with that email, or (without an email) that name; case ignored. */
    boolean exists(long accountId, String email, String name) {
        if (email != null && !email.isBlank()) {
            return jdbc.sql("select count(*) from contact where account_id = ? and lower(email) = ?")
                    .params(accountId, email.trim().toLowerCase(java.util.Locale.ROOT)).query(Long.class).single() > 0;
        }
        return jdbc.sql("select count(*) from contact where account_id = ? and email is null and lower(name) = ?")
                .params(accountId, name.trim().toLowerCase(java.util.Locale.ROOT)).query(Long.class).single() > 0;
    }

    List<Contact> findByAccount(long accountId) {
        return jdbc.sql("select * from contact where account_id = ? order by name, id").param(accountId)
                .query(RecordRows.of(Contact.class)).list();
    }
}
