package com.salescadence.imports;

import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.salescadence.common.ValidationTexts;

/**
 * The Chinese of an import's summary and of its row problems, for the import page and API in the person's language:
 * a text that already holds Chinese (the bilingual "English / 中文" refusals) stays as it is; the import's own texts are
 * translated by the rules here, the field checks' by {@link ValidationTexts}; anything else stays English.
 */
final class ImportTexts {

    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final Pattern COUNT = Pattern.compile("(\\d+) (people|person|quotas|quota|accounts|account|contacts|contact"
            + "|opportunities|opportunity|stage history entries|orders|order|weekly commits|weekly snapshots reconstructed)");

    private record Rule(Pattern english, Function<Matcher, String> chinese) {
    }

    private static final List<Rule> RULES = List.of(
            rule("(\\d+) of (\\d+) rows are bad \\((\\d+) problems(?:; the first (\\d+) are listed)?\\); nothing was stored\\. Fix them and import the files again\\.",
                    m -> m.group(2) + " 行中有 " + m.group(1) + " 行有错（共 " + m.group(3) + " 个问题" + (m.group(4) == null ? "" : "，列出前 " + m.group(4) + " 个")
                            + "）；未保存任何数据。请改正后重新导入。"),
            rule("Dry run: all (\\d+) rows are valid \\((.*)\\); nothing was stored\\.",
                    m -> "试运行：全部 " + m.group(1) + " 行均有效（" + counts(m.group(2)) + "）；未保存任何数据。"),
            rule("Imported (.*)\\.", m -> "已导入 " + counts(m.group(1)) + "。"),
            rule("The import failed and stored nothing: (.*)", m -> "导入失败，未保存任何数据：" + m.group(1)),
            rule("Someone stored some of these rows at the same time; .*",
                    m -> "有人同时保存了其中部分行；本次导入未保存任何数据。请重新导入：已存在的行会被列出。"),
            rule("Duplicate: (.+) (?:is )?already on line (\\d+)(.*)", m -> "重复：与第 " + m.group(2) + " 行重复（" + m.group(1) + "）。"),
            rule("Owner is required: .*", m -> "负责人为必填项：销售代表或经理的登录名。"),
            rule("(Owner|Rep) '(.+)' is not a known person\\.", m -> who(m.group(1)) + "“" + m.group(2) + "”不是已知人员。"),
            rule("Owner '(.+)' is not a rep or manager\\.", m -> "负责人“" + m.group(1) + "”不是销售代表或经理。"),
            rule("(Owner|Rep) '(.+)' is not in your team\\.", m -> who(m.group(1)) + "“" + m.group(2) + "”不在您的团队中。"),
            rule("'(.+)' is not a rep: .*", m -> "“" + m.group(1) + "”不是销售代表：每周承诺由销售代表提交（经理的数字逐级汇总）。"),
            rule("(.+) must be a number like (.+), got '(.*)'\\.", m -> m.group(1) + " 必须是形如 " + m.group(2) + " 的数字，而不是“" + m.group(3) + "”。"),
            rule("(.+) must be a date like 2026-12-31 \\(yyyy-MM-dd\\), got '(.*)'\\.",
                    m -> m.group(1) + " 必须是形如 2026-12-31（yyyy-MM-dd）的日期，而不是“" + m.group(2) + "”。"),
            rule("(.+) must be between (\\d+) and (\\d+), got (.+)\\.", m -> m.group(1) + " 必须在 " + m.group(2) + " 到 " + m.group(3)
                    + " 年之间，而不是 " + m.group(4) + "。"),
            rule("Currency '(.*)' is not one this system uses \\((.+)\\)\\.", m -> "币种“" + m.group(1) + "”不是本系统使用的币种（" + m.group(2) + "）。"),
            rule("No account named '(.+)', neither in this import nor among the accounts you may see\\.",
                    m -> "没有名为“" + m.group(1) + "”的客户：既不在本次导入中，也不在您可见的客户中。"),
            rule("Account is required: .*", m -> "客户为必填项：本次导入或您名下客户的名称。"),
            rule("Account '(.+)' already exists\\.", m -> "客户“" + m.group(1) + "”已存在。"),
            rule("Deal '(.+)' of '(.+)' already exists\\.", m -> "客户“" + m.group(2) + "”的商机“" + m.group(1) + "”已存在。"),
            rule("Contact '(.+)' of '(.+)' already exists\\.", m -> "客户“" + m.group(2) + "”的联系人“" + m.group(1) + "”已存在。"),
            rule("Tier is required: .*", m -> "级别为必填项：KEY、SECOND 或 OTHER。"),
            rule("Tier must be KEY, SECOND or OTHER, got '(.*)'\\.", m -> "级别必须是 KEY、SECOND 或 OTHER，而不是“" + m.group(1) + "”。"),
            rule("Stage is required: one of (.+)\\.", m -> "阶段为必填项：" + m.group(1) + " 之一。"),
            rule("Closed on is only for won or lost deals; this one is open in (.+)\\.",
                    m -> "关闭日期仅用于赢单或丢单的商机；此商机仍处于“" + m.group(1) + "”。"),
            rule("Loss reason is only for lost deals; this one is in (.+)\\.", m -> "丢单原因仅用于丢单的商机；此商机处于“" + m.group(1) + "”。"),
            rule("A deal below (.+) stays out of the funnel: while open it stays in (.+) \\((.+)\\); got (.+)\\.",
                    m -> "金额低于 " + m.group(1) + " 的商机不进入漏斗：未关闭时停留在“" + m.group(2) + "”（" + m.group(3) + "），而不是 " + m.group(4) + "。"),
            rule("A deal below (.+) is out of the funnel: it has no stage history\\.",
                    m -> "金额低于 " + m.group(1) + " 的商机不在漏斗中：没有阶段历史。"),
            rule("A (won|lost) deal closed on or before today; (.+) is in the future\\.",
                    m -> ("won".equals(m.group(1)) ? "赢单" : "丢单") + "商机应在今天或之前关闭；" + m.group(2) + " 是将来的日期。"),
            rule("(.+) is in the future\\.", m -> m.group(1) + " 是将来的日期。"),
            rule("Created on (.+) is after the deal closed \\((.+)\\)\\.", m -> "创建日期 " + m.group(1) + " 晚于商机关闭日期（" + m.group(2) + "）。"),
            rule("No deal '(.+)' in this import's opportunities file \\(by its ref, or its name\\) nor among the deals of your team imported before: .*",
                    m -> "没有商机“" + m.group(1) + "”：既不在本次导入的商机文件中（按编号或名称），也不在您团队此前导入的商机中：订单属于赢单的商机。"),
            rule("Deal '(.+)' names (\\d+) deals of your team imported before: .*",
                    m -> "“" + m.group(1) + "”对应您团队此前导入的 " + m.group(2) + " 个商机：请使用各商机导入时的编号。"),
            rule("Only a won deal has an order; deal '(.+)' is (open|lost)\\.",
                    m -> "只有赢单的商机才有订单；商机“" + m.group(1) + "”" + ("open".equals(m.group(2)) ? "尚未关闭" : "已丢单") + "。"),
            rule("Deal '(.+)' already has an order\\.", m -> "商机“" + m.group(1) + "”已有订单。"),
            rule("Ordered on (.+) is before deal '(.+)' was won \\((.+)\\)\\.",
                    m -> "下单日期 " + m.group(1) + " 早于商机“" + m.group(2) + "”的赢单日期（" + m.group(3) + "）。"),
            rule("No deal '(.+)' in this import's opportunities file .*",
                    m -> "本次导入的商机文件中没有商机“" + m.group(1) + "”（按编号或名称）：商机的历史须与商机一起导入。"),
            rule("Deal is required: .*", m -> "商机为必填项：本次导入商机文件中商机的编号（或名称）。"),
            rule("Entered on (.+) is before deal '(.+)' was created \\((.+)\\)\\.",
                    m -> "进入日期 " + m.group(1) + " 早于商机“" + m.group(2) + "”的创建日期（" + m.group(3) + "）。"),
            rule("Entered on (.+) is after deal '(.+)' closed \\((.+)\\)\\.",
                    m -> "进入日期 " + m.group(1) + " 晚于商机“" + m.group(2) + "”的关闭日期（" + m.group(3) + "）。"),
            rule("The latest stage of deal '(.+)' must be .* \\((.+)\\), got (.+) on (.+)\\.",
                    m -> "商机“" + m.group(1) + "”最近的阶段必须是 " + m.group(2) + "，而不是 " + m.group(4) + " 的 " + m.group(3) + "。"),
            rule("Only a won deal has an order; deal '(.+)' is in (.+)\\.", m -> "只有赢单的商机才有订单；商机“" + m.group(1) + "”处于“" + m.group(2) + "”。"),
            rule("(.+) already has a weekly commit for the week of (.+)\\.", m -> m.group(1) + " 已有 " + m.group(2) + " 这一周的每周承诺。"),
            rule("The week of (.+) has not ended yet: .*", m -> m.group(1) + " 这一周尚未结束：只能导入过去的周；本周的承诺在节奏流程中提交。"),
            rule("Week must be like 2025-W40 .*", m -> "周必须形如 2025-W40 或该周内的某一天（2025-09-29）。"),
            rule("Role must be REP, MANAGER, ADMIN or FINANCE, got '(.*)'\\.", m -> "角色必须是 REP、MANAGER、ADMIN 或 FINANCE，而不是“" + m.group(1) + "”。"),
            rule("Language must be zh or en, got '(.*)'\\.", m -> "语言必须是 zh 或 en，而不是“" + m.group(1) + "”。"),
            rule("Period must be a quarter like 2026-Q4, got '(.*)'\\.", m -> "期间必须是形如 2026-Q4 的季度，而不是“" + m.group(1) + "”。"),
            rule("The stretch target must be at least the quota \\((.+)\\)\\.", m -> "挑战目标不能低于配额（" + m.group(1) + "）。"));

