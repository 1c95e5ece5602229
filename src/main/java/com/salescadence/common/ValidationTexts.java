package com.salescadence.common;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Chinese text of a refusal, so that a person reads it in both languages: "证据为必填项。 / Evidence is
 * required.". A message already holding Chinese is kept as it is; one without a Chinese text here stays English.
 * Plain Java: English patterns with their Chinese template, and the Chinese names of the fields they name.
 */
public final class ValidationTexts {

    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    private record Rule(Pattern english, Function<Matcher, String> chinese) {
    }

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("A comment telling the rep what is missing", "告诉销售代表缺少什么的意见"),
            Map.entry("A note explaining the refusal", "说明拒绝原因的备注"),
            Map.entry("A reason for the adjustment", "调整原因"),
            Map.entry("Account name", "客户名称"), Map.entry("Amount received", "收款金额"), Map.entry("Amount", "金额"),
            Map.entry("Authority", "决策权"), Map.entry("Bank reference", "银行流水号"), Map.entry("Budget", "预算"),
            Map.entry("Chase note", "催办记录"), Map.entry("Closed on", "关闭日期"),
            Map.entry("Collective review of the other accounts", "其余客户的集体评审"), Map.entry("Comment", "意见"),
            Map.entry("Contact name", "联系人姓名"), Map.entry("Created on", "创建日期"), Map.entry("Credit decision", "信用决定"),
            Map.entry("Decision", "决定"), Map.entry("Delivery date", "交付日期"), Map.entry("Delivery note", "交付说明"),
            Map.entry("Direction", "方向"), Map.entry("E-mail", "电子邮箱"), Map.entry("Email", "电子邮箱"),
            Map.entry("Estimated amount", "预计金额"), Map.entry("Expected close date", "预计成交日期"), Map.entry("Evidence", "证据"),
            Map.entry("Full name", "姓名"), Map.entry("Industry", "行业"), Map.entry("Lead title", "线索标题"),
            Map.entry("Login name", "登录名"), Map.entry("Loss reason", "丢单原因"), Map.entry("Need", "需求"),
            Map.entry("Next-quarter plan", "下季度计划"), Map.entry("Notes", "记录"), Map.entry("Note", "备注"),
            Map.entry("On track", "是否按期"), Map.entry("Opportunity name", "商机名称"), Map.entry("Outcome", "结果"),
            Map.entry("Payment date", "付款日期"), Map.entry("Phone", "电话"), Map.entry("Project tracking", "项目跟踪"),
            Map.entry("Proposed next-quarter target", "建议的下季度目标"), Map.entry("Quota", "配额"),
            Map.entry("Reason for disqualifying", "取消资格的原因"), Map.entry("Reasoning", "理由"), Map.entry("Review notes", "评审记录"),
            Map.entry("Source", "来源"), Map.entry("Stretch target", "挑战目标"), Map.entry("Team members", "团队成员"),
            Map.entry("Timeline", "时间表"), Map.entry("Title", "职务"), Map.entry("Weeks to develop the plan", "编写计划的周数"),
            Map.entry("What next", "下一步"), Map.entry("Probability", "赢率"), Map.entry("Claimed probability", "申报的赢率"),
            Map.entry("Executive summary", "执行摘要"), Map.entry("Strategic options", "战略选择"), Map.entry("Business risks", "业务风险"),
            Map.entry("Customer analysis", "客户分析"), Map.entry("Customer overview and analysis", "客户概况与分析"),
            Map.entry("Appendix", "附录"), Map.entry("Goals and objectives", "目标"),
            Map.entry("Actions and resources", "行动与资源"), Map.entry("Action plan", "行动计划"),
            Map.entry("Adjusted commit", "调整后的承诺"), Map.entry("Adjusted upside", "调整后的潜在成交"));

    private static final List<Rule> RULES = List.of(
            rule("(.+) is required\\.", m -> label(m.group(1)) + "为必填项。"),
            rule("(.+) is too long: at most (\\d+) characters, got (\\d+)\\.",
                    m -> label(m.group(1)) + "太长：最多 " + m.group(2) + " 个字符，实际为 " + m.group(3) + " 个。"),
            rule("(.+) may not contain a NUL character\\.", m -> label(m.group(1)) + "不能包含 NUL 字符。"),
            rule("(.+) must be greater than zero\\.", m -> label(m.group(1)) + "必须大于零。"),
            rule("(.+) may have at most two decimals\\.", m -> label(m.group(1)) + "最多只能有两位小数。"),
            rule("(.+) is unrealistically large\\.", m -> label(m.group(1)) + "大得不合实际。"),
            rule("(.+) must be a number, got '(.*)'\\.", m -> label(m.group(1)) + "必须是数字，而不是“" + m.group(2) + "”。"),
            rule("(.+) must be a whole percentage, got (.+)\\.", m -> label(m.group(1)) + "必须是整数百分比，而不是 " + m.group(2) + "。"),
            rule("(.+) must be between 0 and 100, got (.+)\\.", m -> label(m.group(1)) + "必须在 0 到 100 之间，而不是 " + m.group(2) + "。"),
            rule("(.+) must be a date like 2026-12-31, got '(.*)'\\.",
                    m -> label(m.group(1)) + "必须是形如 2026-12-31 的日期，而不是“" + m.group(2) + "”。"),
            rule("(.+): choose one of (.+?)(?:, not '(.*)')?\\.",
                    m -> label(m.group(1)) + "：请从 " + m.group(2) + " 中选择一项" + (m.group(3) == null ? "" : "，而不是“" + m.group(3) + "”") + "。"),
            rule("Probability cannot be negative\\.", m -> "赢率不能为负数。"),
            rule("A deal in (.+) may claim at most (\\d+)% probability; you claimed (\\d+)%\\.",
                    m -> "处于“" + m.group(1) + "”阶段的商机最多只能申报 " + m.group(2) + "% 的赢率；您申报了 " + m.group(3) + "%。"),
            rule("A deal in (.+) can only advance to (.+), not to (.+): stages cannot be skipped\\.",
                    m -> "处于“" + m.group(1) + "”的商机只能推进到“" + m.group(2) + "”，不能推进到“" + m.group(3) + "”：不能跳过阶段。"),
            rule("The deal is already (.+); it cannot advance\\.", m -> "该商机已处于“" + m.group(1) + "”，无法推进。"),
            rule("(.+) is in the past\\.", m -> m.group(1).replace("Expected close date", "预计成交日期") + " 已经过去。"),
            rule("Choose whether to ask for an advance or to record the deal as lost\\.", m -> "请选择申请推进还是将商机记录为丢单。"),
            rule("There is no advance request waiting for a decision on this deal\\.", m -> "该商机没有等待决定的推进申请。"),
            rule("You cannot approve your own stage advance: (.+)", m -> "您不能批准自己的阶段推进：" + m.group(1)),
            rule("Unknown stage '(.+?)'\\. The stages of (.+) are: (.+)\\.",
                    m -> "未知阶段“" + m.group(1) + "”。" + m.group(2) + "的阶段有：" + m.group(3) + "。"),
            rule("'(.+)' is not a list of values\\.", m -> "“" + m.group(1) + "”不是值的列表。"),
            rule("'(.+)' is not a list of rows\\.", m -> "“" + m.group(1) + "”不是行的列表。"),
            rule("Cannot advance from (.+) to (.+) yet: missing required outcome\\(s\\): (.+)\\.",
                    m -> "尚不能从“" + m.group(1) + "”推进到“" + m.group(2) + "”：缺少必需的成果：" + m.group(3) + "。"),
            rule("(.+) may not be negative, got (.+)\\.", m -> label(m.group(1)) + "不能为负数，而不是 " + m.group(2) + "。"),
            rule("(.+) is required \\(0 when there is none\\)\\.", m -> label(m.group(1)) + "为必填项（没有时填 0）。"),
            rule("(.+) must be zero or more, got (.+)\\.", m -> label(m.group(1)) + "必须为 0 或以上，而不是 " + m.group(2) + "。"),
            rule("(.+) is too large: at most (\\d+), got (.+)\\.",
                    m -> label(m.group(1)) + "太大：最多 " + m.group(2) + "，实际为 " + m.group(3) + "。"),
            rule("(.+) may have at most two decimals, got (.+)\\.", m -> label(m.group(1)) + "最多只能有两位小数，而不是 " + m.group(2) + "。"),
            rule("'(.+)' does not report to you: you can only adjust your direct reports' figures\\.",
                    m -> "“" + m.group(1) + "”不是您的直接下属：您只能调整直接下属的数字。"),
            rule("'(.+)' is adjusted twice in one call: one line per person\\.", m -> "“" + m.group(1) + "”在一次电话会中被调整了两次：每人只能一行。"),
            rule("Your roll-up for this week is already submitted; adjustments are closed\\.", m -> "您本周的汇总已提交，不能再调整。"));

    private ValidationTexts() {
    }

    private static Rule rule(String english, Function<Matcher, String> chinese) {
        return new Rule(Pattern.compile(english, Pattern.DOTALL), chinese);
    }

    private static String label(String english) {
        String known = LABELS.get(english);
        if (known != null) {
            return known;
        }
        for (Map.Entry<String, String> entry : LABELS.entrySet()) {
            // "Forecast year 2", "Evidence for 'Budget known'", "Outcome for Xu Ming": the known start, the rest as it is
            if (english.startsWith(entry.getKey() + " ") && entry.getKey().length() > 3) {
                return entry.getValue() + english.substring(entry.getKey().length());
            }
        }
        return english.startsWith("Forecast year ") ? "第 " + english.substring(14) + " 年预测" : english;
    }

    /** The Chinese text of a refusal, or null when there is none. */
    public static String chinese(String english) {
        if (english == null) {
            return null;
        }
        for (Rule rule : RULES) {
            Matcher m = rule.english().matcher(english.strip());
            if (m.matches()) {
                return rule.chinese().apply(m);
            }
        }
        return null;
    }

    /** "中文 / English" when the message has a Chinese text and holds none yet; else the message as it is. */
    public static String bilingual(String message) {
        if (message == null || HAN.matcher(message).find()) {
            return message;
        }
        String chinese = chinese(message);
        return chinese == null ? message : chinese + " / " + message;
    }
}
