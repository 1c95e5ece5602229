package com.salescadence.pipeline;

/** A person at a customer account the team talks to. */
public record Contact(long id, long accountId, String name, String title, String email, String phone, String ownerId) {
}
