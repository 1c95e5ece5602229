package com.salescadence.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A figure keeps its null inputs in JSON even where the application leaves nulls out (spring.jackson non_null). */
class FigureJsonTest {

    @Test
    void null_inputs_and_value_are_written_so_the_page_can_say_what_is_missing() throws Exception {
        ObjectMapper json = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);
        Figure noQuota = Figure.none("> 150%", Figure.inputs("pipeline", new BigDecimal("900000"), "remainingTarget", null));

        String written = json.writeValueAsString(noQuota);

        assertThat(written).isEqualTo(
                "{\"value\":null,\"flag\":\"NONE\",\"threshold\":\"> 150%\",\"inputs\":{\"pipeline\":900000,\"remainingTarget\":null}}");
    }
}
