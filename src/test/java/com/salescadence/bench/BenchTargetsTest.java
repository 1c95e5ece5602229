package com.salescadence.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.salescadence.bench.BenchTargets.Line;
import com.salescadence.bench.BenchTargets.Rule;

/** The targets file's met/missed is computed from the figures: a ratio at most, a value below, a rate at least. */
class BenchTargetsTest {

    @Test
    void aRatioTargetIsMetUpToItsLimit() {
        assertThat(line(13, 10, Rule.RATIO_AT_MOST, 1.3).met()).isTrue();
        assertThat(line(13.1, 10, Rule.RATIO_AT_MOST, 1.3).met()).isFalse();
        assertThat(line(13, 10, Rule.RATIO_AT_MOST, 1.3).ratio()).isEqualTo(1.3);
        assertThat(line(13, 10, Rule.RATIO_AT_MOST, 1.3).target()).isEqualTo("<= 1.30x");
        // no baseline: no ratio, so not met
        assertThat(line(1, 0, Rule.RATIO_AT_MOST, 1.3).met()).isFalse();
    }

    @Test
    void aLimitIsAValueBelowOrAtLeast() {
        assertThat(line(0.99, 2.2, Rule.BELOW, 1).met()).isTrue();
        assertThat(line(1.0, 2.2, Rule.BELOW, 1).met()).isFalse();
        assertThat(line(300, 100, Rule.AT_LEAST, 300).met()).isTrue();
        assertThat(line(299.9, 100, Rule.AT_LEAST, 300).met()).isFalse();
        assertThat(line(299.9, 100, Rule.AT_LEAST, 300).target()).isEqualTo(">= 300 /s");
    }

    @Test
    void aRunBelowTheIssuesScaleSaysSo() {
        Line small = new Line("3", "top view", 0.5, 2, "s", Rule.BELOW, 1, false, "100,000 opportunities; the issue's: 1,000,000");
        assertThat(small.verdict()).isEqualTo("met (100,000 opportunities; the issue's: 1,000,000)");
        assertThat(line(2, 1, Rule.RATIO_AT_MOST, 1.5).verdict()).isEqualTo("missed");
    }

    private static Line line(double value, double baseline, Rule rule, double limit) {
        return new Line("1", "measure", value, baseline, "/s", rule, limit, true, "");
    }
}
