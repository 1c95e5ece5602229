package com.salescadence.cadence;

import java.time.LocalDateTime;
import java.util.List;
import java.util.function.UnaryOperator;

import com.salescadence.common.BriefText;

/**
 * The text of a chase task, in Chinese and English: who has not done which report for which cycle, by when, who was
 * told (the escalations), and that the task closes by itself once the report comes in.
 */
public final class ChaseBrief {

    private ChaseBrief() {
    }

    /**
     * @param missedZh what is missing, as a Chinese predicate ("未提交周承诺")
     * @param missedEn the same in English ("has not submitted the weekly commit")
     * @param names    a person's id to the name people read
     */
    public static String of(String personName, String missedZh, String missedEn, Object cycleKey, LocalDateTime due,
                            List<Escalation> escalations, UnaryOperator<String> names, String closingZh, String closingEn) {
        String dueText = due.toString().replace('T', ' ');
        BriefText text = BriefText.start().append(personName + " " + missedZh + "（" + cycleKey + "，截止 " + dueText + "）。 / "
                + personName + " " + missedEn + " for " + cycleKey + ", due " + dueText + ".");
        for (Escalation e : escalations) {
            String to = names.apply(e.escalatedTo());
            text.append("已上报给 " + to + "（第 " + e.level() + " 级） / Escalated to " + to + " (level " + e.level() + "): " + e.reason());
        }
        return text.append(closingZh + " / " + closingEn).toString();
    }
}
