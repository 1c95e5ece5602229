package com.salescadence.notification.chat;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The chat robots' request signatures, plain Java. */
final class ChatSigning {

    private ChatSigning() {
    }

    /**
     * DingTalk (钉钉) custom robot, "加签": the string to sign is {@code timestamp + "\n" + secret} (timestamp in
     * milliseconds, at most one hour from the server's time), signed with HmacSHA256 keyed by the secret (the
     * {@code SEC...} string of the robot's security settings), then Base64; the caller URL-encodes it as the
     * {@code sign} query parameter next to {@code timestamp}. Source: DingTalk open platform, "自定义机器人安全设置"
     * (open.dingtalk.com/document/robots/customize-robot-security-settings), whose Java sample is
     * {@code mac.init(new SecretKeySpec(secret, "HmacSHA256")); mac.doFinal(timestamp + "\n" + secret)}.
     */
    static String dingTalk(long timestampMillis, String secret) {
        return base64(hmacSha256(secret, timestampMillis + "\n" + secret));
    }

    /**
     * Feishu / Lark (飞书) custom bot, "签名校验": {@code timestamp + "\n" + secret} (timestamp in SECONDS, at most
     * one hour away) is the KEY of HmacSHA256 over an EMPTY message, then Base64; sent as {@code sign} with
     * {@code timestamp} in the JSON body. Source: Feishu open platform, "自定义机器人使用指南"
     * (open.feishu.cn/document/client-docs/bot-v3/add-custom-bot), whose Java sample is
     * {@code mac.init(new SecretKeySpec((timestamp + "\n" + secret).getBytes(UTF_8), "HmacSHA256")); mac.doFinal(new byte[]{})}.
     * Note the difference to DingTalk (key and message swapped, seconds not milliseconds).
     */
    static String feishu(long timestampSeconds, String secret) {
        return base64(hmacSha256(timestampSeconds + "\n" + secret, ""));
    }

    private static byte[] hmacSha256(String key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
