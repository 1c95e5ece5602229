package com.salescadence.cadence;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

import com.salescadence.notification.NotificationKind;
import com.salescadence.notification.NotificationService;
import com.salescadence.organization.OrganizationService;
import com.salescadence.organization.Person;

/**
 * The cadence's mail: reminders, escalations and calls, in the recipient's language (English or
 * Simplified Chinese), each linking to the task. Written to the outbox in the caller's transaction.
 */
@Component
public class CadenceMail {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final NotificationService notifications;
    private final OrganizationService organization;
    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    private final String baseUrl;

    CadenceMail(NotificationService notifications, OrganizationService organization,
                @Value("${cadence.base-url:http://localhost:8080}") String baseUrl) {
        this.notifications = notifications;
        this.organization = organization;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        messages.setBasename("i18n/cadence");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
    }

    /** Sends template {@code key} (.subject and .body); arguments: {0} cycle, {1} due, then the template's own. */
    public void send(String recipientId, NotificationKind kind, String key, String cycleKey, LocalDateTime due,
                     String taskId, Object... more) {
        Locale locale = Locale.forLanguageTag(organization.languageOf(recipientId));
        Object[] args = new Object[3 + more.length];
        args[0] = cycleKey;
        args[1] = due == null ? "" : WHEN.format(due);
        System.arraycopy(more, 0, args, 2, more.length);
        args[args.length - 1] = link(taskId, locale);
        String subject = messages.getMessage(key + ".subject", args, locale);
        String body = messages.getMessage(key + ".body", args, locale);
        notifications.notify(recipientId, kind, subject, body);
    }

    public String name(String personId) {
        return organization.findPerson(personId).map(Person::fullName).orElse(personId);
    }

    public String text(String key, String recipientId) {
        return messages.getMessage(key, null, Locale.forLanguageTag(organization.languageOf(recipientId)));
    }

    /** The address of a task in the Tasklist. */
    public String taskUrl(String taskId) {
        return baseUrl + "/camunda/app/tasklist/default/#/?task=" + taskId;
    }

    private String link(String taskId, Locale locale) {
        return taskId == null
                ? messages.getMessage("link.tasklist", new Object[] {baseUrl + "/camunda/app/tasklist/"}, locale)
                : messages.getMessage("link.task", new Object[] {taskUrl(taskId)}, locale);
    }
}
