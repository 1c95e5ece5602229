package com.salescadence.support;

/**
 * The English part of a bilingual message ("客户名称为必填项。 / Account name is required." gives "Account name is
 * required."), for tests that check the English wording; a message without a Chinese part comes back as it is.
 */
public final class EnglishText {

    private EnglishText() {
    }

    public static String of(String message) {
        int slash = message.indexOf(" / ");
        if (slash < 0 || !message.substring(0, slash).codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
            return message;
        }
        return message.substring(slash + 3);
    }
}
