package com.salescadence.calendar;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** The words of an invite mail and of the calendar entry, in the reader's language ("zh" or anything else: English). */
final class InviteTexts {

    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final boolean zh;

    InviteTexts(String language) {
        this.zh = "zh".equals(language);
    }

    String title(String titleZh, String titleEn) {
        return pick(titleZh, titleEn);
    }

    String pick(String chinese, String english) {
        String wanted = zh ? chinese : english;
        return wanted == null || wanted.isBlank() ? (zh ? english : chinese) : wanted;
    }

    String subject(String title, boolean cancelled, boolean moved) {
        if (cancelled) {
            return (zh ? "会议取消：" : "Cancelled: ") + title;
        }
        return (moved ? (zh ? "会议更新：" : "Updated invitation: ") : (zh ? "会议邀请：" : "Invitation: ")) + title;
    }

    /** "2027-03-15 09:00–10:00 (Asia/Shanghai)", in the given zone. */
    String when(ZonedDateTime start, Duration length, ZoneId zone) {
        ZonedDateTime from = start.withZoneSameInstant(zone);
        ZonedDateTime to = from.plus(length);
        String end = to.toLocalDate().equals(from.toLocalDate()) ? TIME.format(to) : DAY_TIME.format(to);
        return DAY_TIME.format(from) + "\u2013" + end + " (" + zone.getId() + ")";
    }

    /** The mail's text: what, when, who holds it, the agenda and the link; the calendar entry is attached. */
    String body(String title, String when, String organizer, String agenda, String link, boolean cancelled) {
        StringBuilder text = new StringBuilder();
        if (cancelled) {
            text.append(zh ? "以下会议已取消，日历会将其删除。" : "This meeting has been cancelled; your calendar removes it.").append("\n\n");
        }
        text.append(title).append('\n')
                .append(zh ? "时间：" : "When: ").append(when).append('\n')
                .append(zh ? "组织者：" : "Organizer: ").append(organizer).append('\n');
        if (!cancelled && agenda != null && !agenda.isBlank()) {
            text.append('\n').append(zh ? "议程：" : "Agenda:").append('\n').append(agenda.strip()).append('\n');
        }
        if (link != null && !link.isBlank()) {
            text.append('\n').append(zh ? "打开任务：" : "Open the task: ").append(link).append('\n');
        }
        text.append('\n').append(zh ? "附件中的日历邀请（invite.ics）可导入 Outlook、Google、Apple 和飞书日历。"
                : "The attached invite (invite.ics) imports into Outlook, Google, Apple and Feishu calendars.");
        return text.toString();
    }

    /** The calendar entry's DESCRIPTION: the agenda and the link. */
    String description(String agenda, String link) {
        StringBuilder text = new StringBuilder();
        if (agenda != null && !agenda.isBlank()) {
            text.append(agenda.strip());
        }
        if (link != null && !link.isBlank()) {
            if (!text.isEmpty()) {
                text.append("\n\n");
            }
            text.append(zh ? "打开任务：" : "Open the task: ").append(link);
        }
        return text.toString();
    }
}
