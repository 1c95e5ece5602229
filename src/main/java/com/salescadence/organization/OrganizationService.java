package com.salescadence.organization;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.salescadence.common.NotFoundException;
import com.salescadence.common.ValidationException;

/**
 * The reporting lines, as every other capability asks about them: who is whose manager, whose deals
 * a person may see. Exposed to BPMN expressions as {@code organization}.
 */
@Service("organization")
@Transactional(readOnly = true)
public class OrganizationService {

    private final PersonRepository people;
    private final ManagerChains chains;

    OrganizationService(PersonRepository people, ManagerChains chains) {
        this.people = people;
        this.chains = chains;
    }

    public Person person(String id) {
        return people.findById(id).orElseThrow(() -> new NotFoundException("No person with id '" + id + "'."));
    }

    public Optional<Person> findPerson(String id) {
        return id == null ? Optional.empty() : people.findById(id);
    }

    /** The active people among these ids (unknown and inactive ones are left out), by id, in one read. */
    public java.util.Map<String, Person> findPeople(java.util.Collection<String> ids) {
        java.util.Map<String, Person> found = new java.util.HashMap<>();
        people.findActive(ids).forEach(p -> found.put(p.id(), p));
        return found;
    }

    /** Whether a login is taken, by an active person or by a leaver (a login is never given to someone else). */
    public boolean loginTaken(String id) {
        return people.exists(id);
    }

    public List<Person> everyone() {
        return people.findAll();
    }

    public List<Person> withRole(Role role) {
        return people.findByRole(role);
    }

    /** People with a role ordered by id: at most {@code limit} of them from {@code offset} on. */
    public List<Person> withRole(Role role, int offset, int limit) {
        return people.findByRole(role, offset, limit);
    }

    public List<Person> directReports(String managerId) {
        return people.findDirectReports(managerId);
    }

    /** The manager a person reports to; a person at the top answers to themselves. */
    public String managerOf(String personId) {
        Person person = person(personId);
        return person.managerId() != null ? person.managerId() : person.id();
    }

    /**
     * Who approves what a person asks for (a stage advance, a go / no-go): their manager; for the top of
     * the hierarchy, who has none, the first administrator (by login) who is not that person. Never the
     * person themselves: nobody approves their own request.
     */
    public String approverOf(String personId) {
        Person person = person(personId);
        if (person.managerId() != null && !person.managerId().equals(personId)) {
            return person.managerId();
        }
        return people.findByRole(Role.ADMIN).stream().map(Person::id).filter(id -> !id.equals(personId)).sorted().findFirst()
                .orElseThrow(() -> new ValidationException(person.fullName() + " reports to nobody and there is no other administrator: "
                        + "nobody may approve their requests. Give them a manager (or add an administrator) first."));
    }

    /** Levels above a person read by the one query of {@link #managersAbove}; a deeper chain goes on one person at a time. */
    static final int CHAIN_DEPTH = 64;

    /**
     * The managers above a person, nearest first (an inactive or unknown person has none; the chain ends after an
     * inactive manager). One query for the whole chain, not one per level, and kept for the rest of the transaction
     * ({@link ManagerChains}: a change to a person in it is seen). The list is unmodifiable.
     */
    public List<String> managersAbove(String personId) {
        return personId == null ? List.of() : chains.get(personId, this::readChainUp);
    }

    private ManagerChains.Read readChainUp(String personId) {
        List<Person> read = people.findChainUp(personId, CHAIN_DEPTH);
        java.util.Map<String, Person> upward = new java.util.HashMap<>();
        read.forEach(p -> upward.putIfAbsent(p.id(), p));
        boolean cutOff = read.size() > CHAIN_DEPTH;
        List<String> chain = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        Optional<Person> current = Optional.ofNullable(upward.get(personId));
        while (current.isPresent() && current.get().managerId() != null && seen.add(current.get().id())) {
            String managerId = current.get().managerId();
            chain.add(managerId);
            current = upward.containsKey(managerId) || !cutOff ? Optional.ofNullable(upward.get(managerId)) : people.findById(managerId);
        }
        return new ManagerChains.Read(chain, !cutOff);
    }

    /** The person and everyone who reports to them, directly or not. */
    public Set<String> teamOf(String managerId) {
        return chartBelow(managerId).teamOf(managerId);
    }

    /**
     * The person (when active) and everyone below them, read with one query per level of the hierarchy
     * (not one per person): teams, direct reports and levels of a whole subtree answered in memory. Once a level
     * holds more than {@link #WHOLE_CHART_FROM} people the rest is taken from one read of every active person (the
     * top of a large organization: an IN list of a thousand managers per level cost H2 more than reading everyone).
     */
    public OrgChart chartBelow(String personId) {
        return chartBelow(personId, WHOLE_CHART_FROM);
    }

    /** Frontier size from which {@link #chartBelow} reads every active person instead of the next level's. */
    static final int WHOLE_CHART_FROM = 100;

