package com.salescadence.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;

/** ical4j and the product zone are loaded at start-up (issue 15 round 8), not by Monday 09:00's first invite. */
class IcsInvitePrepareTest {

    @Test
    void prepare_keeps_the_zone_before_any_invite_and_leaves_an_unknown_zone_to_the_first_invite() {
        ZoneId zone = ZoneId.of("America/Argentina/Ushuaia"); // a zone no other test of this JVM builds an invite in
        assertThat(IcsInvite.kept(zone)).isFalse();
        IcsInvite.prepare(zone);
        assertThat(IcsInvite.kept(zone)).isTrue();

        ZoneId unknown = ZoneId.of("UTC+04:00"); // java knows it, ical4j's tz database does not
        IcsInvite.prepare(unknown); // no failure at start-up
        assertThat(IcsInvite.kept(unknown)).isFalse();
        assertThatThrownBy(() -> IcsInvite.build(ImmutableMethod.REQUEST, "uid", 0, ZonedDateTime.now(unknown), Duration.ofHours(1), unknown,
                Instant.EPOCH, new Participant("o", "O", "o@example.invalid"), List.of(), "t", "", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("UTC+04:00");
    }
}
