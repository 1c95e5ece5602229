package com.salescadence.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * The same request sent many times at once, as a double click, an impatient user or a client's retry sends it:
 * every request waits at a gate and all are released together, each on a connection of its own.
 */
public final class Burst {

    /** One answer of a burst. */
    public record Answer(int status, String body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private Burst() {
    }

    /** Sends {@code times} requests built by {@code request} at once and answers their statuses and bodies. */
    public static List<Answer> send(int times, Supplier<HttpRequest> request) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        return send(times, request, client);
    }

    public static List<Answer> send(int times, Supplier<HttpRequest> request, HttpClient client) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(times);
        try {
            CountDownLatch gate = new CountDownLatch(1);
            List<Future<Answer>> answers = new ArrayList<>();
            for (int i = 0; i < times; i++) {
                HttpRequest built = request.get();
                answers.add(threads.submit(() -> {
                    gate.await();
                    HttpResponse<String> response = client.send(built, HttpResponse.BodyHandlers.ofString());
                    return new Answer(response.statusCode(), response.body());
                }));
            }
            gate.countDown();
            List<Answer> result = new ArrayList<>();
            for (Future<Answer> answer : answers) {
                result.add(answer.get());
            }
            return result;
        } finally {
            threads.shutdownNow();
        }
    }

    /** A JSON request as a test person (HTTP Basic, {@link TestOrganization#PASSWORD}). */
    public static HttpRequest json(int port, String user, String method, String path, String json) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + TestOrganization.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build();
    }
}
