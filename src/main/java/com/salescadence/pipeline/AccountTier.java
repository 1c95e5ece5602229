package com.salescadence.pipeline;

public enum AccountTier {
    KEY, SECOND, OTHER
}
