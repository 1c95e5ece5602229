package com.salescadence.workflow.naming;

import java.util.Locale;

/** The two languages people read the product in. */
public enum Language {
    ZH, EN;

    /** "zh", "zh-CN" or "zh_CN" is Chinese, "en..." English; anything else (or nothing) the fallback. */
    public static Language of(String code, Language fallback) {
        if (code == null || code.isBlank()) {
            return fallback;
        }
        String lower = code.trim().toLowerCase(Locale.ROOT);
        if (lower.startsWith("zh")) {
            return ZH;
        }
        if (lower.startsWith("en")) {
            return EN;
        }
        return fallback;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
