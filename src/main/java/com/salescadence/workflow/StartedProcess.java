package com.salescadence.workflow;

import io.swagger.v3.oas.annotations.media.Schema;

/** The answer of an endpoint that starts a process instance: its id and, where it has one, its business key. */
public record StartedProcess(String processInstanceId,
                             @Schema(description = "left out when the instance has none") String businessKey) {

    public StartedProcess(String processInstanceId) {
        this(processInstanceId, null);
    }
}
