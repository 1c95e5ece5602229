package com.salescadence.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextsTest {

    @Test
    void shortTextIsKeptAsItIs() {
        assertThat(Texts.truncate("Commit due", 300)).isEqualTo("Commit due");
        assertThat(Texts.truncate("x".repeat(300), 300)).hasSize(300).doesNotContain("\u2026");
        assertThat(Texts.truncate(null, 300)).isNull();
    }

    @Test
    void longTextIsCutToTheLimitAndEndsInAnEllipsis() {
        String cut = Texts.truncate("x".repeat(301), 300);

        assertThat(cut).hasSize(300).endsWith("x\u2026");
    }

    @Test
    void aSurrogatePairIsNeverCutInHalf() {
        String text = "a".repeat(8) + "\uD83D\uDE00" + "tail"; // 😀 at positions 8 and 9

        String cut = Texts.truncate(text, 10);

        assertThat(cut).isEqualTo("a".repeat(8) + "\u2026");
        assertThat(cut.chars().noneMatch(c -> Character.isSurrogate((char) c))).isTrue();
    }

    @Test
    void aSubjectBecomesOneLine() {
        assertThat(Texts.oneLine("Deal\r\nACME\tQ4 \n")).isEqualTo("Deal ACME Q4");
    }
}
