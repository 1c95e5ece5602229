package com.salescadence.cadence;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import com.salescadence.common.ValidationException;
import com.salescadence.organization.OrganizationService;
import com.salescadence.organization.Role;
import com.salescadence.workflow.StartedProcess;

/**
 * An admin starts a cadence's cycle now, as its timer would, optionally at a given cycle start
 * ({"cycleStart": "2026-11-29T08:00"}, in the configured time zone): the same for every cadence's API.
 */
@Component
public class CycleStarter {

    /** The process variable every cadence model computes its deadlines from. */
    public static final String CYCLE_START = "cycleStart";

    private final OrganizationService organization;
    private final RuntimeService runtimeService;

    CycleStarter(OrganizationService organization, RuntimeService runtimeService) {
        this.organization = organization;
        this.runtimeService = runtimeService;
    }

    public StartedProcess start(String processKey, CycleStartRequest body, String userId) {
        if (organization.person(userId).role() != Role.ADMIN) {
            throw new AccessDeniedException("Only an admin may start a cycle.");
        }
        Map<String, Object> variables = new HashMap<>();
        String given = body == null ? null : body.cycleStart();
        if (given != null && !given.isBlank()) {
            try {
                variables.put(CYCLE_START, Date.from(LocalDateTime.parse(given.trim()).atZone(ZoneId.systemDefault()).toInstant()));
            } catch (DateTimeParseException e) {
                throw new ValidationException("cycleStart must look like 2026-11-29T08:00, got '" + given + "'.");
            }
        }
        return new StartedProcess(runtimeService.startProcessInstanceByKey(processKey, variables).getId());
    }
}
