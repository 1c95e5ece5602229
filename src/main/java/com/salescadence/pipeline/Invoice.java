package com.salescadence.pipeline;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

public record Invoice(long id, long orderId, BigDecimal amount, String currency, LocalDate issuedOn, LocalDate dueOn,
                      String status, LocalDateTime remindedAt, LocalDateTime escalatedAt, LocalDate paidOn) {

    public static final String OPEN = "OPEN";
    public static final String OVERDUE = "OVERDUE";
    public static final String PAID = "PAID";
}
