package com.salescadence.organization;

/** What a person does in the product; each role is also a Camunda group of the same id. */
public enum Role {
    REP("reps"),
    MANAGER("managers"),
    ADMIN("camunda-admin"),
    FINANCE("finance");

    private final String groupId;

    Role(String groupId) {
        this.groupId = groupId;
    }

    /** The Camunda group every person of this role belongs to. */
    public String groupId() {
        return groupId;
    }
}
