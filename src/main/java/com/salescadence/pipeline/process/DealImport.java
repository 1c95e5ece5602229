package com.salescadence.pipeline.process;

import static com.salescadence.workflow.LeadToCashProcess.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
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

    /** Instances started in one engine command: the engine writes them with one batch per table when the command ends. */
    static final int START_CHUNK = 200;

    private final OpportunityService opportunities;
    private final RuntimeService runtimeService;
    private final ProcessEngineConfigurationImpl engine;

    DealImport(OpportunityService opportunities, ProcessEngine processEngine) {
        this.opportunities = opportunities;
        this.runtimeService = processEngine.getRuntimeService();
        this.engine = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    }

    @Transactional
    public Opportunity importDeal(ImportedDeal deal, String actorId, String note) {
        return importDeals(List.of(deal), actorId, note, n -> { }).get(0);
    }

    /**
     * Imports the deals in the caller's transaction (all or nothing), in the given order, and starts the open ones'
     * instances {@value #START_CHUNK} to an engine command (one flush each, not one per deal), against the latest
     * lead-to-cash definition looked up once. Reports after each chunk how many deals are done.
     */
    @Transactional
    public List<Opportunity> importDeals(List<ImportedDeal> deals, String actorId, String note, IntConsumer progress) {
        List<Opportunity> imported = new ArrayList<>(deals.size());
        String definitionId = null;
        for (int from = 0; from < deals.size(); from += START_CHUNK) {
            List<Opportunity> chunk = opportunities.importDeals(deals.subList(from, Math.min(deals.size(), from + START_CHUNK)), actorId, note);
            List<Opportunity> open = chunk.stream().filter(o -> o.status() == OpportunityStatus.OPEN).toList();
            if (!open.isEmpty()) {
                if (definitionId == null) {
                    definitionId = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(KEY)
                            .latestVersion().singleResult().getId();
                }
                String definition = definitionId;
                engine.getCommandExecutorTxRequired().execute((CommandContext context) -> {
                    open.forEach(opportunity -> start(definition, opportunity));
                    return null;
                });
            }
            imported.addAll(chunk);
            progress.accept(imported.size());
        }
        return imported;
    }

    private void start(String definitionId, Opportunity opportunity) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(LEAD_ID, opportunity.leadId());
        variables.put(OWNER_ID, opportunity.ownerId());
        variables.put(OPPORTUNITY_ID, opportunity.id());
        variables.put(LEAD_QUALIFIED, true);
        variables.put(IN_FUNNEL, opportunity.inFunnel());
        variables.put(GO_NO_GO_REQUIRED, false);
        runtimeService.createProcessInstanceById(definitionId)
                .businessKey(String.valueOf(opportunity.leadId()))
                .setVariables(variables)
                .startBeforeActivity(opportunity.inFunnel() ? TASK_WORK_STAGE : TASK_RECORD_SMALL_DEAL_OUTCOME)
                .execute();
    }
}
