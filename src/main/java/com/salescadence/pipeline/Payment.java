package com.salescadence.pipeline;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

public record Payment(long id, long invoiceId, BigDecimal amount, LocalDate receivedOn, String reference,
                      String recordedBy, LocalDateTime recordedAt) {
}
