package com.salescadence.workflow.naming;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

import com.salescadence.workflow.naming.TaskSubject.Text;

class TaskNameRulesTest {

    private static final TaskSubject DEAL = TaskSubject.none()
            .withAbout(SubjectTexts.deal("Xinhua Bookstores", "Warehouse automation", new BigDecimal("449000.00"), "CNY", "CNY"))
            .withStage(new Text("Develop solution", "制定方案"))
            .withPerson("Xu Ming");

    private static final TaskSubject FULL = DEAL.withTeam("Zhang Lei").withPeriod(SubjectTexts.period("2026-W49")).withNumber("17");

    @Test
    void every_user_task_of_every_model_has_a_name_in_english_and_chinese() throws IOException {
        Set<String> userTasks = new TreeSet<>();
        try (Stream<Path> models = Files.list(Path.of("bpmn"))) {
            for (Path model : models.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
                Bpmn.readModelFromFile(model.toFile()).getModelElementsByType(UserTask.class)
                        .forEach(task -> userTasks.add(task.getId()));
            }
        }
        assertThat(userTasks).hasSizeGreaterThan(20);
        assertThat(TaskNameRules.taskKeys()).as("a user task in bpmn/ without a naming in TaskNameRules").containsAll(userTasks);
        for (String key : userTasks) {
            String en = TaskNameRules.name(key, FULL, Language.EN);
            String zh = TaskNameRules.name(key, FULL, Language.ZH);
            assertThat(en).as(key).doesNotContainPattern("\\p{IsHan}").doesNotContain("{").isNotEqualTo(zh);
            assertThat(zh).as(key).containsPattern("\\p{IsHan}").doesNotContain("{");
            // every name says what it is about: a deal, an account, a person, a team or a period
            assertThat(en).as(key).containsAnyOf("Xinhua Bookstores", "Xu Ming", "Zhang Lei", "week 49 of 2026");
        }
    }

    @Test
    void an_approval_names_the_target_stage_the_deal_its_account_and_amount() {
        assertThat(TaskNameRules.name("Task_ApproveStageAdvance", DEAL, Language.EN))
                .isEqualTo("Approve advance to Develop solution: Xinhua Bookstores – Warehouse automation, 449,000 (Xu Ming)");
        assertThat(TaskNameRules.name("Task_ApproveStageAdvance", DEAL, Language.ZH))
                .isEqualTo("审批推进到 制定方案：Xinhua Bookstores – Warehouse automation，449,000（Xu Ming）".replace("，449", ", 449"));
        assertThat(TaskNameRules.name("Task_WorkStage", DEAL, Language.ZH))
                .isEqualTo("推进阶段「制定方案」：Xinhua Bookstores – Warehouse automation, 449,000");
    }

    @Test
    void a_chase_names_the_person_and_the_week_and_a_call_the_team_and_the_week() {
        TaskSubject chase = TaskSubject.none().withPerson("Xu Ming").withPeriod(SubjectTexts.period("2026-W49"));
        assertThat(TaskNameRules.name("Task_ChaseMissingCommit", chase, Language.EN)).isEqualTo("Chase missing commit: Xu Ming, week 49 of 2026");
        assertThat(TaskNameRules.name("Task_ChaseMissingCommit", chase, Language.ZH)).isEqualTo("催交周承诺：Xu Ming，2026年第49周");
        TaskSubject call = TaskSubject.none().withTeam("Zhang Lei").withPeriod(SubjectTexts.period("2026-W49"));
        assertThat(TaskNameRules.name("Task_RunCommitCall", call, Language.EN)).isEqualTo("Run commit call: team of Zhang Lei, week 49 of 2026");
        assertThat(TaskNameRules.name("Task_RunCommitCall", call, Language.ZH)).isEqualTo("召开承诺电话会：Zhang Lei 的团队，2026年第49周");
    }

    @Test
    void a_missing_part_is_left_out_with_its_brackets_and_separator() {
        TaskSubject onlyDeal = TaskSubject.none().withAbout("Acme – ERP, 60,000");
        assertThat(TaskNameRules.name("Task_ApproveStageAdvance", onlyDeal, Language.EN)).isEqualTo("Approve advance to: Acme – ERP, 60,000");
        assertThat(TaskNameRules.name("Task_ChaseMissingCommit", TaskSubject.none().withPerson("Xu Ming"), Language.ZH))
                .isEqualTo("催交周承诺：Xu Ming");
        assertThat(TaskNameRules.name("Task_RunCommitCall", TaskSubject.none(), Language.EN)).isEqualTo("Run commit call");
    }

    @Test
    void a_long_name_is_cut_to_the_limit_of_the_database() {
        TaskSubject huge = TaskSubject.none().withAbout("x".repeat(400));
        assertThat(TaskNameRules.name("Task_ConfirmDelivery", huge, Language.EN)).hasSize(TaskNameRules.MAX_LENGTH).endsWith("…");
    }

    @Test
    void periods_and_amounts_read_as_people_read_them() {
        var periods = new TreeMap<String, Text>();
        for (String key : new String[] {"2026-W49", "2026-12", "2027-Q1", "2026", "odd"}) {
            periods.put(key, SubjectTexts.period(key));
        }
        assertThat(periods.get("2026-W49")).isEqualTo(new Text("week 49 of 2026", "2026年第49周"));
        assertThat(periods.get("2026-12")).isEqualTo(new Text("December 2026", "2026年12月"));
        assertThat(periods.get("2027-Q1")).isEqualTo(new Text("Q1 2027", "2027年第1季度"));
        assertThat(periods.get("2026")).isEqualTo(new Text("2026", "2026年"));
        assertThat(periods.get("odd")).isEqualTo(Text.same("odd"));
        assertThat(SubjectTexts.amount(new BigDecimal("1234.5"))).isEqualTo("1,234.50");
        assertThat(SubjectTexts.deal("Acme", "ERP", new BigDecimal("1000000"), "USD", "CNY")).isEqualTo("Acme – ERP, 1,000,000 USD");
        assertThat(Language.of("zh-CN", Language.EN)).isEqualTo(Language.ZH);
        assertThat(Language.of("de", Language.EN)).isEqualTo(Language.EN);
        assertThat(Language.of(null, Language.ZH)).isEqualTo(Language.ZH);
    }
}
