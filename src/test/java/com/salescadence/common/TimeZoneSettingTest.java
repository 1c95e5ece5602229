package com.salescadence.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.TimeZone;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultBootstrapContext;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

/** Issue 18 item 14: an invalid time zone stops the start with a message and what to do, not a raw stack trace. */
@org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
class TimeZoneSettingTest {

    private final TimeZone before = TimeZone.getDefault();

    @AfterEach
    void restore() {
        TimeZone.setDefault(before);
    }

    @Test
    void an_invalid_time_zone_is_refused_with_what_to_set_instead() {
        assertThatThrownBy(() -> prepare("Mars/Olympus_Mons")).isInstanceOfSatisfying(TimeZoneSetting.InvalidTimeZoneException.class, e -> {
            FailureAnalysis analysis = new TimeZoneSetting.InvalidTimeZoneAnalyzer().analyze(e);
            assertThat(analysis.getDescription()).contains("'Mars/Olympus_Mons'", "no time zone");
            assertThat(analysis.getAction()).contains("CADENCE_TIME_ZONE", "Asia/Shanghai");
        });
        prepare("Europe/Berlin");
        assertThat(TimeZone.getDefault().getID()).isEqualTo("Europe/Berlin");
    }

    /** A start through SpringApplication (spring.factories: the listener and the analyzer): the report, no stack trace. */
    @Test
    void a_start_with_an_invalid_time_zone_fails_with_the_report_of_its_analyzer(
            org.springframework.boot.test.system.CapturedOutput output) {
        SpringApplication application = new SpringApplication(Nothing.class);
        application.setWebApplicationType(org.springframework.boot.WebApplicationType.NONE);
        assertThatThrownBy(() -> application.run("--" + TimeZoneSetting.PROPERTY + "=Mars/Olympus_Mons"))
                .isInstanceOf(TimeZoneSetting.InvalidTimeZoneException.class);
        assertThat(output.getOut() + output.getErr()).contains("APPLICATION FAILED TO START", "'Mars/Olympus_Mons'", "CADENCE_TIME_ZONE")
                .doesNotContain("\tat ");
    }

    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class Nothing {
    }

    private static void prepare(String zone) {
        MockEnvironment environment = new MockEnvironment().withProperty(TimeZoneSetting.PROPERTY, zone);
        new TimeZoneSetting().onApplicationEvent(new ApplicationEnvironmentPreparedEvent(new DefaultBootstrapContext(),
                new SpringApplication(), new String[0], environment));
    }
}
