package com.salescadence.notification;

import java.time.Duration;

/**
 * When to try a failed mail again: exponential back-off (1, 2, 4, 8 ... minutes by default, never more
 * than 60 minutes apart) until {@code maxAttempts} attempts have failed. Plain Java.
 *
 * @param maxAttempts failed attempts after which the message is given up
 * @param firstDelay  pause after the first failure
 * @param maxDelay    longest pause between two attempts
 */
public record RetryPolicy(int maxAttempts, Duration firstDelay, Duration maxDelay) {

    public static final Duration DEFAULT_FIRST_DELAY = Duration.ofMinutes(1);
    public static final Duration DEFAULT_MAX_DELAY = Duration.ofMinutes(60);

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        if (firstDelay == null || firstDelay.isNegative() || firstDelay.isZero()) {
            throw new IllegalArgumentException("firstDelay must be positive, got " + firstDelay);
        }
        if (maxDelay == null || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("maxDelay must be at least firstDelay, got " + maxDelay);
        }
    }

    public RetryPolicy(int maxAttempts) {
        this(maxAttempts, DEFAULT_FIRST_DELAY, DEFAULT_MAX_DELAY);
    }

    /**
     * The pause before the next attempt, after {@code failedAttempts} attempts have failed (1 after the
     * first failure): {@code firstDelay * 2^(failedAttempts-1)}, capped at {@code maxDelay}.
     */
    public Duration nextDelay(int failedAttempts) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("failedAttempts must be at least 1, got " + failedAttempts);
        }
        Duration delay = firstDelay;
        for (int i = 1; i < failedAttempts && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    /** Whether a message that has failed {@code failedAttempts} times is given up. */
    public boolean isExhausted(int failedAttempts) {
        return failedAttempts >= maxAttempts;
    }
}
