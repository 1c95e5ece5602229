package com.salescadence.pipeline;

public enum OpportunityStatus {
    OPEN, WON, LOST
}
