package com.salescadence.common;

import java.util.TimeZone;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Sets the JVM's default time zone from {@code cadence.time-zone} (default Asia/Shanghai) before the
 * engine starts: Camunda evaluates cron and date timers in the JVM's zone, so the product decides it,
 * never the machine it happens to run on.
 */
public class TimeZoneSetting implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    public static final String PROPERTY = "cadence.time-zone";
    public static final String DEFAULT_ZONE = "Asia/Shanghai";

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        String zone = event.getEnvironment().getProperty(PROPERTY, DEFAULT_ZONE);
        java.time.ZoneId id;
        try {
            id = java.time.ZoneId.of(zone.trim());
        } catch (java.time.DateTimeException e) {
            throw new InvalidTimeZoneException(zone);
        }
        TimeZone.setDefault(TimeZone.getTimeZone(id));
    }

    /** cadence.time-zone names no time zone: the node refuses to start, and says so in two lines (no stack trace). */
    public static class InvalidTimeZoneException extends IllegalStateException {
        InvalidTimeZoneException(String zone) {
            super("cadence.time-zone (CADENCE_TIME_ZONE) is '" + zone + "', which is no time zone.");
        }
    }

    static class InvalidTimeZoneAnalyzer
            extends org.springframework.boot.diagnostics.AbstractFailureAnalyzer<InvalidTimeZoneException> {

        @Override
        protected org.springframework.boot.diagnostics.FailureAnalysis analyze(Throwable rootFailure, InvalidTimeZoneException cause) {
            return new org.springframework.boot.diagnostics.FailureAnalysis(cause.getMessage(),
                    "Set CADENCE_TIME_ZONE to a region id such as Asia/Shanghai or Europe/Berlin (the timers of the cadence "
                            + "run in it), or leave it unset for " + DEFAULT_ZONE + ".", cause);
        }
    }
}
