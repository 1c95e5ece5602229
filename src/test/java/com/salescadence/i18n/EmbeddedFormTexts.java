package com.salescadence.i18n;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The texts a person reads in an embedded form (HTML with scripts) or in a script of the shared form code, and those
 * that are in one language only: markup text and placeholder / title / aria-label attributes must read "中文 /
 * English"; a data-zh attribute needs a Chinese text and its data-en an English one; each t(zh, en) call of a
 * script has Chinese in its first argument and English (without Chinese) in its second.
 */
final class EmbeddedFormTexts {

    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final Pattern LATIN = Pattern.compile("[A-Za-z]{2,}");
    private static final Pattern SCRIPT = Pattern.compile("(?is)<script\\b[^>]*>(.*?)</script>");
    private static final Pattern STYLE = Pattern.compile("(?is)<style\\b[^>]*>.*?</style>|<!--.*?-->");
    private static final Pattern TEXT = Pattern.compile(">([^<]+)<");
    private static final Pattern SHOWN_ATTRIBUTE = Pattern.compile("(?i)\\s(placeholder|title|aria-label|alt)=\"([^\"]*)\"");
    private static final Pattern PAIR = Pattern.compile("(?i)\\sdata-zh(-title)?=\"([^\"]*)\"(?:[^>]*?)\\sdata-en(?:-title)?=\"([^\"]*)\"");
    private static final Pattern ZH_ATTRIBUTE = Pattern.compile("(?i)\\sdata-zh(-title)?=");
    private static final Pattern T_CALL = Pattern.compile("(?<![A-Za-z0-9_$])t\\(");

    private final List<String> problems = new ArrayList<>();
    private int count;

    private EmbeddedFormTexts() {
    }

    static EmbeddedFormTexts of(String source, boolean html) {
        EmbeddedFormTexts texts = new EmbeddedFormTexts();
        if (!html) {
            texts.script(source);
            return texts;
        }
        Matcher scripts = SCRIPT.matcher(source);
        while (scripts.find()) {
            texts.script(scripts.group(1));
        }
        String markup = STYLE.matcher(SCRIPT.matcher(source).replaceAll("<script></script>")).replaceAll("");
        Matcher text = TEXT.matcher(markup);
        while (text.find()) {
            String shown = text.group(1).replaceAll("&[a-z]+;|&#\\d+;", " ").trim();
            if (!shown.isEmpty() && LATIN.matcher(shown).find() || HAN.matcher(shown).find()) {
                texts.bilingual("text '" + shown + "'", shown);
            }
        }
        Matcher attribute = SHOWN_ATTRIBUTE.matcher(markup);
        while (attribute.find()) {
            texts.bilingual(attribute.group(1) + " '" + attribute.group(2) + "'", attribute.group(2));
        }
        Matcher pair = PAIR.matcher(markup);
        int pairs = 0;
        while (pair.find()) {
            pairs++;
            texts.pair("data-zh '" + pair.group(2) + "' / data-en '" + pair.group(3) + "'", pair.group(2), pair.group(3));
        }
        Matcher zh = ZH_ATTRIBUTE.matcher(markup);
        int zhs = 0;
        while (zh.find()) {
            zhs++;
        }
        if (zhs != pairs) {
            texts.problems.add((zhs - pairs) + " data-zh attribute(s) without a data-en after them in the same element");
        }
        return texts;
    }

    List<String> problems() {
        return problems;
    }

    int count() {
        return count;
    }

    private void bilingual(String what, String text) {
        count++;
        if (!(HAN.matcher(text).find() && LATIN.matcher(text).find())) {
            problems.add(what);
        }
    }

    private void pair(String what, String zh, String en) {
        count++;
        if (!HAN.matcher(zh).find() || !LATIN.matcher(en).find() || HAN.matcher(en).find()) {
            problems.add(what);
        }
    }

    private static final Pattern ZH_EN = Pattern.compile("\\bzh:\\s*'([^']*)'\\s*,\\s*en:\\s*'([^']*)'");

    /** Every t(zh, en) call (the string literals of each argument, joined) and every {zh: '...', en: '...'} pair. */
    private void script(String code) {
        Matcher pairs = ZH_EN.matcher(code);
        while (pairs.find()) {
            pair("{zh: '" + pairs.group(1) + "', en: '" + pairs.group(2) + "'}", pairs.group(1), pairs.group(2));
        }
        Matcher call = T_CALL.matcher(code);
        while (call.find()) {
            List<StringBuilder> arguments = new ArrayList<>();
            arguments.add(new StringBuilder());
            boolean literal = false;
            int depth = 1;
            int i = call.end();
            int start = call.start();
            while (i < code.length() && depth > 0) {
                char c = code.charAt(i);
                if (c == '\'' || c == '"' || c == '`') {
                    int end = code.indexOf(c, i + 1);
                    while (end > 0 && code.charAt(end - 1) == '\\') {
                        end = code.indexOf(c, end + 1);
                    }
                    if (end < 0) {
                        break;
                    }
                    if (depth == 1) {
                        arguments.get(arguments.size() - 1).append(code, i + 1, end);
                        literal = true;
                    }
                    i = end + 1;
                    continue;
                }
                if (c == '(' || c == '[' || c == '{') {
                    depth++;
                } else if (c == ')' || c == ']' || c == '}') {
                    depth--;
                } else if (c == ',' && depth == 1) {
                    arguments.add(new StringBuilder());
                }
                i++;
            }
            String source = code.substring(start, Math.min(i, code.length()));
            if (!literal) {
                continue; // the helper's definition, or a call passing texts on that are checked where they are written
            }
            count++;
            if (arguments.size() != 2 || !HAN.matcher(arguments.get(0)).find() || !LATIN.matcher(arguments.get(1)).find()
                    || HAN.matcher(arguments.get(1)).find()) {
                problems.add(source.replaceAll("\\s+", " "));
            }
        }
    }
}
