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

    /** The refusal of outcomes ticked without evidence (one text for all of them, as the form has). */
    public static final String EVIDENCE_REQUIRED = "Describe the evidence for the outcomes you ticked: who confirmed what, "
            + "and when. / 请为勾选的成果填写证据：谁确认了什么、何时确认。";

    public StageWork {
        // a blank text stays in (kept in order, null allowed), so the service refuses it with a message
        evidence = evidence == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(evidence));
    }
}
