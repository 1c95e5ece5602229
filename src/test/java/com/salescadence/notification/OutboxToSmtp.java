package com.salescadence.notification;

import java.time.Clock;
import java.util.List;

import org.springframework.context.ApplicationContext;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The application's real {@link OutboxDeliveryJob} (its repository, chat senders and settings from the test's
 * context) with a mail sender to a test SMTP server: for integration tests of the shared context, whose own job has
 * no mail server.
 */
public final class OutboxToSmtp {

    private OutboxToSmtp() {
    }

    /** One delivery run to 127.0.0.1:{@code smtpPort}; returns how many messages were accepted. */
    public static int deliverOnce(ApplicationContext context, int smtpPort) {
        JavaMailSenderImpl mail = new JavaMailSenderImpl();
        mail.setHost("127.0.0.1");
        mail.setPort(smtpPort);
        OutboxDeliveryJob job = new OutboxDeliveryJob(context.getBean(OutboxRepository.class), mail, context.getBean(ChatChannels.class),
                List.copyOf(context.getBeansOfType(ChannelSender.class).values()), context.getBean(NotificationProperties.class),
                context.getBean(Clock.class));
        return job.deliverDue();
    }
}
