package com.salescadence.notification.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.salescadence.notification.NotificationKind;
import com.salescadence.notification.OutboxMessage;
import com.salescadence.notification.OutboxStatus;

/** What a robot posts, cut to the robots' byte limits, and the masking of a robot's credentials. */
class ChatTextTest {

    @Test
    void a_post_names_its_person_and_keeps_the_body_with_its_link_as_markdown_paragraphs() {
        OutboxMessage message = new OutboxMessage(7, "rep1", "", NotificationKind.REPORT_REMINDER, "提醒：周度承诺",
                "任仁，您好：\n\n请提交。\n\n打开任务：http://x/task", OutboxStatus.PENDING, 0, null, Instant.EPOCH, Instant.EPOCH, null);
        ChatText text = ChatText.of(message, "任仁");

        assertThat(text.text()).isEqualTo("@任仁 提醒：周度承诺\n\n任仁，您好：\n\n请提交。\n\n打开任务：http://x/task");
        assertThat(text.markdown()).isEqualTo("**@任仁 提醒：周度承诺**\n\n任仁，您好：\n\n请提交。\n\n打开任务：http://x/task");
    }

    @Test
    void a_text_is_cut_to_a_byte_limit_never_inside_a_character() {
        String chinese = "承诺".repeat(3000); // 18000 bytes
        String cut = ChatText.bytes(chinese, 4096);

        assertThat(cut.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(4096);
        assertThat(cut).endsWith("\u2026").startsWith("承诺承诺");
        assertThat(cut.substring(0, cut.length() - 1)).matches("(承诺)*承?");
        assertThat(ChatText.bytes("short", 4096)).isEqualTo("short");
        assertThat(ChatText.bytes("a😀b".repeat(100), 50).getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(50);
    }

    @Test
    void a_robots_token_and_secret_show_only_their_last_four_characters() {
        assertThat(Masking.webhook("https://oapi.dingtalk.com/robot/send?access_token=abcdef0123456789"))
                .isEqualTo("https://oapi.dingtalk.com/robot/send?access_token=\u2022\u2022\u2022\u20226789");
        assertThat(Masking.webhook("https://open.feishu.cn/open-apis/bot/v2/hook/5e3d587e-d78e-4a07-bd07-265f269f86fd"))
                .isEqualTo("https://open.feishu.cn/open-apis/bot/v2/hook/\u2022\u2022\u2022\u202286fd");
        assertThat(Masking.webhook("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa&debug=1"))
                .isEqualTo("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=\u2022\u2022\u2022\u20225aaa&debug=\u2022\u2022\u2022\u2022");
        assertThat(Masking.hint("SECabcdefghijkl")).isEqualTo("\u2022\u2022\u2022\u2022ijkl");
        assertThat(Masking.hint("short")).isEqualTo("\u2022\u2022\u2022\u2022");
        assertThat(Masking.hint(null)).isNull();
    }
}
