package com.salescadence.organization;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PersonRepository {

    private static final String COLUMNS = "id, full_name, email, role, manager_id, title";

    /** Ids per IN list: well below PostgreSQL's limit of 32,767 parameters per statement. */
    static final int CHUNK = 1_000;

    private final JdbcClient jdbc;
    private final ManagerChains chains;

    PersonRepository(JdbcClient jdbc, ManagerChains chains) {
        this.jdbc = jdbc;
        this.chains = chains;
    }

    List<Person> findAll() {
        return jdbc.sql("select " + COLUMNS + " from person where active order by id").query(this::map).list();
    }

    Optional<Person> findById(String id) {
        return jdbc.sql("select " + COLUMNS + " from person where id = ? and active").param(id).query(this::map).optional();
    }

    List<Person> findByRole(Role role) {
        return jdbc.sql("select " + COLUMNS + " from person where role = ? and active order by id")
                .param(role.name()).query(this::map).list();
    }

    List<Person> findByRole(Role role, int offset, int limit) {
        return jdbc.sql("select " + COLUMNS + " from person where role = ? and active order by id offset ? rows fetch next ? rows only")
                .params(role.name(), offset, limit).query(this::map).list();
    }

    List<Person> findDirectReports(String managerId) {
        return jdbc.sql("select " + COLUMNS + " from person where manager_id = ? and active order by id")
                .param(managerId).query(this::map).list();
    }

    /** The active direct reports of these managers, ordered by id (in chunks of 1,000 managers per query). */
    List<Person> findDirectReports(java.util.Collection<String> managerIds) {
        List<String> ids = List.copyOf(managerIds);
        List<Person> found = new java.util.ArrayList<>();
        for (int i = 0; i < ids.size(); i += CHUNK) {
            found.addAll(jdbc.sql("select " + COLUMNS + " from person where manager_id in (:managers) and active order by id")
                    .param("managers", ids.subList(i, Math.min(ids.size(), i + CHUNK))).query(this::map).list());
        }
        return found;
    }

    /**
     * The active person and, nearest first, each active manager above them (following manager_id), in one
     * recursive query: at most {@code depth} levels above the person (a cycle in the lines repeats until then).
     */
    List<Person> findChainUp(String id, int depth) {
        return jdbc.sql("""
                with recursive up (id, full_name, email, role, manager_id, title, depth) as (
                  select id, full_name, email, role, manager_id, title, 0 from person where id = ? and active
                  union all
                  select p.id, p.full_name, p.email, p.role, p.manager_id, p.title, up.depth + 1
                  from person p join up on p.id = up.manager_id
                  where p.active and up.depth < ?)
                select id, full_name, email, role, manager_id, title from up order by depth""")
                .params(id, depth).query(this::map).list();
    }

    String language(String id) {
        return jdbc.sql("select language from person where id = ?").param(id).query(String.class).optional().orElse("zh");
    }

    /** The active people among these ids, ordered by id (in chunks of 1,000 ids per query). */
    List<Person> findActive(java.util.Collection<String> ids) {
        List<String> wanted = ids.stream().filter(java.util.Objects::nonNull).distinct().toList();
        List<Person> found = new java.util.ArrayList<>();
        for (int i = 0; i < wanted.size(); i += CHUNK) {
            found.addAll(jdbc.sql("select " + COLUMNS + " from person where id in (:ids) and active order by id")
                    .param("ids", wanted.subList(i, Math.min(wanted.size(), i + CHUNK))).query(this::map).list());
        }
        return found;
    }

    /** {@link #activeLanguage} of each of these ids that is an active person's (in chunks of 1,000 ids per query). */
    java.util.Map<String, String> activeLanguages(java.util.Collection<String> ids) {
        List<String> wanted = ids.stream().filter(java.util.Objects::nonNull).distinct().toList();
        java.util.Map<String, String> found = new java.util.HashMap<>();
        for (int i = 0; i < wanted.size(); i += CHUNK) {
            jdbc.sql("select id, coalesce(language, 'zh') as language from person where id in (:ids) and active")
                    .param("ids", wanted.subList(i, Math.min(wanted.size(), i + CHUNK)))
                    .query(rs -> {
                        found.put(rs.getString("id"), rs.getString("language"));
                    });
        }
        return found;
    }

    /** {@link #language} of an active person; empty when there is none. */
    Optional<String> activeLanguage(String id) {
        return jdbc.sql("select coalesce(language, 'zh') from person where id = ? and active").param(id).query(String.class).optional();
    }

    void setLanguage(String id, String language) {
        jdbc.sql("update person set language = ? where id = ?").params(language, id).update();
    }

    long count() {
        return jdbc.sql("select count(*) from person").query(Long.class).single();
    }

    void insert(Person p) {
        chains.changed();
        jdbc.sql("insert into person (id, full_name, email, role, manager_id, title) values (?, ?, ?, ?, ?, ?)")
                .params(p.id(), p.fullName(), p.email(), p.role().name(), p.managerId(), p.title())
                .update();
    }

    /** Everyone, active or not, ordered by id (the administrators' directory). */
    List<PersonEntry> findEntries() {
        return jdbc.sql("select " + COLUMNS + ", language, active, left_on, successor_id from person order by id")
                .query((rs, row) -> new PersonEntry(rs.getString("id"), rs.getString("full_name"), rs.getString("email"),
                        Role.valueOf(rs.getString("role")), rs.getString("manager_id"), rs.getString("title"),
                        rs.getString("language"), rs.getBoolean("active"),
                        rs.getObject("left_on", java.time.LocalDate.class), rs.getString("successor_id")))
                .list();
    }

    /** Whether a login is taken, by an active person or a leaver (a login is never given to someone else). */
    boolean exists(String id) {
        return jdbc.sql("select count(*) from person where id = ?").param(id).query(Long.class).single() > 0;
    }

    /** Changes name, e-mail, role, manager and title of an active person. */
    void update(Person p) {
        chains.changed();
        jdbc.sql("update person set full_name = ?, email = ?, role = ?, manager_id = ?, title = ? where id = ? and active")
                .params(p.fullName(), p.email(), p.role().name(), p.managerId(), p.title(), p.id()).update();
    }

    /** Marks a person as left: inactive from that day, their open work handed to the successor. */
    /** @return whether this call deactivated the person (false: they were inactive already, e.g. by a request at the same time) */
    boolean deactivate(String id, java.time.LocalDate on, String successorId) {
        chains.changed();
        return jdbc.sql("update person set active = false, left_on = ?, successor_id = ? where id = ? and active")
                .params(on, successorId, id).update() == 1;
    }

    private Person map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Person(rs.getString("id"), rs.getString("full_name"), rs.getString("email"),
                Role.valueOf(rs.getString("role")), rs.getString("manager_id"), rs.getString("title"));
    }
}