    /** {@link #chartBelow}, switching to one read of everyone once a level holds more than {@code wholeFrom} people. */
    OrgChart chartBelow(String personId, int wholeFrom) {
        java.util.Map<String, Person> found = new java.util.HashMap<>();
        java.util.Map<String, List<Person>> reports = new java.util.HashMap<>();
        people.findById(personId).ifPresent(p -> found.put(p.id(), p));
        Set<String> seen = new java.util.HashSet<>(List.of(personId));
        List<String> frontier = List.of(personId);
        java.util.Map<String, List<Person>> everyone = null;
        while (!frontier.isEmpty()) {
            if (everyone == null && frontier.size() > wholeFrom) {
                everyone = reportsByManager(people.findAll());
            }
            List<Person> level;
            if (everyone == null) {
                level = people.findDirectReports(frontier);
            } else {
                level = new ArrayList<>();
                for (String manager : frontier) {
                    level.addAll(everyone.getOrDefault(manager, List.of()));
                }
            }
            List<String> next = new ArrayList<>();
            for (Person p : level) {
                reports.computeIfAbsent(p.managerId(), k -> new ArrayList<>()).add(p);
                found.put(p.id(), p);
                if (seen.add(p.id())) {
                    next.add(p.id());
                }
            }
            frontier = next;
        }
        return new OrgChart(personId, found, reports);
    }

    /** Whether {@code viewerId} may see the work of {@code ownerId}: themselves, their team, or everything for admin and finance. */
    public boolean canSee(String viewerId, String ownerId) {
        Person viewer = person(viewerId);
        return switch (viewer.role()) {
            case ADMIN, FINANCE -> true;
            case MANAGER -> teamOf(viewerId).contains(ownerId);
            case REP -> viewerId.equals(ownerId);
        };
    }

    /** The owners whose deals a person may see; empty means everyone's. */
    public Optional<Set<String>> visibleOwners(String viewerId) {
        Person viewer = person(viewerId);
        return switch (viewer.role()) {
            case ADMIN, FINANCE -> Optional.empty();
            case MANAGER -> Optional.of(teamOf(viewerId));
            case REP -> Optional.of(Set.of(viewerId));
        };
    }

    /** The language a person reads the product's mail in: "zh" (Simplified Chinese) or "en". */
    /** The language of an active person ({@link #languageOf}); empty for nobody, an unknown or an inactive person. */
    public Optional<String> activeLanguageOf(String personId) {
        return personId == null ? Optional.empty() : people.activeLanguage(personId);
    }

    /** {@link #activeLanguageOf} of each of these ids, in one read: the active ones only. */
    public java.util.Map<String, String> activeLanguagesOf(java.util.Collection<String> personIds) {
        return people.activeLanguages(personIds);
    }

    public String languageOf(String personId) {
        return people.language(personId);
    }

    /**
     * The management level of everyone, computed in one pass: 1 for a manager of reps, 2 for a manager
     * of first-line managers, and so on; 0 for people who manage nobody.
     */
    public java.util.Map<String, Integer> levels() {
        List<Person> all = people.findAll();
        java.util.Map<String, List<Person>> reports = reportsByManager(all);
        java.util.Map<String, Integer> levels = new java.util.HashMap<>();
        all.forEach(p -> level(p, reports, levels, new java.util.HashSet<>()));
        return levels;
    }

    /** These people's direct reports by manager, each manager's in the order given (by id as the database orders them). */
    private static java.util.Map<String, List<Person>> reportsByManager(List<Person> all) {
        java.util.Map<String, List<Person>> reports = new java.util.HashMap<>();
        all.forEach(p -> { if (p.managerId() != null) reports.computeIfAbsent(p.managerId(), k -> new ArrayList<>()).add(p); });
        return reports;
    }

    private int level(Person person, java.util.Map<String, List<Person>> reports, java.util.Map<String, Integer> levels,
                      Set<String> visiting) {
        Integer known = levels.get(person.id());
        if (known != null) {
            return known;
        }
        int level = 0;
        if (visiting.add(person.id())) {
            for (Person report : reports.getOrDefault(person.id(), List.of())) {
                level = Math.max(level, report.role() == Role.REP ? 1 : level(report, reports, levels, visiting) + 1);
            }
        }
        levels.put(person.id(), level);
        return level;
    }

    public int levelOf(String personId) {
        OrgChart chart = chartBelow(personId);
        return chart.person(personId).isPresent() ? chart.level(personId) : 0;
    }

    /** The managers at a level of the hierarchy, by login. */
    public List<Person> managersAtLevel(int level) {
        java.util.Map<String, Integer> levels = levels();
        return people.findByRole(Role.MANAGER).stream().filter(m -> levels.getOrDefault(m.id(), 0) == level).toList();
    }

    public boolean isEmpty() {
        return people.count() == 0;
    }
}
