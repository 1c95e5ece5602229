package com.salescadence.organization;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A person and everyone below them, read once (one query per level of the hierarchy): who reports to whom,
 * whole teams and management levels answered in memory, in the same order and with the same results as
 * {@link OrganizationService#teamOf}, {@link OrganizationService#directReports} and {@link OrganizationService#levelOf}.
 */
public final class OrgChart {

    private final String rootId;
    private final Map<String, Person> people;
    private final Map<String, List<Person>> reports;

    OrgChart(String rootId, Map<String, Person> people, Map<String, List<Person>> reports) {
        this.rootId = rootId;
        this.people = people;
        this.reports = reports;
    }

    public String rootId() {
        return rootId;
    }

    /** An active person of this chart. */
    public Optional<Person> person(String id) {
        return Optional.ofNullable(people.get(id));
    }

    /** Direct reports, ordered by id as the database orders them. */
    public List<Person> directReports(String managerId) {
        return reports.getOrDefault(managerId, List.of());
    }

    /** The person and everyone who reports to them, directly or not (the order of {@link OrganizationService#teamOf}). */
    public Set<String> teamOf(String managerId) {
        Set<String> team = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(managerId));
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (team.add(id)) {
                directReports(id).forEach(p -> todo.push(p.id()));
            }
        }
        return team;
    }

    /** 1 for a manager of reps, 2 for a manager of first-line managers, ...; 0 for people who manage nobody. */
    public int level(String personId) {
        return level(personId, new HashMap<>(), new HashSet<>());
    }

    private int level(String personId, Map<String, Integer> levels, Set<String> visiting) {
        Integer known = levels.get(personId);
        if (known != null) {
            return known;
        }
        int level = 0;
        if (visiting.add(personId)) {
            for (Person report : directReports(personId)) {
                level = Math.max(level, report.role() == Role.REP ? 1 : level(report.id(), levels, visiting) + 1);
            }
        }
        levels.put(personId, level);
        return level;
    }
}
