package com.salescadence.pipeline.deal;

/** What a rep edits of a deal in place, with the field's name in Chinese and English. */
public enum DealField {
    AMOUNT("金额", "Amount"),
    CLOSE_DATE("预计成交日期", "Expected close date"),
    PROBABILITY("赢率", "Probability"),
    NEXT_STEP("下一步", "Next step");

    private final String chinese;
    private final String english;

    DealField(String chinese, String english) {
        this.chinese = chinese;
        this.english = english;
    }

    public String chinese() {
        return chinese;
    }

    public String english() {
        return english;
    }
}
