package com.salescadence.imports;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.salescadence.organization.OrganizationService;
import com.salescadence.organization.Person;
import com.salescadence.pipeline.Account;
import com.salescadence.pipeline.AccountService;
import com.salescadence.pipeline.ContactService;
import com.salescadence.pipeline.OpportunityService;

/** Validation's look-ups, answered by the organization and pipeline services. */
@Component
class DatabaseLookups implements ImportLookups {

    private final OrganizationService organization;
    private final AccountService accounts;
    private final ContactService contacts;
    private final OpportunityService opportunities;

    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    DatabaseLookups(OrganizationService organization, AccountService accounts, ContactService contacts,
                    OpportunityService opportunities, org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.organization = organization;
        this.accounts = accounts;
        this.contacts = contacts;
        this.opportunities = opportunities;
    }

    @Override
    public Optional<Person> person(String id) {
        return organization.findPerson(id);
    }

    @Override
    public boolean loginTaken(String id) {
        return organization.loginTaken(id);
    }

    @Override
    public Optional<Person> personByEmail(String email) {
        List<String> ids = jdbc.sql("select id from person where active = true and lower(email) = ?")
                .param(email.trim().toLowerCase(java.util.Locale.ROOT)).query(String.class).list();
        return ids.size() == 1 ? organization.findPerson(ids.get(0)) : Optional.empty();
    }

    @Override
    public List<Account> accountsNamed(Collection<String> names) {
        return accounts.findByNames(names);
    }

    @Override
    public boolean contactExists(long accountId, String email, String name) {
        return contacts.exists(accountId, email, name);
    }

    @Override
    public boolean commitExists(String personId, java.time.LocalDate monday) {
        return jdbc.sql("""
                select count(*) from commit_report r join cadence_cycle c on c.id = r.cycle_id
                where r.person_id = ? and c.cadence = 'WEEKLY_COMMIT' and c.period_start = ?""")
                .params(personId, monday).query(Long.class).single() > 0;
    }

    @Override
    public List<StoredDeal> storedDeals(String refOrName) {
        String key = com.salescadence.pipeline.ImportedDeal.refKey(refOrName);
        String select = """
                select o.id, o.name, o.owner_id, o.status, o.closed_at, o.amount, o.currency,
                  (select count(*) from sales_order s where s.opportunity_id = o.id) orders
                from opportunity o where """;
        org.springframework.jdbc.core.RowMapper<StoredDeal> rows = (rs, n) -> new StoredDeal(rs.getLong("id"), rs.getString("name"),
                rs.getString("owner_id"), rs.getString("status"), rs.getTimestamp("closed_at") == null ? null
                : rs.getTimestamp("closed_at").toLocalDateTime().toLocalDate(), rs.getBigDecimal("amount"), rs.getString("currency"),
                rs.getLong("orders") > 0);
        List<StoredDeal> byRef = jdbc.sql(select + " o.import_ref = ? order by o.id").param(key).query(rows).list();
        return !byRef.isEmpty() ? byRef : jdbc.sql(select + " lower(trim(o.name)) = ? order by o.id").param(key).query(rows).list();
    }

    @Override
    public boolean opportunityExists(long accountId, String name) {
        return opportunities.existsOnAccount(accountId, name);
    }
}
