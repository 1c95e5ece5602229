package com.salescadence.common;

import java.util.List;

/**
 * Bad input from a person: a message they can act on, in their words. Thrown before anything is
 * stored (or inside the transaction that stores it, so it rolls back). The REST layer answers 400,
 * the process glue turns it into Camunda's BadUserRequestException so the Tasklist shows it too.
 */
public class ValidationException extends RuntimeException {

    private final List<String> problems;

    public ValidationException(String problem) {
        this(List.of(problem));
    }

    /** Each problem reads in Chinese and English where {@link ValidationTexts} has its Chinese text. */
    public ValidationException(List<String> problems) {
        super(String.join(" ", bilingual(problems)));
        this.problems = bilingual(problems);
    }

    private static List<String> bilingual(List<String> problems) {
        return problems.stream().map(ValidationTexts::bilingual).toList();
    }

    public List<String> problems() {
        return problems;
    }
}
