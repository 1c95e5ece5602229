package com.salescadence.organization;

/** A member of the sales organization; {@code managerId} is the reporting line (null at the top). */
public record Person(String id, String fullName, String email, Role role, String managerId, String title) {

    public boolean isManager() {
        return role == Role.MANAGER;
    }
}
