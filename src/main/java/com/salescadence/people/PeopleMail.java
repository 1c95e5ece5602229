package com.salescadence.people;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

import com.salescadence.notification.NotificationKind;
import com.salescadence.notification.NotificationService;
import com.salescadence.organization.Person;

/**
 * The mail with a one-time link to set a password, in the person's language, written to the outbox in the
 * caller's transaction. Links start at {@code cadence.base-url} (env CADENCE_BASE_URL), as the cadence's mails do.
 */
@Component
class PeopleMail {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final NotificationService notifications;
    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    private final String baseUrl;

    PeopleMail(NotificationService notifications, @Value("${cadence.base-url:http://localhost:8080}") String baseUrl) {
        this.notifications = notifications;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        messages.setBasename("i18n/people");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
    }

    /** {@code first}: the welcome mail of a new person; otherwise a replacement link. */
    void passwordLink(Person person, String language, PasswordLinks.Issued link, boolean first) {
        Locale locale = Locale.forLanguageTag(language == null ? "zh" : language);
        String key = first ? "password.new" : "password.again";
        Object[] args = {person.fullName(), person.id(), WHEN.format(link.expiresAt()),
                baseUrl + "/password/#token=" + link.token(), baseUrl + "/camunda/app/tasklist/"};
        notifications.notify(person.id(), NotificationKind.PASSWORD_LINK, messages.getMessage(key + ".subject", args, locale),
                messages.getMessage(key + ".body", args, locale));
    }
}
