package com.salescadence.pipeline;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

public record SalesOrder(long id, long opportunityId, BigDecimal amount, String currency, String status,
                         String creditCheckedBy, String creditNote, LocalDateTime createdAt, LocalDate deliveredAt,
                         String deliveryNote) {

    public static final String CREDIT_REFUSED = "CREDIT_REFUSED";
    public static final String BOOKED = "BOOKED";
    public static final String DELIVERED = "DELIVERED";
    public static final String INVOICED = "INVOICED";
    public static final String PAID = "PAID";
}
