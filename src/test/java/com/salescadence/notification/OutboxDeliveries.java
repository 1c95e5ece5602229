package com.salescadence.notification;

import java.time.Clock;
import java.util.List;

import org.springframework.context.ApplicationContext;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The application's real {@link OutboxDeliveryJob} (its repository, chat senders and settings from the test's
 * context), with a mail sender to a test SMTP server or none: for integration tests of the shared context, whose own
 * job is not scheduled and has no mail server.
 */
public final class OutboxDeliveries {

    private OutboxDeliveries() {
    }

    /** One delivery run of mails to 127.0.0.1:{@code smtpPort} and of chat posts; returns how many were accepted. */
    public static int deliverOnce(ApplicationContext context, int smtpPort) {
        JavaMailSenderImpl mail = new JavaMailSenderImpl();
        mail.setHost("127.0.0.1");
        mail.setPort(smtpPort);
        return job(context, mail).deliverDue();
    }

    /** One delivery run of the chat posts only (mails stay waiting); returns how many were accepted. */
    public static int deliverChatOnce(ApplicationContext context) {
        return job(context, null).deliverDue();
    }

    private static OutboxDeliveryJob job(ApplicationContext context, JavaMailSenderImpl mail) {
        return new OutboxDeliveryJob(context.getBean(OutboxRepository.class), mail, context.getBean(ChatChannels.class),
                List.copyOf(context.getBeansOfType(ChannelSender.class).values()), context.getBean(NotificationProperties.class),
                context.getBean(Clock.class));
    }
}
