package com.salescadence.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.salescadence.cadence.ChaseBrief;
import com.salescadence.cadence.Escalation;
import com.salescadence.cadence.accountplan.PlanVersionStatus;
import com.salescadence.common.BriefText;
import com.salescadence.common.Checks;
import com.salescadence.common.Inputs;
import com.salescadence.common.ValidationException;
import com.salescadence.common.ValidationTexts;
import com.salescadence.pipeline.AccountTier;
import com.salescadence.pipeline.OpportunityStatus;
import com.salescadence.pipeline.stage.ProbabilityRule;
import com.salescadence.pipeline.stage.Stage;
import com.salescadence.pipeline.stage.StageKind;
import com.salescadence.workflow.naming.Language;
import com.salescadence.workflow.naming.TaskNameRules;

/**
 * What a person reads has a Chinese and an English text: every label (also a date field's), help text, text (each of
 * its paragraphs), adorner and choice of the forms in forms/, the briefs the forms show, every task name, and the
 * validation messages of the rules people meet in forms.
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
                        oneLanguage.add(form.getFileName() + ": a label set by the process: " + text);
                    } else if (!(HAN.matcher(text).find() && LATIN.matcher(text).find())) {
                        oneLanguage.add(form.getFileName() + ": " + text);
                    }
                }
            }
        }
        assertThat(strings).isGreaterThan(100);   // the .form files left (the grids are HTML, checked below)
        assertThat(englishOnlyParagraphs()).as("texts of forms/ with more English-only paragraphs than Chinese ones").isEmpty();
        assertThat(oneLanguage).as("texts of forms/ in one language only").isEmpty();
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
        assertThat(strings).isGreaterThan(40);
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
        messages.addAll(refusal(() -> Checks.start().optionalText("a\u0000b", "Comment", 10).orThrow()));
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
        assertThat(messages).hasSize(12).allSatisfy(message -> assertThat(message).containsPattern(HAN).contains(" / ").containsPattern(LATIN));
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

    /**
     * A form's text (its brief, its help) is written as a Chinese paragraph and its English paragraph: a text whose
     * English-only paragraphs outnumber its Chinese ones has a paragraph in English only, though the whole text has both.
     */
    private static List<String> englishOnlyParagraphs() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> forms = Files.list(Path.of("forms"))) {
            for (Path form : forms.filter(p -> p.toString().endsWith(".form")).sorted().toList()) {
                List<String> texts = new ArrayList<>();
                collect(new ObjectMapper().readTree(form.toFile()), texts);
                for (String text : texts.stream().filter(t -> !t.startsWith("=")).toList()) { // expressions: checked above
                    List<String> paragraphs = Stream.of(text.split("\\n")).map(String::trim).filter(p -> !p.isEmpty()).toList();
                    long chinese = paragraphs.stream().filter(p -> HAN.matcher(p).find()).count();
                    long english = paragraphs.stream().filter(p -> !HAN.matcher(p).find() && LATIN.matcher(p).find()).count();
                    if (english > chinese) {
                        found.add(form.getFileName() + ": " + text);
                    }
                }
            }
        }
        return found;
    }

    @Test
    void the_briefs_the_forms_show_read_in_chinese_and_english() {
        String brief = BriefText.start().line("客户", "Account", "Xinhua Bookstores (" + BriefText.code(AccountTier.KEY) + ")")
                .line("阶段", "Stage", BriefText.code(OpportunityStatus.OPEN)).line("来源", "Source", null).toString();
        assertThat(brief).isEqualTo("客户 / Account: Xinhua Bookstores (重点客户 / key account)\n阶段 / Stage: 未结 / open\n来源 / Source: -");
        List<Object> codes = new ArrayList<>(List.of(AccountTier.values()));
        codes.addAll(List.of(OpportunityStatus.values()));
        codes.addAll(List.of(PlanVersionStatus.values()));
        codes.addAll(List.of("PENDING", "APPROVED", "REJECTED", "OVERDUE", "PAID"));
        for (Object code : codes) {
            assertThat(BriefText.code(code)).as(code.toString()).containsPattern(HAN).contains(" / ").containsPattern(LATIN);
        }
        String chase = ChaseBrief.of("Tang Teammate", "未提交周承诺", "has not submitted the weekly commit", "2026-W45",
                LocalDateTime.parse("2026-11-09T18:00"), List.of(new Escalation(1, 2, "t.leader", 1, "No commit by the deadline",
                        null, null, null, null)), id -> "Li Leader", "报告提交后，本任务会自动关闭。",
                "When the report is submitted, this task closes by itself.");
        assertThat(chase.split("\n")).hasSize(3).allSatisfy(line -> assertThat(line).containsPattern(HAN).contains(" / ").containsPattern(LATIN));
        assertThat(chase).contains("Tang Teammate has not submitted the weekly commit for 2026-W45, due 2026-11-09 18:00.")
                .contains("已上报给 Li Leader（第 1 级） / Escalated to Li Leader (level 1): No commit by the deadline");
    }

    private static List<String> refusal(Runnable rule) {
        ValidationException refused = catchThrowableOfType(ValidationException.class, rule::run);
        assertThat(refused).as("the rule refuses").isNotNull();
        assertThat(refused.getMessage()).isEqualTo(String.join(" ", refused.problems()));
        return refused.problems();
    }

    private static void collect(JsonNode node, List<String> texts) {
        // dateLabel / timeLabel: what a datetime field shows as its label; prefix/suffix adorners: text beside an input
        for (String field : new String[] {"label", "description", "text", "placeholder", "dateLabel", "timeLabel"}) {
            if (node.path(field).isTextual() && !node.path(field).asText().isBlank()) {
                texts.add(node.path(field).asText());
            }
        }
        for (String adorner : new String[] {"prefixAdorner", "suffixAdorner"}) {
            String value = node.path("appearance").path(adorner).asText("");
            if (LATIN.matcher(value).find()) {
                texts.add(value);
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
