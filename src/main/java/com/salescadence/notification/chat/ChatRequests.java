package com.salescadence.notification.chat;

import java.time.Instant;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.salescadence.notification.Channel;
import com.salescadence.notification.DeliveryPreference;

import io.swagger.v3.oas.annotations.media.Schema;

/** The request and response bodies of /api/chat-channels, /api/notification-channels and /api/me/notification-channels. */
final class ChatRequests {

    private ChatRequests() {
    }

    @Schema(name = "ChatRobotChange", description = "A team's robot. The webhook address and the secret are never shown again in "
            + "full: leave them empty to keep the ones stored.")
    record RobotChange(
            @NotNull @Schema(allowableValues = {"WECOM", "DINGTALK", "FEISHU"}) Channel kind,
            @Size(max = 500) @Pattern(regexp = "(https?://\\S+)?", message = "must be an http(s) address without spaces")
            @Schema(example = "https://oapi.dingtalk.com/robot/send?access_token=...") String webhookUrl,
            @Size(max = 200) @Pattern(regexp = "\\S*", message = "must not contain spaces")
            @Schema(description = "the signing secret (DingTalk: SEC..., Feishu); empty keeps the stored one") String secret,
            @Schema(description = "true removes the stored secret (the robot does not sign)") boolean clearSecret) {
    }

    @Schema(name = "ChatRobot", description = "A team's robot as administrators see it: address and secret masked")
    record RobotView(String teamId, String teamName, Channel kind, String webhookUrl, boolean secretSet, String secretHint,
            Instant updatedAt, String updatedBy) {
    }

    @Schema(name = "NotificationChannels", description = "How a person is told: MAIL, CHAT (their team's robot) or BOTH")
    record ChannelsChange(@NotNull DeliveryPreference channels) {
    }

    @Schema(name = "PersonChannels", description = "A person's choice and the robot that reaches them (null: none, so chat falls back to mail)")
    record PersonChannels(String personId, String name, DeliveryPreference channels, String robotTeamId, Channel robotKind) {
    }
}
