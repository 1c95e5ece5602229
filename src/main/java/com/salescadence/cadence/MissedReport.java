package com.salescadence.cadence;

import java.util.List;

/**
 * What a missed deadline led to: the report that was missed (as read before it was marked), who chases it, who was
 * told, whether it was the second miss in a row.
 */
public record MissedReport(Submission submission, boolean newlyMissed, String chaseAssignee, List<String> escalatedTo,
                           boolean missedTwiceInARow) {
}
