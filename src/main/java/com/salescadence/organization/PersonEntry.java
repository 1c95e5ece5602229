package com.salescadence.organization;

import java.time.LocalDate;

/**
 * A person as the administrators' directory lists them: active or not, with the language they read mail in,
 * and, for a leaver, the day they left and who took over their open work.
 */
public record PersonEntry(String id, String fullName, String email, Role role, String managerId, String title,
                          String language, boolean active, LocalDate leftOn, String successorId) {

    public Person person() {
        return new Person(id, fullName, email, role, managerId, title);
    }
}
