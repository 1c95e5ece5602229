package com.salescadence.organization;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.salescadence.organization.FirstAdministrator.Settings;

class FirstAdministratorTest {

    @Test
    void a_missing_blank_short_or_guessable_password_is_refused() {
        assertThat(FirstAdministrator.problemWith(new Settings("admin", null, null, "A"))).isEqualTo("CADENCE_ADMIN_PASSWORD is not set.");
        assertThat(FirstAdministrator.problemWith(new Settings("admin", "", null, "A"))).isEqualTo("CADENCE_ADMIN_PASSWORD is not set.");
        assertThat(FirstAdministrator.problemWith(new Settings("admin", "            ", null, "A"))).isEqualTo("CADENCE_ADMIN_PASSWORD is blank.");
        assertThat(FirstAdministrator.problemWith(new Settings("admin", "elevenchars", null, "A")))
                .isEqualTo("CADENCE_ADMIN_PASSWORD is shorter than 12 characters.");
        assertThat(FirstAdministrator.problemWith(new Settings("ops.chief.one", "OPS.CHIEF.ONE", null, "A")))
                .isEqualTo("CADENCE_ADMIN_PASSWORD is the login name.");
        assertThat(FirstAdministrator.problemWith(new Settings(" ", "twelve chars", null, "A"))).isEqualTo("CADENCE_ADMIN_USER is empty.");
    }

    @Test
    void twelve_characters_are_enough() {
        assertThat(FirstAdministrator.problemWith(new Settings("admin", "twelve chars", null, "A"))).isNull();
    }

    @Test
    void the_start_up_failure_report_says_what_to_set() {
        var analysis = new FirstAdministrator.MissingAdministratorAnalyzer().analyze(
                new IllegalStateException("Failed to execute ApplicationRunner",
                        new FirstAdministrator.MissingAdministratorException("CADENCE_ADMIN_PASSWORD is not set.")));
        assertThat(analysis.getDescription()).startsWith("No administrator exists yet and none can be created: CADENCE_ADMIN_PASSWORD is not set.");
        assertThat(analysis.getAction()).contains("CADENCE_ADMIN_USER=admin CADENCE_ADMIN_PASSWORD=");
    }
}
