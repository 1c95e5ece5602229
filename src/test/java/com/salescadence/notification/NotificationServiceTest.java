package com.salescadence.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.support.TransactionTemplate;

import com.salescadence.organization.OrganizationService;
import com.salescadence.organization.Person;
import com.salescadence.organization.Role;

/**
 * The service with its real transaction proxies (a small Spring context, not the application) on H2 (or PostgreSQL, see {@link OutboxTestDatabase}):
 * the outbox row belongs to the caller's transaction.
 */
class NotificationServiceTest {

    private AnnotationConfigApplicationContext context;
    private NotificationService notifications;
    private TransactionTemplate callerTransaction;
    private MutableClock clock;
    private JdbcClient jdbc;

    @Configuration(proxyBeanMethods = false)
    @EnableTransactionManagement
    static class TestConfig {

        @Bean(destroyMethod = "drop")
        OutboxTestDatabase database() {
            return OutboxTestDatabase.create();
        }

        @Bean
        DataSource dataSource(OutboxTestDatabase database) {
            return database.dataSource();
        }

        @Bean
        PlatformTransactionManager transactionManager(DataSource dataSource) {
            return new DataSourceTransactionManager(dataSource);
        }

        @Bean
        JdbcClient jdbcClient(DataSource dataSource) {
            return JdbcClient.create(dataSource);
        }

        @Bean
        Clock clock() {
            return MutableClock.startingNow();
        }

        @Bean
        OrganizationService organization() {
            OrganizationService organization = mock(OrganizationService.class);
            person(organization, "rep1", "rep1@example.com", Role.REP);
            person(organization, "mgr1", " mgr1@example.com ", Role.MANAGER);
            person(organization, "noMail", "", Role.REP);
            when(organization.managersAbove("rep1")).thenReturn(java.util.List.of("mgr1", "leader"));
            when(organization.managersAbove("noMail")).thenReturn(java.util.List.of("mgr1", "leader"));
            return organization;
        }

        private static void person(OrganizationService organization, String id, String email, Role role) {
            when(organization.findPerson(id)).thenReturn(Optional.of(new Person(id, id, email, role, null, null)));
        }
    }

    @BeforeEach
    void startContext() {
        context = new AnnotationConfigApplicationContext(TestConfig.class, OutboxRepository.class, ChatChannels.class,
                NotificationService.class);
        notifications = context.getBean(NotificationService.class);
        callerTransaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        clock = (MutableClock) context.getBean(Clock.class);
        jdbc = context.getBean(JdbcClient.class);
    }

    @AfterEach
    void closeContext() {
        context.close();
    }

