package com.salescadence.pipeline.process;

import static com.salescadence.workflow.LeadToCashProcess.*;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.salescadence.pipeline.Lead;
import com.salescadence.pipeline.LeadService;
import com.salescadence.pipeline.NewLead;

/** A new lead is saved first, then its lead-to-cash instance starts with the lead's id as business key. */
@Service
public class LeadIntake {

    private final LeadService leads;
    private final RuntimeService runtimeService;

    LeadIntake(LeadService leads, RuntimeService runtimeService) {
        this.leads = leads;
        this.runtimeService = runtimeService;
    }

    @Transactional
    public Lead receive(NewLead newLead) {
        Lead lead = leads.create(newLead);
        runtimeService.startProcessInstanceByKey(KEY, String.valueOf(lead.id()),
                Map.of(LEAD_ID, lead.id(), OWNER_ID, lead.ownerId()));
        return lead;
    }
}
