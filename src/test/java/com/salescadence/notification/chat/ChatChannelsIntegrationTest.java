package com.salescadence.notification.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.salescadence.cadence.CadenceMail;
import com.salescadence.notification.Channel;
import com.salescadence.notification.ChatChannels;
import com.salescadence.notification.DeliveryPreference;
import com.salescadence.notification.NotificationKind;
import com.salescadence.notification.OutboxDeliveries;
import com.salescadence.organization.OrganizationAdministration;
import com.salescadence.organization.OrganizationService;
import com.salescadence.support.CadenceIntegrationTest;
import com.salescadence.support.ChatRobotServer;
import com.salescadence.support.ChatRobotServer.Answer;
import com.salescadence.support.ChatRobotServer.Received;
import com.salescadence.support.ProcessDriver;
import com.salescadence.support.TestOrganization;

/**
 * The three group robots against a local HTTP server: a reminder for a person who chose chat goes to their team's
 * robot through the outbox, signed as each app documents (recomputed here from the documented algorithm, not with the
 * product's code); a 500 and then an app error answered with HTTP 200 (errcode / code not 0) are retried with the
 * outbox's back-off, and the post is accepted once.
 */
@CadenceIntegrationTest
class ChatChannelsIntegrationTest {

    private static final LocalDateTime START = LocalDateTime.of(2027, 3, 14, 20, 0);
    private static final String DINGTALK_SECRET = "SECd1ngta1k-secret";
    private static final String FEISHU_SECRET = "feishu-secret-9";

    @Autowired OrganizationService organization;
    @Autowired OrganizationAdministration administration;
    @Autowired ChatChannels chat;
    @Autowired CadenceMail mail;
    @Autowired ApplicationContext context;
    @Autowired JdbcClient jdbc;

    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void people() {
        TestOrganization.ensureBilingual(organization, administration);
    }

    @AfterEach
    void clock() {
        ClockUtil.reset();
    }

