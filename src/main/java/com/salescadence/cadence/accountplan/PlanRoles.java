package com.salescadence.cadence.accountplan;

import java.util.List;

/**
 * Who does what in an account plan revision: the owner (rep) writes the plan, the owner's manager
 * monitors it, the senior manager (the manager's manager, or the manager when there is nobody above)
 * sets the direction and approves. Plain Java.
 */
public record PlanRoles(String ownerId, String managerId, String seniorManagerId) {

    /** @param managersAbove the managers above the owner, nearest first */
    public static PlanRoles of(String ownerId, List<String> managersAbove) {
        String manager = managersAbove.isEmpty() ? ownerId : managersAbove.get(0);
        String senior = managersAbove.size() > 1 ? managersAbove.get(1) : manager;
        return new PlanRoles(ownerId, manager, senior);
    }
}
