package com.salescadence.cadence;

import java.util.ArrayList;
import java.util.List;

/**
 * Who hears of a missing report: the person's manager always; on a second miss in a row also the
 * manager one level further up. Plain Java, unit tested.
 */
public final class EscalationRule {

    private EscalationRule() {
    }

    /** @param managersAbove the managers above the person, nearest first */
    public static List<String> escalateTo(List<String> managersAbove, boolean missedPreviousToo) {
        List<String> to = new ArrayList<>();
        if (managersAbove.isEmpty()) {
            return to;
        }
        to.add(managersAbove.get(0));
        if (missedPreviousToo && managersAbove.size() > 1) {
            to.add(managersAbove.get(1));
        }
        return to;
    }
}