    @Test
    void each_robot_gets_the_reminder_signed_retried_after_a_500_and_an_app_error_and_accepted_once() throws Exception {
        try (ChatRobotServer robots = ChatRobotServer.start()) {
            robots.answer("/robot/send", new Answer(200, "{\"errcode\":0,\"errmsg\":\"ok\"}"),
                    new Answer(500, "{}"), new Answer(200, "{\"errcode\":310000,\"errmsg\":\"sign not match\"}"));
            robots.answer("/open-apis/bot/v2/hook/abc", new Answer(200, "{\"code\":0,\"msg\":\"success\",\"data\":{}}"),
                    new Answer(500, "{}"), new Answer(200, "{\"code\":19021,\"msg\":\"sign match fail\"}"));
            robots.answer("/cgi-bin/webhook/send", new Answer(200, "{\"errcode\":0,\"errmsg\":\"ok\"}"),
                    new Answer(503, "busy"), new Answer(200, "{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}"));
            Instant now = Instant.now();
            // REP (English) is reached through MANAGER's team, OTHER_REP (Chinese) through OTHER_MANAGER's, MANAGER through LEADER's
            chat.save(TestOrganization.MANAGER, Channel.DINGTALK, robots.url("/robot/send?access_token=tok"), DINGTALK_SECRET, false, "t.admin", now);
            chat.save(TestOrganization.OTHER_MANAGER, Channel.FEISHU, robots.url("/open-apis/bot/v2/hook/abc"), FEISHU_SECRET, false, "t.admin", now);
            chat.save(TestOrganization.LEADER, Channel.WECOM, robots.url("/cgi-bin/webhook/send?key=k-1"), null, false, "t.admin", now);
            chat.setPreference(TestOrganization.REP, DeliveryPreference.CHAT, TestOrganization.REP, now);
            chat.setPreference(TestOrganization.OTHER_REP, DeliveryPreference.BOTH, TestOrganization.OTHER_REP, now);
            chat.setPreference(TestOrganization.MANAGER, DeliveryPreference.CHAT, TestOrganization.MANAGER, now);

            ProcessDriver.setClock(START);
            for (String person : List.of(TestOrganization.REP, TestOrganization.OTHER_REP, TestOrganization.MANAGER)) {
                mail.send(person, NotificationKind.REPORT_REMINDER, "commit.reminder", "2027-W11", START.plusHours(12), "task-of-" + person);
            }
            assertThat(chatRows()).containsOnly(Map.entry("PENDING", 3L));

            assertThat(OutboxDeliveries.deliverChatOnce(context)).as("the 500s").isZero();
            ProcessDriver.setClock(START.plusMinutes(1).plusSeconds(1)); // after the first back-off (1 minute)
            assertThat(OutboxDeliveries.deliverChatOnce(context)).as("the app errors with HTTP 200").isZero();
            ProcessDriver.setClock(START.plusMinutes(2));
            assertThat(OutboxDeliveries.deliverChatOnce(context)).as("not due yet: the second back-off is 2 minutes").isZero();
            ProcessDriver.setClock(START.plusMinutes(3).plusSeconds(2));
            assertThat(OutboxDeliveries.deliverChatOnce(context)).isEqualTo(3);
            ProcessDriver.setClock(START.plusHours(2));
            assertThat(OutboxDeliveries.deliverChatOnce(context)).as("nothing twice").isZero();
            assertThat(chatRows()).containsOnly(Map.entry("SENT", 3L));
            assertThat(jdbc.sql("select count(*) from outbox_message where channel = 'MAIL' and recipient_id = ?")
                    .param(TestOrganization.OTHER_REP).query(Long.class).single()).as("BOTH: the mail too").isEqualTo(1);
            assertThat(jdbc.sql("select count(*) from outbox_message where channel = 'MAIL' and recipient_id in (?, ?)")
                    .params(TestOrganization.REP, TestOrganization.MANAGER).query(Long.class).single()).as("CHAT: no mail").isZero();

            // DingTalk: three attempts of one outbox row; timestamp and sign in the query, sign = Base64(HmacSHA256(secret, ts\nsecret))
            List<Received> ding = robots.received("/robot/send");
            assertThat(ding).hasSize(3).extracting(Received::outboxId).containsOnly(ding.get(0).outboxId());
            for (Received request : ding) {
                Map<String, String> query = query(request.query());
                assertThat(query).containsEntry("access_token", "tok").containsKeys("timestamp", "sign");
                long millis = Long.parseLong(query.get("timestamp"));
                assertThat(Math.abs(System.currentTimeMillis() - millis)).as("milliseconds, real time").isLessThan(600_000);
                assertThat(query.get("sign")).isEqualTo(hmacBase64(DINGTALK_SECRET, millis + "\n" + DINGTALK_SECRET));
                JsonNode body = json.readTree(request.body());
                assertThat(body.path("msgtype").asText()).isEqualTo("markdown");
                assertThat(body.path("markdown").path("title").asText()).startsWith("Reminder: your weekly commit for 2027-W11");
                assertThat(body.path("markdown").path("text").asText()).startsWith("**@Ren Rep Reminder")
                        .contains("/camunda/app/tasklist/default/#/?task=task-of-t.rep1");
            }

            // Feishu: timestamp (seconds) and sign in the body, sign = Base64(HmacSHA256 keyed by ts\nsecret over nothing)
            List<Received> feishu = robots.received("/open-apis/bot/v2/hook/abc");
            assertThat(feishu).hasSize(3).extracting(Received::outboxId).containsOnly(feishu.get(0).outboxId());
            for (Received request : feishu) {
                JsonNode body = json.readTree(request.body());
                long seconds = Long.parseLong(body.path("timestamp").asText());
                assertThat(Math.abs(System.currentTimeMillis() / 1000 - seconds)).as("seconds, real time").isLessThan(600);
                assertThat(body.path("sign").asText()).isEqualTo(hmacBase64(seconds + "\n" + FEISHU_SECRET, ""));
                assertThat(body.path("msg_type").asText()).isEqualTo("text");
                assertThat(body.path("content").path("text").asText()).startsWith("@Ou Rep 提醒")
                        .contains("打开任务", "task=task-of-t.rep3");
            }

            // WeCom: the key in the URL, markdown content, no signature
            List<Received> wecom = robots.received("/cgi-bin/webhook/send");
            assertThat(wecom).hasSize(3).extracting(Received::outboxId).containsOnly(wecom.get(0).outboxId());
            for (Received request : wecom) {
                assertThat(query(request.query())).containsOnlyKeys("key").containsEntry("key", "k-1");
                JsonNode body = json.readTree(request.body());
                assertThat(body.path("msgtype").asText()).isEqualTo("markdown");
                assertThat(body.path("markdown").path("content").asText()).startsWith("**@Meng Manager 提醒")
                        .contains("task=task-of-t.mgr1");
            }
            assertThat(jdbc.sql("select max(attempts) from outbox_message where channel <> 'MAIL'").query(Integer.class).single())
                    .as("two failed attempts recorded").isEqualTo(2);
        }
    }

    @Test
    void a_robot_removed_while_a_post_waits_fails_that_post_for_good_instead_of_retrying_for_ever() throws Exception {
        try (ChatRobotServer robots = ChatRobotServer.start()) {
            robots.answer("/gone", new Answer(200, "{\"errcode\":0}"));
            Instant now = Instant.now();
            chat.save(TestOrganization.OTHER_MANAGER, Channel.WECOM, robots.url("/gone?key=x"), null, false, "t.admin", now);
            chat.setPreference(TestOrganization.OTHER_REP, DeliveryPreference.CHAT, TestOrganization.OTHER_REP, now);
            ProcessDriver.setClock(START.plusDays(1));
            mail.send(TestOrganization.OTHER_REP, NotificationKind.REPORT_MISSING, "commit.reminder", "2027-W12", START.plusDays(2), null);
            chat.delete(TestOrganization.OTHER_MANAGER);

            assertThat(OutboxDeliveries.deliverChatOnce(context)).isZero();
            assertThat(robots.received()).isEmpty();
            assertThat(jdbc.sql("select status from outbox_message where channel = 'WECOM' and kind = 'REPORT_MISSING'")
                    .query(String.class).single()).isEqualTo("FAILED");
        }
    }

    private Map<String, Long> chatRows() {
        Map<String, Long> rows = new HashMap<>();
        jdbc.sql("select status, count(*) from outbox_message where channel <> 'MAIL' and kind = 'REPORT_REMINDER' group by status")
                .query((rs, n) -> rows.put(rs.getString(1), rs.getLong(2))).list();
        return rows;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            values.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static String hmacBase64(String key, String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    }
}
