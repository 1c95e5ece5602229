package com.salescadence.forecasting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.salescadence.forecasting.WinRateRules.Tally;

class LearnedRateChooserTest {

    @Test
    void a_rep_with_enough_verdicts_has_their_own_rate() {
        // 15 of 30 won at a 25% stage: (15 + 5) / (30 + 20) = 0.40
        assertThat(LearnedRateChooser.choose(List.of(new Tally(30, 15), new Tally(100, 10), new Tally(1000, 100)), 0.25, 20, 20).rate())
                .isCloseTo(0.40, within(1e-12));
    }

    @Test
    void a_thin_rep_falls_back_to_the_team_and_a_thin_team_to_the_company() {
        // the rep 5 verdicts, the team 100 (10 won): (10 + 5) / 120 = 0.125
        assertThat(LearnedRateChooser.choose(List.of(new Tally(5, 5), new Tally(100, 10), new Tally(1000, 100)), 0.25, 20, 20).rate())
                .isCloseTo(0.125, within(1e-12));
        // rep and team thin: the company's 100 of 1000: (100 + 5) / 1020
        assertThat(LearnedRateChooser.choose(List.of(new Tally(5, 5), new Tally(10, 10), new Tally(1000, 100)), 0.25, 20, 20).rate())
                .isCloseTo(105.0 / 1020, within(1e-12));
        // the company however thin: shrunk towards the configured rate
        assertThat(LearnedRateChooser.choose(List.of(new Tally(1, 1), new Tally(2, 2)), 0.25, 20, 20).rate())
                .isCloseTo(7.0 / 22, within(1e-12));
    }
}
