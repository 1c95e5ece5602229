package com.salescadence.imports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The import page's and API's Chinese of an import's summary and problems (issue 12: messages in the person's language). */
class ImportTextsTest {

    @Test
    void the_summaries_of_a_refused_a_dry_run_and_a_done_import_read_in_chinese() {
        assertThat(ImportTexts.chinese("3 of 40 rows are bad (5 problems); nothing was stored. Fix them and import the files again."))
                .isEqualTo("40 行中有 3 行有错（共 5 个问题）；未保存任何数据。请改正后重新导入。");
        assertThat(ImportTexts.chinese("Dry run: all 12 rows are valid (2 accounts, 5 opportunities, 5 stage history entries); nothing was stored."))
                .isEqualTo("试运行：全部 12 行均有效（2 个客户，5 个商机，5 条阶段历史）；未保存任何数据。");
        assertThat(ImportTexts.chinese("Imported 1 person, 2 accounts, 5 opportunities, 13 weekly snapshots reconstructed."))
                .isEqualTo("已导入 1 名人员，2 个客户，5 个商机，13 个重建的每周快照。");
    }

    @Test
    void row_problems_read_in_chinese_and_bilingual_ones_stay_as_they_are() {
        assertThat(ImportTexts.chinese("Owner 'x.y' is not a known person.")).isEqualTo("负责人“x.y”不是已知人员。");
        assertThat(ImportTexts.chinese("Amount must be a number like 125000.00, got 'abc'.")).contains("125000.00").contains("abc").contains("必须");
        assertThat(ImportTexts.chinese("Amount is required.")).isEqualTo("金额为必填项。");
        assertThat(ImportTexts.chinese("No deal 'D-9' in this import's opportunities file (by its ref, or its name): a deal's history is imported together with the deal."))
                .startsWith("本次导入的商机文件中没有商机“D-9”");
        // issue 12: orders of deals imported before
        assertThat(ImportTexts.chinese("No deal 'D-9' in this import's opportunities file (by its ref, or its name) nor among the deals of "
                + "your team imported before: an order belongs to a won deal.")).startsWith("没有商机“D-9”").contains("此前导入");
        assertThat(ImportTexts.chinese("Only a won deal has an order; deal 'D-9' is open.")).isEqualTo("只有赢单的商机才有订单；商机“D-9”尚未关闭。");
        assertThat(ImportTexts.chinese("Deal 'D-9' already has an order.")).isEqualTo("商机“D-9”已有订单。");
        assertThat(ImportTexts.chinese("Deal 'Big' names 2 deals of your team imported before: use the ref each was imported with."))
                .isEqualTo("“Big”对应您团队此前导入的 2 个商机：请使用各商机导入时的编号。");
        assertThat(ImportTexts.chinese("Ordered on 2025-01-01 is before deal 'D-9' was won (2025-02-01).")).startsWith("下单日期 2025-01-01 早于");
        String bilingual = "User 005 is not in User.csv. / 用户 005 不在 User.csv 中。";
        assertThat(ImportTexts.chinese(bilingual)).isEqualTo(bilingual);
        assertThat(ImportTexts.chinese("Something nobody translated.")).isEqualTo("Something nobody translated.");
    }
}
