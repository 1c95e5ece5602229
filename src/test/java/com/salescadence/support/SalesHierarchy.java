package com.salescadence.support;

import java.util.ArrayList;
import java.util.List;

import com.salescadence.organization.OrganizationAdministration;
import com.salescadence.organization.Person;
import com.salescadence.organization.Role;

/**
 * A sales organisation of realistic shape for the cluster tests, created through the organization service
 * (people and their Camunda users): one leader, second-line managers over first-line managers, and
 * {@code repsPerTeam} reps per first-line manager. Password of every login: {@link TestOrganization#PASSWORD}.
 * Logins: {@code c.lead}, {@code c.sl1}..., {@code c.flm01}..., {@code c.rep001}... (numbered from 1).
 */
public record SalesHierarchy(String leader, List<String> secondLine, List<String> firstLine, List<String> reps, int repsPerTeam,
                             int teamsPerSecondLine) {

    public static SalesHierarchy create(OrganizationAdministration administration, int reps, int repsPerTeam, int teamsPerSecondLine) {
        int teams = (reps + repsPerTeam - 1) / repsPerTeam;
        int secondLines = (teams + teamsPerSecondLine - 1) / teamsPerSecondLine;
        SalesHierarchy hierarchy = new SalesHierarchy("c.lead", new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), repsPerTeam,
                teamsPerSecondLine);
        add(administration, hierarchy.leader, "Lee Leader", Role.MANAGER, null);
        for (int s = 1; s <= secondLines; s++) {
            hierarchy.secondLine.add(add(administration, "c.sl" + s, "Second Line " + s, Role.MANAGER, hierarchy.leader));
        }
        for (int t = 1; t <= teams; t++) {
            hierarchy.firstLine.add(add(administration, String.format("c.flm%02d", t), "First Line " + t, Role.MANAGER,
                    hierarchy.secondLine.get((t - 1) / teamsPerSecondLine)));
        }
        for (int r = 1; r <= reps; r++) {
            hierarchy.reps.add(add(administration, String.format("c.rep%03d", r), "Rep " + r, Role.REP,
                    hierarchy.firstLine.get((r - 1) / repsPerTeam)));
        }
        return hierarchy;
    }

    /** The first-line manager of a rep. */
    public String managerOfRep(String rep) {
        return firstLine.get(reps.indexOf(rep) / repsPerTeam);
    }

    /** The second-line manager of a first-line manager. */
    public String managerOfFirstLine(String firstLineManager) {
        return secondLine.get(firstLine.indexOf(firstLineManager) / teamsPerSecondLine);
    }

    public int people() {
        return 1 + secondLine.size() + firstLine.size() + reps.size();
    }

    private static String add(OrganizationAdministration administration, String id, String name, Role role, String manager) {
        administration.add(new Person(id, name, id + "@cluster.test", role, manager, null), TestOrganization.PASSWORD);
        return id;
    }
}
