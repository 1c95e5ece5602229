package com.salescadence.cadence;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One of the largest open deals of a manager's team closing by the end of the call's month, as the call shows it:
 * the stage in both languages (the grid shows the person's), the owner's name, and whether its close date has passed
 * (an overdue deal stays pipeline and is listed here until it is moved or closed).
 */
public record KeyDeal(long id, String name, BigDecimal amount, String stageCode, String stageName,
                      String stageNameZh, String ownerId, String owner, LocalDate expectedCloseDate, boolean overdue) {

    /** The deal in one English line: "100000.00 O (DEVELOP, Ren Rep, closes 2025-10-31)". */
    public String text() {
        return (amount.toPlainString() + " " + name + " (" + stageCode + ", " + owner + ", closes " + expectedCloseDate + ")")
                .replace('\t', ' ');
    }
}