    private ImportTexts() {
    }

    private static Rule rule(String english, Function<Matcher, String> chinese) {
        return new Rule(Pattern.compile(english, Pattern.DOTALL), chinese);
    }

    /** The Chinese (or bilingual) text of an import's message or problem; the text itself when there is none. */
    static String chinese(String english) {
        if (english == null || english.isBlank() || HAN.matcher(english).find()) {
            return english;
        }
        for (Rule rule : RULES) {
            Matcher m = rule.english().matcher(english.strip());
            if (m.matches()) {
                return rule.chinese().apply(m);
            }
        }
        String checked = ValidationTexts.chinese(english);
        return checked == null ? english : checked;
    }

    private static String who(String english) {
        return "Rep".equals(english) ? "销售代表" : "负责人";
    }

    /** "3 people, 2 accounts, 40 stage history entries" in Chinese. */
    static String counts(String english) {
        Matcher m = COUNT.matcher(english);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String unit = switch (m.group(2)) {
                case "people", "person" -> " 名人员";
                case "quotas", "quota" -> " 条配额";
                case "accounts", "account" -> " 个客户";
                case "contacts", "contact" -> " 个联系人";
                case "opportunities", "opportunity" -> " 个商机";
                case "stage history entries" -> " 条阶段历史";
                case "orders", "order" -> " 个订单";
                case "weekly commits" -> " 条每周承诺";
                default -> " 个重建的每周快照";
            };
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + unit));
        }
        m.appendTail(out);
        return out.toString().replace(", ", "，");
    }
}
