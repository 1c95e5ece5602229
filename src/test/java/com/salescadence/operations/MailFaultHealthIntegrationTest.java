package com.salescadence.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.salescadence.notification.NotificationKind;
import com.salescadence.notification.NotificationService;
import com.salescadence.notification.OutboxDeliveryJob;
import com.salescadence.organization.OrganizationAdministration;
import com.salescadence.organization.OrganizationService;
import com.salescadence.support.TestDatabase;
import com.salescadence.support.TestOrganization;

/**
 * Issue 18 item 3: a faulty mail server takes neither the load balancer's health nor the outbox down. First a
 * server that accepts connections and never answers, then one nobody listens on (unreachable): the anonymous
 * summary /actuator/health and /actuator/health/readiness stay UP and answer at once, delivery attempts end
 * after the configured timeouts (CADENCE_MAIL_CONNECT_TIMEOUT, CADENCE_MAIL_TIMEOUT, read by application.yml),
 * and administrators still see the mail server DOWN at /actuator/health/mail.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"CADENCE_MAIL_CONNECT_TIMEOUT=2000", "CADENCE_MAIL_TIMEOUT=4000"})
@ActiveProfiles("test")
class MailFaultHealthIntegrationTest {

    private static final String ADMIN = "t.admin";
    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };
    /** Longer than any timeout of the test, far shorter than "for ever". */
    private static final Duration BOUND = Duration.ofSeconds(20);

    private static final SilentServer SMTP = SilentServer.start();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", SMTP::port);
    }

    @AfterAll
    static void stopServer() {
        SMTP.close();
    }

    @Autowired TestRestTemplate http;
    @Autowired OrganizationService organization;
    @Autowired OrganizationAdministration administration;
    @Autowired NotificationService notifications;
    @Autowired OutboxDeliveryJob delivery;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void people() {
        TestOrganization.ensure(organization, administration);
    }

    @Test
    void a_mail_server_that_never_answers_and_then_one_that_is_unreachable_leave_health_up_and_the_outbox_running() {
        // a server that accepts and never answers
        assertHealthUpAndMailDown();
        assertDeliveryGivesUpInTime("silent");
        assertThat(SMTP.accepted()).as("the server was really connected to").isPositive();

        // nobody listens on the port any more
        SMTP.close();
        assertHealthUpAndMailDown();
        assertDeliveryGivesUpInTime("unreachable");
    }

    private void assertHealthUpAndMailDown() {
        assertTimeoutPreemptively(BOUND, () -> {
            for (String path : List.of("/actuator/health", "/actuator/health/readiness", "/actuator/health/liveness")) {
                long started = System.nanoTime();
                ResponseEntity<Map<String, Object>> health = get(null, path);
                assertThat(health.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
                assertThat(health.getBody()).as(path).containsEntry("status", "UP");
                assertThat(Duration.ofNanos(System.nanoTime() - started)).as(path + " answers without asking the mail server "
                        + "(which would take the 4 s timeout)").isLessThan(Duration.ofSeconds(3));
            }
            Map<String, Object> details = get(ADMIN, "/actuator/health").getBody();
            assertThat(map(details.get("components"))).doesNotContainKeys("mail", "outbox").containsKey("db");
            // administrators still see the mail server's state; anonymous callers cannot make the node dial it
            assertThat(get(null, "/actuator/health/mail").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
            ResponseEntity<Map<String, Object>> mail = get(ADMIN, "/actuator/health/mail");
            assertThat(mail.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(mail.getBody()).containsEntry("status", "DOWN");
            assertThat(map(mail.getBody().get("components"))).containsKeys("mail", "outbox");
            assertThat(get(ADMIN, "/actuator/health/mail/outbox").getStatusCode()).isEqualTo(HttpStatus.OK);
        });
    }

    private void assertDeliveryGivesUpInTime(String label) {
        jdbc.sql("update outbox_message set status = 'SENT' where status in ('PENDING', 'SENDING')").update();
        String body = "mail fault test " + label;
        notifications.notify(TestOrganization.REP, NotificationKind.GENERAL, "Fault " + label, body);
        int sent = assertTimeoutPreemptively(BOUND, () -> delivery.deliverDue());
        assertThat(sent).isZero();
        Map<String, Object> message = jdbc.sql("select status, attempts, last_error from outbox_message where body = ?")
                .param(body).query().singleRow();
        assertThat(message.get("status")).isEqualTo("PENDING");   // (column names without regard to case)
        assertThat(((Number) message.get("attempts")).intValue())
                .as("one attempt, ended by the timeout, to be retried").isEqualTo(1);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private ResponseEntity<Map<String, Object>> get(String user, String path) {
        TestRestTemplate client = user == null ? http : http.withBasicAuth(user, TestOrganization.PASSWORD);
        return client.exchange(path, HttpMethod.GET, null, JSON);
    }

    /** A TCP server that accepts every connection and never sends a byte (a hung mail server). */
    private static final class SilentServer {
        private final ServerSocket socket;
        private final List<Socket> held = new CopyOnWriteArrayList<>();

        private SilentServer(ServerSocket socket) {
            this.socket = socket;
        }

        static SilentServer start() {
            try {
                SilentServer server = new SilentServer(new ServerSocket(0));
                Thread acceptor = new Thread(server::acceptForever, "silent-smtp");
                acceptor.setDaemon(true);
                acceptor.start();
                return server;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        int port() {
            return socket.getLocalPort();
        }

        int accepted() {
            return held.size();
        }

        private void acceptForever() {
            while (!socket.isClosed()) {
                try {
                    held.add(socket.accept());
                } catch (IOException e) {
                    return;
                }
            }
        }

        void close() {
            try {
                socket.close();
                for (Socket connection : held) {
                    connection.close();
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
