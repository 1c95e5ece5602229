package com.salescadence.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.salescadence.organization.OrganizationAdministration;
import com.salescadence.organization.OrganizationService;
import com.salescadence.support.CadenceIntegrationTest;
import com.salescadence.support.TestOrganization;

/**
 * The dashboard pages call /api with the Camunda Tasklist's sign-in: a session from a real Tasklist login
 * (its login endpoint, with the Tasklist's own CSRF token, as the Tasklist's login form does) is accepted for
 * reading, a change needs the X-Requested-With header, and without a session or Basic nothing is answered.
 */
@CadenceIntegrationTest
class TasklistSessionApiIntegrationTest {

    @LocalServerPort int port;
    @Autowired OrganizationService organization;
    @Autowired OrganizationAdministration administration;

    @BeforeEach
    void people() {
        TestOrganization.ensure(organization, administration);
    }

    @Test
    void a_tasklist_session_reads_the_api_as_its_user_and_changes_only_with_the_ajax_header() throws Exception {
        Browser rep = new Browser();
        rep.signInToTasklist(TestOrganization.REP, TestOrganization.PASSWORD);

        // reading: the session is the rep (the notifications are the caller's own; an admin-only list is refused)
        String session = rep.sessionId();
        assertThat(rep.send(get("/api/notifications")).statusCode()).isEqualTo(200);
        assertThat(rep.send(get("/api/notifications/all")).statusCode()).isEqualTo(403);

        // a change without X-Requested-With (what a cross-site form would send) is refused and stores nothing
        String name = "Session account " + System.nanoTime();
        HttpResponse<String> refused = rep.send(post("/api/accounts", "{\"name\":\"" + name + "\",\"tier\":\"OTHER\"}"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("X-Requested-With");
        assertThat(rep.send(get("/api/accounts")).body()).doesNotContain(name);

        // with the header it is made as the signed-in rep
        HttpResponse<String> created = rep.send(post("/api/accounts", "{\"name\":\"" + name + "\",\"tier\":\"OTHER\"}")
                .header("X-Requested-With", "XMLHttpRequest"));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).contains("\"ownerId\":\"" + TestOrganization.REP + "\"");
        assertThat(rep.send(get("/api/accounts")).body()).contains(name);
        // the session keeps its id (the page's parallel calls all send the same cookie)
        assertThat(rep.sessionId()).isEqualTo(session);

        // signing out of the Tasklist ends the API access too
        rep.signOutOfTasklist();
        assertThat(rep.send(get("/api/accounts").header("X-Requested-With", "XMLHttpRequest")).statusCode()).isEqualTo(401);
    }

    @Test
    void without_a_session_or_basic_the_api_answers_401_and_basic_still_works() throws Exception {
        Browser nobody = new Browser();
        nobody.send(get("/camunda/app/tasklist/")); // a session of the web apps, but nobody signed in
        assertThat(nobody.send(get("/api/accounts")).statusCode()).isEqualTo(401);
        HttpResponse<String> ajax = nobody.send(get("/api/accounts").header("X-Requested-With", "XMLHttpRequest"));
        assertThat(ajax.statusCode()).isEqualTo(401);
        assertThat(ajax.headers().firstValue("WWW-Authenticate")).as("no browser password dialog for the pages").isEmpty();

        String basic = "Basic " + Base64.getEncoder().encodeToString((TestOrganization.REP + ":" + TestOrganization.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        assertThat(nobody.send(get("/api/accounts").header("Authorization", basic)).statusCode()).isEqualTo(200);
        // (another user than the ones signing in: Camunda delays a user's next login after a wrong password)
        String wrong = "Basic " + Base64.getEncoder().encodeToString((TestOrganization.OTHER_REP + ":nope").getBytes(StandardCharsets.UTF_8));
        assertThat(nobody.send(get("/api/accounts").header("Authorization", wrong)).statusCode()).isEqualTo(401);
    }

    @Test
    void a_wrong_basic_header_is_not_rescued_by_the_session() throws Exception {
        Browser rep = new Browser();
        rep.signInToTasklist(TestOrganization.REP, TestOrganization.PASSWORD);
        String wrong = "Basic " + Base64.getEncoder().encodeToString((TestOrganization.OTHER_MANAGER + ":nope").getBytes(StandardCharsets.UTF_8));
        assertThat(rep.send(get("/api/accounts").header("Authorization", wrong)).statusCode()).isEqualTo(401);
    }

    @Test
    void the_dashboard_pages_are_served_with_a_content_security_policy_and_keep_the_person_on_redirect() throws Exception {
        HttpClient plain = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> page = plain.send(get("/dashboard/").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<script type=\"module\" src=\"app.js\"></script>")
                .contains("/webjars/echarts/5.3.1/dist/echarts.min.js");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("script-src 'self'").doesNotContain("unsafe-eval"));
        HttpResponse<String> charts = plain.send(get("/webjars/echarts/5.3.1/dist/echarts.min.js").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(charts.statusCode()).isEqualTo(200);
        HttpResponse<String> redirect = plain.send(get("/dashboard?person=" + TestOrganization.REP).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).endsWith("/dashboard/?person=" + TestOrganization.REP));
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
    }

    private HttpRequest.Builder post(String path, String json) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
    }

    /** An HTTP client that keeps cookies like a browser. */
    private final class Browser {
        private final CookieManager cookies = new CookieManager();
        private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NORMAL).build();

        HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        /** As the Tasklist's login form: open the app (session and CSRF cookie), post the login with the token. */
        void signInToTasklist(String user, String password) throws IOException, InterruptedException {
            assertThat(send(get("/camunda/app/tasklist/")).statusCode()).isEqualTo(200);
            String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                    + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
            HttpResponse<String> login = send(HttpRequest.newBuilder(URI.create(
                            "http://localhost:" + port + "/camunda/api/admin/auth/user/default/login/tasklist"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-XSRF-TOKEN", csrfToken())
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
            assertThat(login.statusCode()).as("Tasklist login: " + login.body()).isEqualTo(200);
            assertThat(login.body()).contains("\"userId\":\"" + user + "\"");
        }

        void signOutOfTasklist() throws IOException, InterruptedException {
            // the login began a new session: its CSRF token comes with the next response of the web apps
            assertThat(send(get("/camunda/api/admin/auth/user/default")).statusCode()).isEqualTo(200);
            HttpResponse<String> logout = send(HttpRequest.newBuilder(URI.create(
                            "http://localhost:" + port + "/camunda/api/admin/auth/user/default/logout"))
                    .header("X-XSRF-TOKEN", csrfToken())
                    .POST(HttpRequest.BodyPublishers.noBody()));
            assertThat(logout.statusCode()).isBetween(200, 204);
        }

        String sessionId() {
            return cookie("JSESSIONID");
        }

        private String csrfToken() {
            return cookie("XSRF-TOKEN");
        }

        private String cookie(String name) {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                    .map(HttpCookie::getValue).findFirst().orElseThrow(() -> new AssertionError("no " + name + " cookie: "
                            + cookies.getCookieStore().getCookies()));
        }
    }
}
