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
        TimeZone.setDefault(TimeZone.getTimeZone(java.time.ZoneId.of(zone)));
    }
}
