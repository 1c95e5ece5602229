package com.salescadence.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(10);

    @Test
    void delaysDoubleFromOneMinuteAndAreCappedAtOneHour() {
        assertThat(IntStream.rangeClosed(1, 9).mapToObj(policy::nextDelay).map(Duration::toMinutes))
                .containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L);
    }

    @Test
    void aVeryLargeAttemptCountStaysAtTheCapWithoutOverflow() {
        assertThat(policy.nextDelay(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(60));
    }

    @Test
    void aMessageIsExhaustedWhenItsAttemptsReachTheMaximum() {
        assertThat(policy.isExhausted(1)).isFalse();
        assertThat(policy.isExhausted(9)).isFalse();
        assertThat(policy.isExhausted(10)).isTrue();
        assertThat(policy.isExhausted(11)).isTrue();
    }

    @Test
    void aSingleAttemptPolicyGivesUpAfterTheFirstFailure() {
        assertThat(new RetryPolicy(1).isExhausted(1)).isTrue();
    }

    @Test
    void firstDelayAndCapCanBeChosen() {
        RetryPolicy fast = new RetryPolicy(5, Duration.ofSeconds(30), Duration.ofMinutes(3));

        assertThat(IntStream.rangeClosed(1, 5).mapToObj(fast::nextDelay))
                .containsExactly(Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2),
                        Duration.ofMinutes(3), Duration.ofMinutes(3));
    }

    @Test
    void thereIsNoDelayBeforeAnyAttemptFailed() {
        assertThatThrownBy(() -> policy.nextDelay(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertThatThrownBy(() -> new RetryPolicy(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ZERO, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofMinutes(2), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
