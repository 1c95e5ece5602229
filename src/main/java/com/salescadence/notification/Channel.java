package com.salescadence.notification;

/** Where one outbox row is delivered: by mail, or to a team's chat robot; stored as its name in {@code outbox_message.channel}. */
public enum Channel {
    MAIL,
    /** 企业微信 group robot. */
    WECOM,
    /** 钉钉 custom robot. */
    DINGTALK,
    /** 飞书 / Lark custom bot. */
    FEISHU;

    public boolean isChat() {
        return this != MAIL;
    }
}
