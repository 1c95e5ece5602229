package com.salescadence.pipeline.process;

import static com.salescadence.workflow.LeadToCashProcess.*;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.salescadence.pipeline.ImportedDeal;
import com.salescadence.pipeline.Opportunity;
import com.salescadence.pipeline.OpportunityService;
import com.salescadence.pipeline.OpportunityStatus;

/**
 * An imported deal becomes a pipeline deal like any other. An open one gets its lead-to-cash instance
 * (business key = its converted lead's id, as for a deal opened from a lead), started where the deal
 * stands: at "Work the stage" of its current stage when it is in the funnel, at "Record small deal
 * outcome" when it is not. Qualification and go / no-go lie behind it (a deal in the pipeline is being
 * pursued). A won or lost deal is history: no instance, no order, no invoice.
 */
@Service
public class DealImport {

    private final OpportunityService opportunities;
    private final RuntimeService runtimeService;

    DealImport(OpportunityService opportunities, RuntimeService runtimeService) {
        this.opportunities = opportunities;
        this.runtimeService = runtimeService;
    }

    @Transactional
    public Opportunity importDeal(ImportedDeal deal, String actorId, String note) {
        Opportunity opportunity = opportunities.importDeal(deal, actorId, note);
        if (opportunity.status() == OpportunityStatus.OPEN) {
            Map<String, Object> variables = new HashMap<>();
            variables.put(LEAD_ID, opportunity.leadId());
            variables.put(OWNER_ID, opportunity.ownerId());
            variables.put(OPPORTUNITY_ID, opportunity.id());
            variables.put(LEAD_QUALIFIED, true);
            variables.put(IN_FUNNEL, opportunity.inFunnel());
            variables.put(GO_NO_GO_REQUIRED, false);
            runtimeService.createProcessInstanceByKey(KEY)
                    .businessKey(String.valueOf(opportunity.leadId()))
                    .setVariables(variables)
                    .startBeforeActivity(opportunity.inFunnel() ? TASK_WORK_STAGE : TASK_RECORD_SMALL_DEAL_OUTCOME)
                    .execute();
        }
        return opportunity;
    }
}
