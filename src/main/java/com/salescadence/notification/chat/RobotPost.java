package com.salescadence.notification.chat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.salescadence.notification.OutboxDeliveryJob;

/**
 * One POST of a JSON body to a chat robot, and the robot's answer judged: accepted only when the HTTP status is 2xx
 * AND the app's own code is 0 ({@code errcode} for WeCom and DingTalk, {@code code} (or the older
 * {@code StatusCode}) for Feishu). Anything else throws {@link RobotRefusedException}, so the outbox retries it.
 */
@Component
class RobotPost {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    private final ObjectMapper json = new ObjectMapper();

    /** Posts {@code body} to {@code url}; {@code codeFields} are the answer's fields that must be 0 (the first present counts). */
    void post(String url, Object body, long outboxId, String... codeFields) {
        String payload;
        try {
            payload = json.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException("chat message not serialisable", e);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Content-Type", "application/json; charset=utf-8")
                .header(OutboxDeliveryJob.OUTBOX_ID_HEADER, Long.toString(outboxId))
                .POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new RobotRefusedException("robot not reachable: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RobotRefusedException("interrupted while posting to the robot");
        }
        if (response.statusCode() / 100 != 2) {
            throw new RobotRefusedException("robot answered HTTP " + response.statusCode() + ": " + shortly(response.body()));
        }
        JsonNode answer;
        try {
            answer = json.readTree(response.body());
        } catch (IOException e) {
            throw new RobotRefusedException("robot answered HTTP " + response.statusCode() + " without JSON: " + shortly(response.body()));
        }
        for (String field : codeFields) {
            JsonNode code = answer == null ? null : answer.get(field);
            if (code != null) {
                if (code.asLong(-1) != 0) {
                    throw new RobotRefusedException("robot refused the message (" + field + " " + code.asText() + "): "
                            + shortly(response.body()));
                }
                return;
            }
        }
        throw new RobotRefusedException("robot answered without " + String.join(" or ", codeFields) + ": " + shortly(response.body()));
    }

    private static String shortly(String text) {
        return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "\u2026" : text;
    }

    /** The robot did not take the message; the outbox tries again later. */
    static final class RobotRefusedException extends RuntimeException {
        RobotRefusedException(String message) {
            super(message);
        }
    }
}
