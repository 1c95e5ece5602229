package com.salescadence.pipeline;

import java.time.LocalDateTime;

public record StageEvidence(long opportunityId, String stageCode, String outcomeCode, String evidence,
                            String recordedBy, LocalDateTime recordedAt) {
}
