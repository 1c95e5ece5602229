package com.salescadence.cadence;

import java.time.Duration;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;

import org.springframework.stereotype.Component;

/**
 * Deadlines relative to a cycle's start, as the BPMN models state them:
 * {@code ${cycleClock.at(cycleStart, 'PT12H')}} is Sunday 20:00 for a cycle started Sunday 08:00.
 * Calendar arithmetic in the product's time zone, so a day stays a day across daylight saving.
 */
@Component("cycleClock")
public class CycleClock {

    public Date at(Date start, String offset) {
        return at(start, offset, "PT0S", 0);
    }

    /** start + first + times x step; offsets are ISO-8601 durations (PT25H) or periods (P1D). */
    public Date at(Date start, String first, String step, long times) {
        ZonedDateTime t = start.toInstant().atZone(ZoneId.systemDefault());
        t = plus(t, first, 1);
        t = plus(t, step, times);
        return Date.from(t.toInstant());
    }

    static ZonedDateTime plus(ZonedDateTime t, String amount, long times) {
        if (times == 0) {
            return t;
        }
        String text = amount.trim().toUpperCase();
        int timePart = text.indexOf('T');
        if (timePart < 0) {
            Period period = Period.parse(text);
            return t.plus(period.multipliedBy((int) times));
        }
        String datePart = text.substring(0, timePart);
        if (datePart.length() > 1) {
            t = t.plus(Period.parse(datePart).multipliedBy((int) times));
        }
        return t.plus(Duration.parse("P" + text.substring(timePart)).multipliedBy(times));
    }
}
