package com.salescadence.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A browser's session of Camunda's web apps without a browser: it opens an app (session and CSRF cookie), signs in
 * with the app's own login form call, and sends requests with the session cookie and the CSRF header as the
 * Tasklist's pages do (for example the Tasklist's "Complete": POST /camunda/api/engine/engine/default/task/{id}/submit-form).
 */
public final class WebAppSession {

    private final String root;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;

    public WebAppSession(int port) {
        this.root = "http://localhost:" + port;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** Signs in to an app ("tasklist", "cockpit", "admin") and answers the login's status (200, or 403 without access). */
    public int signIn(String app, String user, String password) throws IOException, InterruptedException {
        send(HttpRequest.newBuilder(URI.create(root + "/camunda/app/" + app + "/")).GET());
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        int status = send(HttpRequest.newBuilder(URI.create(root + "/camunda/api/admin/auth/user/default/login/" + app))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", cookie("XSRF-TOKEN"))
                .POST(HttpRequest.BodyPublishers.ofString(form))).statusCode();
        // the login began a new session: its CSRF token comes with the next answer of the web apps
        send(HttpRequest.newBuilder(URI.create(root + "/camunda/api/admin/auth/user/default")).GET());
        return status;
    }

    /** A JSON POST of the web apps' APIs with the session and its CSRF token. */
    public HttpRequest post(String path, String json) {
        return HttpRequest.newBuilder(URI.create(root + path)).header("Content-Type", "application/json")
                .header("Accept", "application/json").header("X-XSRF-TOKEN", cookie("XSRF-TOKEN"))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    public HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(root + path)).header("Accept", "application/json").GET().build();
    }

    /** The client with this session's cookies, for requests sent at once ({@link Burst#send(int, java.util.function.Supplier, HttpClient)}). */
    public HttpClient client() {
        return client;
    }

    public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return send(request.build());
    }

    private String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> name.equals(c.getName()))
                .map(HttpCookie::getValue).reduce((a, b) -> b).orElse("");
    }
}
