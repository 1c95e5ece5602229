package com.salescadence.workflow.naming;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name of every user task of bpmn/*.bpmn, by task definition key, in English and Chinese: what the task
 * is and what it is about ("Approve advance to Develop solution: Xinhua Bookstores – Warehouse automation,
 * 449,000 (Xu Ming)"). A template's placeholders are the parts of {@link TaskSubject}: {about}, {stage},
 * {person}, {team}, {period}, {number}; a part that is missing is left out with the words around it.
 */
public final class TaskNameRules {

    /** The Tasklist's and the database's limit of a task name. */
    public static final int MAX_LENGTH = 255;

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    private record Template(String en, String zh) {
    }

    private static final Map<String, Template> TEMPLATES = new LinkedHashMap<>();

    static {
        // lead to cash
        add("Task_QualifyLead", "Qualify lead (BANT): {about}", "线索资格审查（BANT）：{about}");
        add("Task_RecordSmallDealOutcome", "Record small deal outcome: {about}", "记录小额交易结果：{about}");
        add("Task_GoNoGoAssessment", "Go / no-go assessment: {about} ({person})", "是否跟进评估：{about}（{person}）");
        add("Task_WorkStage", "Work the stage {stage}: {about}", "推进阶段「{stage}」：{about}");
        add("Task_ApproveStageAdvance", "Approve advance to {stage}: {about} ({person})", "审批推进到 {stage}：{about}（{person}）");
        add("Task_CreditCheck", "Credit check: {about} ({person})", "信用审查：{about}（{person}）");
        add("Task_ConfirmDelivery", "Confirm delivery: {about}", "确认交付：{about}");
        add("Task_RecordPayment", "Record payment of invoice {number}: {about}", "记录发票 {number} 的付款：{about}");
        // weekly commit and roll-up
        add("Task_SubmitWeeklyCommit", "Submit weekly commit: {period} ({person})", "提交周承诺：{period}（{person}）");
        add("Task_ChaseMissingCommit", "Chase missing commit: {person}, {period}", "催交周承诺：{person}，{period}");
        add("Task_RunCommitCall", "Run commit call: {team}, {period}", "召开承诺电话会：{team}，{period}");
        add("Task_ReviewRollup", "Review roll-up: {team}, {period}", "审阅汇总：{team}，{period}");
        add("Task_ChaseMissingRollup", "Chase missing roll-up: {person}, {period}", "催交汇总：{person}，{period}");
        // monthly forecast
        add("Task_SubmitMonthlyForecast", "Submit 12-month forecast: {period} ({person})", "提交 12 个月预测：{period}（{person}）");
        add("Task_ChaseMissingForecast", "Chase missing forecast: {person}, {period}", "催交月度预测：{person}，{period}");
        add("Task_ReviewMonthlyForecast", "Forecast review: {team}, {period}", "预测评审：{team}，{period}");
        // quarterly business review
        add("Task_PrepareQuarterlyReview", "Prepare quarterly review: {period} ({person})", "准备季度业务评审：{period}（{person}）");
        add("Task_ChaseMissingPreparation", "Chase missing quarterly review: {person}, {period}", "催交季度评审准备：{person}，{period}");
        add("Task_RunQuarterlyReview", "Run quarterly review: {team}, {period}", "主持季度业务评审：{team}，{period}");
        add("Task_ChaseMissingManagerReview", "Chase missing quarterly review: {person}, {period}", "催办季度业务评审：{person}，{period}");
        // key-account plans
        add("Task_PreparePlan", "Set plan direction and team: {about}, {period}", "确定客户计划方向和团队：{about}，{period}");
        add("Task_DevelopPlan", "Write the account plan: {about}, {period}", "编写客户计划：{about}，{period}");
        add("Task_ChaseLatePlan", "Chase late account plan: {about} ({person}), {period}", "催交逾期客户计划：{about}（{person}），{period}");
        add("Task_ReviewPlan", "Review the account plan: {about} ({person}), {period}", "审阅客户计划：{about}（{person}），{period}");
        add("Task_QuarterlyPlanReview", "Quarterly account plan review: {about}, {period}", "客户计划季度评审：{about}，{period}");
        add("Task_PlanProgressReport", "Report account plan progress: {about}, {period}", "汇报客户计划进展：{about}，{period}");
        // meeting rhythm ({stage} is the meeting's kind, {about} the action item)
        add("Task_HoldMeeting", "Hold the {stage}: {person}, {team}, {period}", "召开{stage}：{person}，{team}，{period}");
        add("Task_DoActionItem", "Action item of the {stage} ({period}): {about}", "{stage}（{period}）的待办：{about}");
        add("Task_AnnualTierReview", "Yearly account review: {team}, {period}", "年度客户评审：{team}，{period}");
    }

    private TaskNameRules() {
    }

    private static void add(String taskKey, String en, String zh) {
        TEMPLATES.put(taskKey, new Template(en, zh));
    }

    /** The task definition keys that have a naming. */
    public static Set<String> taskKeys() {
        return TEMPLATES.keySet();
    }

    public static boolean names(String taskKey) {
        return TEMPLATES.containsKey(taskKey);
    }

    /** The template of a task key in a language, e.g. "Approve advance to {stage}: {about} ({person})". */
    public static String template(String taskKey, Language language) {
        Template template = TEMPLATES.get(taskKey);
        if (template == null) {
            throw new IllegalArgumentException("No task name for '" + taskKey + "'");
        }
        return language == Language.ZH ? template.zh() : template.en();
    }

    /** The name of a task about this subject in this language, at most {@link #MAX_LENGTH} characters. */
    public static String name(String taskKey, TaskSubject subject, Language language) {
        String template = template(taskKey, language);
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder name = new StringBuilder();
        while (m.find()) {
            String value = part(subject, m.group(1), language);
            m.appendReplacement(name, Matcher.quoteReplacement(value == null ? "\u0000" : value));
        }
        m.appendTail(name);
        return shorten(dropMissing(name.toString()));
    }

    private static String part(TaskSubject s, String placeholder, Language language) {
        String value = switch (placeholder) {
            case "about" -> s.about();
            case "stage" -> s.stage() == null ? null : s.stage().in(language);
            case "person" -> s.person();
            case "team" -> s.team() == null ? null : (language == Language.ZH ? s.team() + " 的团队" : "team of " + s.team());
            case "period" -> s.period() == null ? null : s.period().in(language);
            case "number" -> s.number();
            default -> throw new IllegalStateException("Unknown placeholder {" + placeholder + "}");
        };
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A missing part goes with its brackets or its separator, e.g. "Review: X ()" becomes "Review: X". */
    private static String dropMissing(String name) {
        String text = name
                .replaceAll(" ?[(（]\u0000[)）]", "")
                .replaceAll("[,，] ?\u0000", "")
                .replaceAll("\u0000[,，] ?", "")
                .replaceAll(" ?「\u0000」", "")
                .replaceAll(" \u0000", "")
                .replace("\u0000", "");
        text = text.replaceAll("[:：] ?$", "");
        return text.strip();
    }

    private static String shorten(String name) {
        return name.length() <= MAX_LENGTH ? name : name.substring(0, MAX_LENGTH - 1) + "…";
    }
}
