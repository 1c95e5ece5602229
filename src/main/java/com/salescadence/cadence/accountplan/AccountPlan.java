package com.salescadence.cadence.accountplan;

import java.time.LocalDateTime;

/** One account's plan for one year: who set its direction, when it is due, where its revision stands. */
public record AccountPlan(long id, long accountId, int planYear, PlanStatus status, String seniorManagerId, String direction,
                          String teamMembers, String timeline, Integer developWeeks, LocalDateTime dueAt, LocalDateTime remindedAt,
                          LocalDateTime lateSince, String escalatedTo, String chaseNote, LocalDateTime approvedAt,
                          String processInstanceId, LocalDateTime createdAt) {
}
