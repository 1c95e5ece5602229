package com.salescadence.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for the chat apps' robot endpoints in tests: an HTTP server on a free local port that records every
 * request (path, query, body, the outbox id header) and answers, per path, the next scripted answer, then its default.
 */
public final class ChatRobotServer implements AutoCloseable {

    /** One request as received. */
    public record Received(String path, String query, String body, String outboxId) {
    }

    /** An answer: HTTP status and JSON body. */
    public record Answer(int status, String body) {
    }

    private final HttpServer server;
    private final java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(4);
    private final List<Received> received = new ArrayList<>();
    private final Map<String, Deque<Answer>> scripted = new ConcurrentHashMap<>();
    private final Map<String, Answer> defaults = new ConcurrentHashMap<>();

    private ChatRobotServer(HttpServer server) {
        this.server = server;
    }

    public static ChatRobotServer start() throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        ChatRobotServer robots = new ChatRobotServer(http);
        http.createContext("/", robots::handle);
        http.setExecutor(robots.threads);
        http.start();
        return robots;
    }

    /** The address of a path on this server, e.g. url("/robot/send?access_token=t"). */
    public String url(String pathAndQuery) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery;
    }

    /** The answers to give on {@code path}, in order, before {@code otherwise} for every further request. */
    public void answer(String path, Answer otherwise, Answer... first) {
        scripted.put(path, new ArrayDeque<>(List.of(first)));
        defaults.put(path, otherwise);
    }

    public synchronized List<Received> received() {
        return List.copyOf(received);
    }

    public synchronized List<Received> received(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String path = exchange.getRequestURI().getPath();
        synchronized (this) {
            received.add(new Received(path, exchange.getRequestURI().getRawQuery(), body,
                    exchange.getRequestHeaders().getFirst("X-Cadence-Outbox-Id")));
        }
        Deque<Answer> queue = scripted.get(path);
        Answer answer;
        synchronized (this) {
            answer = queue != null && !queue.isEmpty() ? queue.poll() : defaults.getOrDefault(path, new Answer(404, "{}"));
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
