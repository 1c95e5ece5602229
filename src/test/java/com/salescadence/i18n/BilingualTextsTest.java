package com.salescadence.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.salescadence.cadence.forecast.ForecastMonths;
import com.salescadence.common.Checks;
import com.salescadence.common.Inputs;
import com.salescadence.common.ValidationException;
import com.salescadence.common.ValidationTexts;
import com.salescadence.pipeline.stage.ProbabilityRule;
import com.salescadence.pipeline.stage.Stage;
import com.salescadence.pipeline.stage.StageKind;
import com.salescadence.workflow.naming.Language;
import com.salescadence.workflow.naming.TaskNameRules;

/**
 * What a person reads has a Chinese and an English text: every label, help text, text and choice of the forms in
 * forms/, every task name, and the validation messages of the rules people meet in forms.
 */
class BilingualTextsTest {

    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final Pattern LATIN = Pattern.compile("[A-Za-z]{2,}");

    @Test
    void every_string_a_person_reads_in_the_forms_has_a_chinese_and_an_english_text() throws IOException {
        List<String> oneLanguage = new ArrayList<>();
        int strings = 0;
        try (Stream<Path> forms = Files.list(Path.of("forms"))) {
            for (Path form : forms.filter(p -> p.toString().endsWith(".form")).sorted().toList()) {
                List<String> texts = new ArrayList<>();
                collect(new ObjectMapper().readTree(form.toFile()), texts);
                for (String text : texts) {
                    strings++;
                    if (text.startsWith("=")) {
                        assertThat(text).as(form + ": the only expression labels are the month labels").matches("=monthLabel\\d+");
                    } else if (!(HAN.matcher(text).find() && LATIN.matcher(text).find())) {
                        oneLanguage.add(form.getFileName() + ": " + text);
                    }
                }
            }
        }
        assertThat(strings).isGreaterThan(200);
        assertThat(oneLanguage).as("texts of forms/ in one language only").isEmpty();
        // the month labels the submission form shows are set by the process, in both languages
        assertThat(ForecastMonths.bilingualLabel(1, YearMonth.of(2026, 12))).isEqualTo("第 1 个月：2026-12 / Month 1: 2026-12");
    }

