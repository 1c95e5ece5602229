package com.salescadence.pipeline;

public enum LeadStatus {
    OPEN, DISQUALIFIED, CONVERTED
}
