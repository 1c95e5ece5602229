package com.salescadence.notification.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.salescadence.notification.ChatChannels;
import com.salescadence.notification.DeliveryPreference;
import com.salescadence.organization.OrganizationAdministration;
import com.salescadence.organization.OrganizationService;
import com.salescadence.organization.Person;
import com.salescadence.organization.Role;
import com.salescadence.support.ApiClient;
import com.salescadence.support.CadenceIntegrationTest;
import com.salescadence.support.TestOrganization;

/** /api/chat-channels, /api/notification-channels (administrators) and /api/me/notification-channels over HTTP. */
@CadenceIntegrationTest
class ChatChannelApiIntegrationTest {

    private static final String ADMIN = "ch.admin";
    private static final String DING = "https://oapi.dingtalk.com/robot/send?access_token=abcdefghijklmnop1234";

    @LocalServerPort int port;
    @Autowired OrganizationService organization;
    @Autowired OrganizationAdministration administration;
    @Autowired ChatChannels chat;

    private ApiClient api;

    @BeforeEach
    void people() {
        TestOrganization.ensure(organization, administration);
        if (organization.findPerson(ADMIN).isEmpty()) {
            administration.add(new Person(ADMIN, "Chang Admin", "ch.admin@test.local", Role.ADMIN, null, null), TestOrganization.PASSWORD);
        }
        api = new ApiClient("http://localhost:" + port);
    }

    @Test
    void an_administrator_sets_a_robot_whose_address_and_secret_are_never_answered_in_full() throws Exception {
        HttpResponse<String> saved = api.put(ADMIN, "/api/chat-channels/" + TestOrganization.MANAGER,
                "{\"kind\": \"DINGTALK\", \"webhookUrl\": \"" + DING + "\", \"secret\": \"SECsecretsecret9876\"}");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(saved.body()).contains("\"teamName\":\"Meng Manager\"", "access_token=\u2022\u2022\u2022\u20221234",
                "\"secretSet\":true", "\"secretHint\":\"\u2022\u2022\u2022\u20229876\"").doesNotContain("abcdefghijklmnop", "SECsecret");

        // an edit without address and secret keeps both; the list masks them too
        assertThat(api.put(ADMIN, "/api/chat-channels/" + TestOrganization.MANAGER, "{\"kind\": \"DINGTALK\"}").statusCode()).isEqualTo(200);
        assertThat(chat.find(TestOrganization.MANAGER).orElseThrow()).satisfies(r -> {
            assertThat(r.webhookUrl()).isEqualTo(DING);
            assertThat(r.secret()).isEqualTo("SECsecretsecret9876");
        });
        HttpResponse<String> list = api.get(ADMIN, "/api/chat-channels");
        assertThat(list.body()).contains(TestOrganization.MANAGER).doesNotContain("abcdefghijklmnop", "SECsecret");

        // a rep may neither read nor set robots, nor other people's channels
        assertThat(api.get(TestOrganization.REP, "/api/chat-channels").statusCode()).isEqualTo(403);
        assertThat(api.put(TestOrganization.REP, "/api/chat-channels/" + TestOrganization.MANAGER, "{\"kind\": \"WECOM\", \"webhookUrl\": \"https://x\"}")
                .statusCode()).isEqualTo(403);
        assertThat(api.put(TestOrganization.REP, "/api/notification-channels/" + TestOrganization.TEAMMATE, "{\"channels\": \"CHAT\"}")
                .statusCode()).isEqualTo(403);

        assertThat(api.delete(ADMIN, "/api/chat-channels/" + TestOrganization.MANAGER).statusCode()).isEqualTo(204);
        assertThat(api.delete(ADMIN, "/api/chat-channels/" + TestOrganization.MANAGER).statusCode()).isEqualTo(404);
    }

    @Test
    void wrong_requests_are_refused_in_both_languages() throws Exception {
        assertThat(api.put(ADMIN, "/api/chat-channels/" + TestOrganization.MANAGER, "{\"webhookUrl\": \"https://x\"}").statusCode())
                .as("no kind").isEqualTo(400);
        assertThat(api.put(ADMIN, "/api/chat-channels/" + TestOrganization.MANAGER, "{\"kind\": \"SLACK\", \"webhookUrl\": \"https://x\"}")
                .statusCode()).as("no such app").isEqualTo(400);
        assertThat(api.put(ADMIN, "/api/chat-channels/" + TestOrganization.MANAGER, "{\"kind\": \"WECOM\", \"webhookUrl\": \"javascript:alert(1)\"}")
                .statusCode()).as("not http(s)").isEqualTo(400);
        HttpResponse<String> rep = api.put(ADMIN, "/api/chat-channels/" + TestOrganization.REP, "{\"kind\": \"WECOM\", \"webhookUrl\": \"https://x\"}");
        assertThat(rep.statusCode()).isEqualTo(400);
        assertThat(rep.body()).contains("不是在职经理", "is no active manager");
        HttpResponse<String> noUrl = api.put(ADMIN, "/api/chat-channels/" + TestOrganization.OTHER_MANAGER, "{\"kind\": \"FEISHU\"}");
        assertThat(noUrl.statusCode()).isEqualTo(400);
        assertThat(noUrl.body()).contains("Webhook 地址", "webhook address is required");
        assertThat(api.put(TestOrganization.REP, "/api/me/notification-channels", "{\"channels\": \"SMS\"}").statusCode()).isEqualTo(400);
    }

    @Test
    void a_person_sets_their_own_channels_and_an_administrator_anyones() throws Exception {
        HttpResponse<String> mine = api.put(TestOrganization.TEAMMATE, "/api/me/notification-channels", "{\"channels\": \"BOTH\"}");
        assertThat(mine.statusCode()).as(mine.body()).isEqualTo(200);
        assertThat(chat.preference(TestOrganization.TEAMMATE)).isEqualTo(DeliveryPreference.BOTH);
        assertThat(api.get(TestOrganization.TEAMMATE, "/api/me/notification-channels").body()).contains("\"channels\":\"BOTH\"");

        assertThat(api.put(ADMIN, "/api/notification-channels/" + TestOrganization.OTHER_REP, "{\"channels\": \"CHAT\"}").statusCode()).isEqualTo(200);
        assertThat(chat.preference(TestOrganization.OTHER_REP)).isEqualTo(DeliveryPreference.CHAT);
        assertThat(api.get(ADMIN, "/api/notification-channels").body()).contains("\"personId\":\"" + TestOrganization.OTHER_REP + "\",\"name\":\"Ou Rep\",\"channels\":\"CHAT\"");
        assertThat(api.put(ADMIN, "/api/notification-channels/nobody", "{\"channels\": \"CHAT\"}").statusCode()).isEqualTo(404);
    }
}
