package com.salescadence.pipeline;

import com.salescadence.pipeline.stage.GateResult;

/** The outcome of a rep's stage work: lost, refused by the gate (with the reason), or sent for approval. */
public record StageWorkResult(StageWork.Action action, GateResult gate, Long advanceRequestId, String approverId) {

    public boolean gatePassed() {
        return gate != null && gate.passed();
    }
}
