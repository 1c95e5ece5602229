package com.salescadence.common;

import java.util.List;
import java.util.Map;

/** A refused grid: the problems per row id (for the form to show at each row) and, as for any refusal, all of them. */
public class RowValidationException extends ValidationException {

    private final transient Map<String, List<String>> rows;
    private final transient List<String> general;

    public RowValidationException(RowProblems problems) {
        this(problems.sentences(), problems);
    }

    /** A refusal whose message (one or more sentences a person reads without the grid) the caller words itself. */
    public RowValidationException(List<String> sentences, RowProblems problems) {
        super(sentences);
        this.rows = problems.rows();
        this.general = problems.general();
    }

    /** The problems of no single row (the notes, a row that is no row of the grid). */
    public List<String> general() {
        return general;
    }

    /** The problems of each row, by the row's id (a rep's person id, an account's id, a month). */
    public Map<String, List<String>> rows() {
        return rows;
    }
}
