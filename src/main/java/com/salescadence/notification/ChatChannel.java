package com.salescadence.notification;

import java.time.Instant;

/**
 * A team's chat robot, set by an administrator.
 *
 * @param teamId     the manager who leads the team
 * @param kind       which app (never MAIL)
 * @param webhookUrl the robot's address, with its token
 * @param secret     the signing secret (DingTalk, Feishu; null when the robot does not sign)
 */
public record ChatChannel(String teamId, Channel kind, String webhookUrl, String secret, Instant updatedAt, String updatedBy) {
}