    @Test
    void a_person_who_chose_chat_gets_one_row_for_their_teams_robot_and_no_mail_both_gets_both() {
        ChatChannels chat = context.getBean(ChatChannels.class);
        chat.save("leader", Channel.FEISHU, "https://open.feishu.cn/open-apis/bot/v2/hook/x", "s", false, "admin", clock.instant());
        chat.save("mgr1", Channel.DINGTALK, "https://oapi.dingtalk.com/robot/send?access_token=t", "SEC1", false, "admin", clock.instant());
        chat.setPreference("rep1", DeliveryPreference.CHAT, "rep1", clock.instant());
        chat.setPreference("noMail", DeliveryPreference.BOTH, "admin", clock.instant());

        notifications.notify("rep1", NotificationKind.REPORT_REMINDER, "Reminder", "Your commit is due.");
        notifications.notify("noMail", NotificationKind.REPORT_REMINDER, "Reminder", "Your commit is due.");

        assertThat(notifications.forRecipient("rep1", 10)).singleElement().satisfies(m -> {
            assertThat(m.channel()).isEqualTo(Channel.DINGTALK); // the nearest team's robot: the manager's, not the leader's
            assertThat(m.chatTeam()).isEqualTo("mgr1");
            assertThat(m.status()).isEqualTo(OutboxStatus.PENDING);
        });
        assertThat(notifications.forRecipient("noMail", 10)).extracting(OutboxMessage::channel, OutboxMessage::status)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(Channel.MAIL, OutboxStatus.FAILED),
                        org.assertj.core.groups.Tuple.tuple(Channel.DINGTALK, OutboxStatus.PENDING));
    }

    @Test
    void chat_without_a_robot_is_mailed_and_a_password_link_never_goes_to_a_group_chat() {
        ChatChannels chat = context.getBean(ChatChannels.class);
        chat.setPreference("mgr1", DeliveryPreference.CHAT, "mgr1", clock.instant()); // at the top; their own team has no robot
        chat.save("leader", Channel.WECOM, "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k", null, false, "admin", clock.instant());
        chat.setPreference("rep1", DeliveryPreference.CHAT, "rep1", clock.instant());

        notifications.notify("mgr1", NotificationKind.REPORT_MISSING, "Missing", "Ren did not report.");
        notifications.notify("rep1", NotificationKind.PASSWORD_LINK, "Set your password", "http://x/set?token=secret");

        assertThat(notifications.forRecipient("mgr1", 10)).singleElement().extracting(OutboxMessage::channel).isEqualTo(Channel.MAIL);
        assertThat(notifications.forRecipient("rep1", 10)).singleElement().extracting(OutboxMessage::channel).isEqualTo(Channel.MAIL);
    }

    @Test
    void theServiceIsTransactional() {
        assertThat(AopUtils.isAopProxy(notifications)).isTrue();
    }

    @Test
    void aNotificationIsWrittenAsAPendingMessageToThePersonsAddress() {
        notifications.notify("rep1", NotificationKind.STAGE_ADVANCE_DECIDED, "Advance approved", "ACME may go to stage 3.");

        assertThat(notifications.recent(10)).singleElement().satisfies(m -> {
            assertThat(m.recipientId()).isEqualTo("rep1");
            assertThat(m.recipientEmail()).isEqualTo("rep1@example.com");
            assertThat(m.kind()).isEqualTo(NotificationKind.STAGE_ADVANCE_DECIDED);
            assertThat(m.subject()).isEqualTo("Advance approved");
            assertThat(m.body()).isEqualTo("ACME may go to stage 3.");
            assertThat(m.status()).isEqualTo(OutboxStatus.PENDING);
            assertThat(m.attempts()).isZero();
            assertThat(m.createdAt()).isEqualTo(clock.instant());
            assertThat(m.nextAttemptAt()).isEqualTo(clock.instant());
            assertThat(m.sentAt()).isNull();
        });
    }

    @Test
    void whenTheCallerRollsBackTheNotificationIsGoneToo() {
        callerTransaction.executeWithoutResult(tx -> {
            notifications.notify("rep1", NotificationKind.GENERAL, "Submitted", "Thanks");
            assertThat(notifications.recent(10)).as("visible inside the caller's transaction").hasSize(1);
            tx.setRollbackOnly();
        });

        assertThat(countRows()).isZero();
    }

    @Test
    void whenTheCallerFailsTheNotificationIsGoneToo() {
        assertThatThrownBy(() -> callerTransaction.executeWithoutResult(tx -> {
            notifications.notify("rep1", NotificationKind.GENERAL, "Submitted", "Thanks");
            throw new IllegalStateException("the caller's own work failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(countRows()).isZero();
    }

    @Test
    void whenTheCallerCommitsTheNotificationStays() {
        callerTransaction.executeWithoutResult(tx -> notifications.notify("rep1", NotificationKind.GENERAL, "Submitted", "Thanks"));

        assertThat(countRows()).isEqualTo(1);
    }

    @Test
    void aLongSubjectAndBodyAreCutToTheirColumnsAndTheSubjectIsOneLine() {
        notifications.notify("rep1", NotificationKind.GENERAL, "Line one\nline two " + "s".repeat(400), "b".repeat(5000));

        OutboxMessage message = notifications.recent(1).get(0);
        assertThat(message.subject()).hasSize(300).startsWith("Line one line two s").endsWith("\u2026");
        assertThat(message.body()).hasSize(4000).endsWith("\u2026");
    }

    @Test
    void notifyingSeveralPeopleWritesOneMessageEach() {
        notifications.notifyAll(Arrays.asList("rep1", "mgr1", "rep1", null), NotificationKind.PAYMENT_OVERDUE,
                "Invoice overdue", "Invoice 7 is 3 days overdue.");

        assertThat(notifications.recent(10)).extracting(OutboxMessage::recipientId).containsExactlyInAnyOrder("rep1", "mgr1");
        assertThat(notifications.forRecipient("mgr1", 10)).singleElement()
                .extracting(OutboxMessage::recipientEmail).isEqualTo("mgr1@example.com");
    }

    @Test
    void anUnknownRecipientIsSkippedWithoutFailingTheCaller() {
        notifications.notify("ghost", NotificationKind.GENERAL, "Hello", "body");
        notifications.notify(null, NotificationKind.GENERAL, "Hello", "body");

        assertThat(countRows()).isZero();
    }

    @Test
    void aPersonWithoutAnEmailAddressGetsTheMessageInTheProductOnly() {
        notifications.notify("noMail", null, "Hello", null);

        OutboxMessage message = notifications.forRecipient("noMail", 5).get(0);
        assertThat(message.status()).isEqualTo(OutboxStatus.FAILED);
        assertThat(message.lastError()).contains("No email address");
        assertThat(message.kind()).isEqualTo(NotificationKind.GENERAL);
        assertThat(message.body()).isEmpty();
    }

    @Test
    void aPersonsMessagesComeNewestFirstUpToTheLimit() {
        for (String subject : new String[] {"first", "second", "third"}) {
            notifications.notify("rep1", NotificationKind.GENERAL, subject, "body");
            clock.advance(Duration.ofMinutes(1));
        }
        notifications.notify("mgr1", NotificationKind.GENERAL, "other person", "body");

        assertThat(notifications.forRecipient("rep1", 2)).extracting(OutboxMessage::subject).containsExactly("third", "second");
        assertThat(notifications.recent(2)).extracting(OutboxMessage::subject).containsExactly("other person", "third");
    }

    @Test
    void oneMessageIsFoundByItsId() {
        notifications.notify("rep1", NotificationKind.GENERAL, "Find me", "body");
        long id = notifications.recent(1).get(0).id();

        assertThat(notifications.find(id)).get().extracting(OutboxMessage::subject).isEqualTo("Find me");
        assertThat(notifications.find(id + 1000)).isEmpty();
    }

    @Test
    void aLimitOutsideOneTo500IsRefused() {
        assertThatThrownBy(() -> notifications.recent(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> notifications.forRecipient("rep1", 501)).isInstanceOf(IllegalArgumentException.class);
    }

    private int countRows() {
        return jdbc.sql("select count(*) from outbox_message").query(Integer.class).single();
    }
}
