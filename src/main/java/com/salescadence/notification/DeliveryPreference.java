package com.salescadence.notification;

/**
 * How a person wants to be told: by mail, in their team's chat group, or both. Without a choice, mail. A person
 * who chose chat but whose team has no robot is mailed, so nothing is lost.
 */
public enum DeliveryPreference {
    MAIL,
    CHAT,
    BOTH;

    boolean mail() {
        return this != CHAT;
    }

    boolean chat() {
        return this != MAIL;
    }
}
