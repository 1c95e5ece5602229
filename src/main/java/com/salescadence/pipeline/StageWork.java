package com.salescadence.pipeline;

import java.util.Map;

/**
 * What a rep submits while working a stage: either an advance request with evidence per outcome and
 * the probability claimed for the next stage, or the deal's loss with its reason.
 *
 * @param evidence outcome code to the evidence text (who confirmed what, when)
 * @param targetStage optional; when given it must be the next stage
 */
public record StageWork(Action action, Map<String, String> evidence, Integer claimedProbability, String targetStage,
                        String lossReason) {

    public enum Action { ADVANCE, LOST }

    public StageWork {
        evidence = evidence == null ? Map.of() : Map.copyOf(evidence);
    }
}
