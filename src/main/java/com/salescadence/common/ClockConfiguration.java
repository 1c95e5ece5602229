package com.salescadence.common;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The business clock, in the product's time zone (see {@link TimeZoneSetting}). It reads the engine's
 * clock, so a report recorded "on time" and the timer that decides the deadline agree on what time it is,
 * also when a test moves the engine's clock forward.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return new EngineClock(ZoneId.systemDefault());
    }

    /** {@link ClockUtil}'s time: the system time unless a test has set it. */
    static final class EngineClock extends Clock {

        private final ZoneId zone;

        EngineClock(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new EngineClock(other);
        }

        @Override
        public Instant instant() {
            return ClockUtil.getCurrentTime().toInstant();
        }
    }
}
