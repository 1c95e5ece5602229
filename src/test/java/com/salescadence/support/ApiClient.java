package com.salescadence.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** The product's REST API at a base URL, called with HTTP Basic as a person would (password {@link TestOrganization#PASSWORD}). */
public record ApiClient(String baseUrl) {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public HttpResponse<String> post(String user, String path, String json) throws IOException, InterruptedException {
        return send(user, HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> put(String user, String path, String json) throws IOException, InterruptedException {
        return send(user, HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> delete(String user, String path) throws IOException, InterruptedException {
        return send(user, HttpRequest.newBuilder(URI.create(baseUrl + path)).DELETE());
    }

    public HttpResponse<String> get(String user, String path) throws IOException, InterruptedException {
        return send(user, HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    private HttpResponse<String> send(String user, HttpRequest.Builder request) throws IOException, InterruptedException {
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (user + ":" + TestOrganization.PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
