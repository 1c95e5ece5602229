package com.salescadence.cadence;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The refusal of one adjusted line of a commit call, named after its person so that the grid shows it at the
 * person's row: "任仁：调整原因为必填项。 / Ren Ren: A reason for the adjustment is required.". The problems come
 * in as {@link com.salescadence.common.ValidationException} holds them ("中文 / English" or English only).
 */
final class AdjustmentRefusal {

    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    private AdjustmentRefusal() {
    }

    static String of(String person, List<String> problems) {
        String[] texts = texts(problems);
        return person + "：" + texts[0] + " / " + person + ": " + texts[1];
    }

    /** The problems as one Chinese and one English text (a problem in English only is in both). */
    static String[] texts(List<String> problems) {
        List<String> zh = new ArrayList<>();
        List<String> en = new ArrayList<>();
        for (String problem : problems) {
            int cut = problem.indexOf(" / ");
            if (cut > 0 && HAN.matcher(problem.substring(0, cut)).find()) {
                zh.add(problem.substring(0, cut));
                en.add(problem.substring(cut + 3));
            } else {
                zh.add(problem);
                en.add(problem);
            }
        }
        return new String[] {String.join(" ", zh), String.join(" ", en)};
    }
}
