package com.salescadence.metrics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.salescadence.organization.Role;

/**
 * A person and everyone below them, read in one query; figures per owner are summed up its branches here
 * (people, not deals: the deals stay in the database).
 */
public final class Team {

    public record Member(String id, String fullName, Role role, String managerId) {
    }

    private final String rootId;
    private final Map<String, Member> members = new LinkedHashMap<>();
    private final Map<String, List<Member>> reports = new HashMap<>();

    public Team(String rootId, List<Member> people) {
        this.rootId = rootId;
        people.forEach(m -> members.put(m.id(), m));
        people.stream().filter(m -> !m.id().equals(rootId) && m.managerId() != null)
                .forEach(m -> reports.computeIfAbsent(m.managerId(), k -> new ArrayList<>()).add(m));
        reports.values().forEach(list -> list.sort(java.util.Comparator.comparing(Member::fullName)));
    }

    public Member root() {
        return members.get(rootId);
    }

    public Member member(String id) {
        return members.get(id);
    }

    public List<Member> directReports(String id) {
        return reports.getOrDefault(id, List.of());
    }

    public boolean hasReports(String id) {
        return !directReports(id).isEmpty();
    }

    /** The person and everyone below them. */
    public Set<String> branch(String id) {
        Set<String> ids = new LinkedHashSet<>();
        List<String> todo = new ArrayList<>(List.of(id));
        while (!todo.isEmpty()) {
            String next = todo.remove(todo.size() - 1);
            if (ids.add(next)) {
                directReports(next).forEach(m -> todo.add(m.id()));
            }
        }
        return ids;
    }

    /** The sum over a person's branch of an amount kept per owner. */
    public BigDecimal sum(String id, Map<String, BigDecimal> perOwner) {
        BigDecimal total = BigDecimal.ZERO;
        for (String owner : branch(id)) {
            total = total.add(perOwner.getOrDefault(owner, BigDecimal.ZERO));
        }
        return total;
    }

    /**
     * A value of the person's own, or else the sum of their direct reports' (recursively); null when nobody
     * in the branch has one. Quotas: a manager's own team quota wins over the sum of their reports'.
     */
    public BigDecimal ownOrReports(String id, Function<String, BigDecimal> own) {
        BigDecimal mine = own.apply(id);
        if (mine != null) {
            return mine;
        }
        BigDecimal total = null;
        for (Member report : directReports(id)) {
            BigDecimal theirs = ownOrReports(report.id(), own);
            if (theirs != null) {
                total = total == null ? theirs : total.add(theirs);
            }
        }
        return total;
    }
}
