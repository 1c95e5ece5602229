package com.salescadence.notification;

/**
 * Delivers outbox rows of one chat channel (the chat robots; mail is the delivery job's own). Throws when the
 * message was not accepted, so the delivery job retries it with the outbox's back-off.
 */
public interface ChannelSender {

    Channel channel();

    /**
     * Sends the row's subject and body to the robot; throws on any failure, also an app-level error the robot
     * answers with HTTP 200.
     */
    void send(OutboxMessage message, ChatChannel robot);
}
