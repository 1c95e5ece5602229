package com.salescadence.cadence;

import java.util.List;

/** What a missed deadline led to: who chases the report, who was told, whether it was the second miss in a row. */
public record MissedReport(boolean newlyMissed, String chaseAssignee, List<String> escalatedTo, boolean missedTwiceInARow) {
}