    /**
     * The embedded forms (forms/*.html) and their shared code (static/forms-lib/): a text in the markup is "中文 /
     * English" or an element's data-zh / data-en pair; a text of a script is a t(zh, en) call, Chinese first,
     * English second. (A literal string a script shows without t() is not found by this test: the convention of
     * cadence-forms.js is that every shown text goes through t().)
     */
    @Test
    void every_string_a_person_reads_in_the_embedded_forms_has_a_chinese_and_an_english_text() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> forms = Files.list(Path.of("forms"))) {
            forms.filter(p -> p.toString().endsWith(".html")).sorted().forEach(files::add);
        }
        try (Stream<Path> lib = Files.list(Path.of("src/main/resources/static/forms-lib"))) {
            lib.filter(p -> p.toString().endsWith(".js")).sorted().forEach(files::add);
        }
        files.add(Path.of("src/test/resources/forms-lib-check/forms-lib-check.html"));
        List<String> oneLanguage = new ArrayList<>();
        int strings = 0;
        for (Path file : files) {
            String text = Files.readString(file);
            EmbeddedFormTexts texts = EmbeddedFormTexts.of(text, file.toString().endsWith(".html"));
            strings += texts.count();
            texts.problems().forEach(problem -> oneLanguage.add(file.getFileName() + ": " + problem));
        }
        assertThat(files).as("the shared form code and the embedded forms").hasSizeGreaterThan(1);
        assertThat(strings).isGreaterThan(5);
        assertThat(oneLanguage).as("texts of the embedded forms in one language only").isEmpty();
    }

    @Test
    void the_embedded_form_text_check_finds_a_text_in_one_language() {
        assertThat(EmbeddedFormTexts.of("<p>Deals</p><p>商机 / Deals</p>", true).problems()).containsExactly("text 'Deals'");
        assertThat(EmbeddedFormTexts.of("<span data-zh=\"商机\" data-en=\"\"></span>", true).problems()).hasSize(1);
        assertThat(EmbeddedFormTexts.of("<input placeholder=\"Amount\">", true).problems()).hasSize(1);
        assertThat(EmbeddedFormTexts.of("<script>x = t('Deals', 'Deals'); y = t('商机' + n, 'Deals ' + n);</script>", true).problems())
                .containsExactly("t('Deals', 'Deals')");
        assertThat(EmbeddedFormTexts.of("f(t('商机', '商机'))", false).problems()).hasSize(1);
    }

    @Test
    void every_task_name_has_a_chinese_and_an_english_text() {
        for (String key : TaskNameRules.taskKeys()) {
            assertThat(TaskNameRules.template(key, Language.ZH)).as(key).containsPattern(HAN);
            assertThat(TaskNameRules.template(key, Language.EN)).as(key).doesNotContainPattern(HAN).containsPattern(LATIN);
        }
    }

    @Test
    void the_validation_messages_of_the_form_rules_read_in_chinese_and_english() {
        List<String> messages = new ArrayList<>();
        messages.addAll(refusal(() -> Checks.start().requiredText(" ", "Evidence", 100).orThrow()));
        messages.addAll(refusal(() -> Checks.start().optionalText("x".repeat(11), "Comment", 10).orThrow()));
        messages.addAll(refusal(() -> Checks.start().positiveAmount(new BigDecimal("-1"), "Amount").orThrow()));
        messages.addAll(refusal(() -> Checks.start().positiveAmount(new BigDecimal("1.234"), "Amount received").orThrow()));
        messages.addAll(refusal(() -> Checks.start().positiveAmount(new BigDecimal("1000000000000"), "Amount").orThrow()));
        messages.addAll(refusal(() -> Inputs.amount("lots of money", "Amount")));
        messages.addAll(refusal(() -> Inputs.percent("12.5", "Probability")));
        messages.addAll(refusal(() -> Inputs.percent("120", "Probability")));
        messages.addAll(refusal(() -> Inputs.date("tomorrow", "Expected close date")));
        Stage validate = new Stage("VALIDATE", "Validate opportunity", 25, 50, StageKind.OPEN, List.of(), "确认机会");
        messages.addAll(refusal(() -> ProbabilityRule.claimable(validate, 80)));
        messages.addAll(refusal(() -> ProbabilityRule.claimable(validate, -1)));
        assertThat(messages).hasSize(11).allSatisfy(message -> assertThat(message).containsPattern(HAN).contains(" / ").containsPattern(LATIN));
        assertThat(messages).contains("证据为必填项。 / Evidence is required.",
                "处于“Validate opportunity”阶段的商机最多只能申报 50% 的赢率；您申报了 80%。 / A deal in Validate opportunity may claim at most 50% probability; you claimed 80%.",
                "金额必须是数字，而不是“lots of money”。 / Amount must be a number, got 'lots of money'.");
    }

    @Test
    void a_message_already_in_chinese_or_without_a_chinese_text_stays_as_it_is() {
        assertThat(ValidationTexts.bilingual("语言必须是 zh 或 en。 / Language must be zh or en.")).isEqualTo("语言必须是 zh 或 en。 / Language must be zh or en.");
        assertThat(ValidationTexts.bilingual("Something nobody translated.")).isEqualTo("Something nobody translated.");
        assertThat(ValidationTexts.bilingual("Your decision: choose one of approve, reject, not 'maybe'."))
                .isEqualTo("Your decision：请从 approve, reject 中选择一项，而不是“maybe”。 / Your decision: choose one of approve, reject, not 'maybe'.");
        assertThat(ValidationTexts.bilingual("Forecast year 2 is required.")).isEqualTo("第 2 年预测为必填项。 / Forecast year 2 is required.");
    }

    private static List<String> refusal(Runnable rule) {
        ValidationException refused = catchThrowableOfType(ValidationException.class, rule::run);
        assertThat(refused).as("the rule refuses").isNotNull();
        assertThat(refused.getMessage()).isEqualTo(String.join(" ", refused.problems()));
        return refused.problems();
    }

    private static void collect(JsonNode node, List<String> texts) {
        for (String field : new String[] {"label", "description", "text", "placeholder"}) {
            if (node.path(field).isTextual() && !node.path(field).asText().isBlank()) {
                texts.add(node.path(field).asText());
            }
        }
        for (String list : new String[] {"values", "columns"}) {
            node.path(list).forEach(item -> {
                if (item.path("label").isTextual()) {
                    texts.add(item.path("label").asText());
                }
            });
        }
        node.path("components").forEach(child -> collect(child, texts));
    }
}
