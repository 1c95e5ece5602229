package com.salescadence.pipeline.stage;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.salescadence.common.ValidationException;

/**
 * The stage gate: a deal may only move to the next stage, and only when the required verifiable
 * outcomes of the stage it leaves are evidenced (and, when it enters the won stage, the won stage's
 * own outcomes such as "contract signed"). Plain Java, unit tested.
 */
public final class StageGate {

    private StageGate() {
    }

    /**
     * @param target requested target stage code, or null for "the next stage"
     * @throws ValidationException for an unknown stage, a closed deal, a skipped stage or a move backwards
     */
    public static GateResult check(StageModel model, String currentCode, String target, Set<String> evidencedOutcomes) {
        Stage from = model.stage(currentCode);
        if (!from.isOpen()) {
            throw new ValidationException("The deal is already " + from.name() + "; it cannot advance.");
        }
        Stage next = model.next(from.code());
        Stage to = target == null || target.isBlank() ? next : model.stage(target);
        if (!to.code().equals(next.code())) {
            throw new ValidationException("A deal in " + from.name() + " can only advance to " + next.name()
                    + ", not to " + to.name() + ": stages cannot be skipped.");
        }
        List<Outcome> required = new ArrayList<>(from.requiredOutcomes());
        if (to.kind() == StageKind.WON) {
            required.addAll(to.requiredOutcomes());
        }
        List<Outcome> missing = required.stream().filter(o -> !evidencedOutcomes.contains(o.code())).toList();
        return new GateResult(from, to, missing);
    }

    /** Outcome codes that the stage being left (or the won stage being entered) does not know. */
    public static List<String> unknownOutcomes(StageModel model, String currentCode, Set<String> outcomeCodes) {
        Stage from = model.stage(currentCode);
        Stage to = from.isOpen() ? model.next(currentCode) : from;
        List<String> known = new ArrayList<>(from.outcomes().stream().map(Outcome::code).toList());
        if (to.kind() == StageKind.WON) {
            known.addAll(to.outcomes().stream().map(Outcome::code).toList());
        }
        return outcomeCodes.stream().filter(c -> !known.contains(c)).sorted().toList();
    }
}
