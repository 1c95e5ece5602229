package com.salescadence.pipeline.stage;

/** Open stages form the funnel; a model has exactly one won and one lost stage. */
public enum StageKind {
    OPEN, WON, LOST
}
