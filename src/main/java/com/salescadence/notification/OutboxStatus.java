package com.salescadence.notification;

/**
 * Where a message of the outbox is in its life.
 * <ul>
 *   <li>{@link #PENDING}: written, waiting for (another) delivery attempt at {@code next_attempt_at};</li>
 *   <li>{@link #SENDING}: claimed by one node, which is handing it to the mail server right now (a claim
 *       older than the stale limit is taken to be from a node that died, and the message is sent again);</li>
 *   <li>{@link #SENT}: the mail server accepted it;</li>
 *   <li>{@link #FAILED}: given up, after the last attempt or because it can never be sent (no or bad address).
 *       It stays visible in the product.</li>
 * </ul>
 */
public enum OutboxStatus {
    PENDING,
    SENDING,
    SENT,
    FAILED
}
