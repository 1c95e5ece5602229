package com.salescadence.notification.chat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.salescadence.notification.Channel;
import com.salescadence.notification.ChannelSender;
import com.salescadence.notification.ChatChannel;
import com.salescadence.notification.OutboxMessage;
import com.salescadence.organization.OrganizationService;
import com.salescadence.organization.Person;

/**
 * The three group robots, as the outbox's {@link ChannelSender}s. Signatures use the real time (the robot compares
 * the timestamp with its own clock), never the engine's business clock.
 */
@Configuration(proxyBeanMethods = false)
class ChatSenders {

    /** WeCom's markdown content is at most 4096 bytes (企业微信 "群机器人配置说明", developer.work.weixin.qq.com/document/path/91770). */
    static final int WECOM_MAX_BYTES = 4096;
    /** DingTalk keeps a message to 20000 bytes; we stay well below. */
    static final int DINGTALK_MAX_BYTES = 15000;

    private final Clock realTime = Clock.systemUTC();

    /**
     * 企业微信 group robot: POST {"msgtype": "markdown", "markdown": {"content": ...}} to the webhook
     * ({@code https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=...}); answer {"errcode": 0, "errmsg": "ok"}.
     * The key in the URL is the robot's only credential (no signature).
     */
    @Bean
    ChannelSender weComSender(RobotPost post, OrganizationService organization) {
        return sender(Channel.WECOM, (message, robot) -> {
            ChatText text = ChatText.of(message, name(organization, message));
            post.post(robot.webhookUrl(), Map.of("msgtype", "markdown",
                    "markdown", Map.of("content", ChatText.bytes(text.markdown(), WECOM_MAX_BYTES))), message.id(), "errcode");
        });
    }

    /**
     * 钉钉 custom robot: POST {"msgtype": "markdown", "markdown": {"title", "text"}} to the webhook
     * ({@code https://oapi.dingtalk.com/robot/send?access_token=...}), with {@code &timestamp=...&sign=...} added
     * when the robot signs ({@link ChatSigning#dingTalk}); answer {"errcode": 0, "errmsg": "ok"}.
     */
    @Bean
    ChannelSender dingTalkSender(RobotPost post, OrganizationService organization) {
        return sender(Channel.DINGTALK, (message, robot) -> {
            ChatText text = ChatText.of(message, name(organization, message));
            String url = robot.webhookUrl();
            if (robot.secret() != null && !robot.secret().isBlank()) {
                long timestamp = realTime.millis();
                url += (url.contains("?") ? "&" : "?") + "timestamp=" + timestamp + "&sign="
                        + URLEncoder.encode(ChatSigning.dingTalk(timestamp, robot.secret()), StandardCharsets.UTF_8);
            }
            post.post(url, Map.of("msgtype", "markdown", "markdown", Map.of("title", text.title(),
                    "text", ChatText.bytes(text.markdown(), DINGTALK_MAX_BYTES))), message.id(), "errcode");
        });
    }

    /**
     * 飞书 custom bot: POST {"timestamp", "sign", "msg_type": "text", "content": {"text"}} to the webhook
     * ({@code https://open.feishu.cn/open-apis/bot/v2/hook/...}); timestamp and sign ({@link ChatSigning#feishu}) only
     * when the bot signs; answer {"code": 0, "msg": "success"} (older bots {"StatusCode": 0}).
     */
    @Bean
    ChannelSender feishuSender(RobotPost post, OrganizationService organization) {
        return sender(Channel.FEISHU, (message, robot) -> {
            ChatText text = ChatText.of(message, name(organization, message));
            Map<String, Object> body = new LinkedHashMap<>();
            if (robot.secret() != null && !robot.secret().isBlank()) {
                long timestamp = realTime.instant().getEpochSecond();
                body.put("timestamp", Long.toString(timestamp));
                body.put("sign", ChatSigning.feishu(timestamp, robot.secret()));
            }
            body.put("msg_type", "text");
            body.put("content", Map.of("text", text.text()));
            post.post(robot.webhookUrl(), body, message.id(), "code", "StatusCode");
        });
    }

    private static String name(OrganizationService organization, OutboxMessage message) {
        return organization.findPerson(message.recipientId()).map(Person::fullName).orElse(message.recipientId());
    }

    private interface Send {
        void send(OutboxMessage message, ChatChannel robot);
    }

    private static ChannelSender sender(Channel channel, Send send) {
        return new ChannelSender() {
            @Override
            public Channel channel() {
                return channel;
            }

            @Override
            public void send(OutboxMessage message, ChatChannel robot) {
                send.send(message, robot);
            }
        };
    }
}
