package com.salescadence.pipeline.process;

import static com.salescadence.workflow.LeadToCashProcess.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.salescadence.pipeline.OpportunityService;
import com.salescadence.pipeline.StageWork;
import com.salescadence.pipeline.StageWorkResult;
import com.salescadence.workflow.FormInput;
import com.salescadence.workflow.TaskActor;
import com.salescadence.workflow.UserInput;

/**
 * Completes "Work the stage": an advance request passes the stage gate or comes back with what is
 * missing; a loss closes the deal. The evidence text of the form applies to every outcome checked.
 */
@Component("recordStageWorkDelegate")
class RecordStageWorkDelegate implements JavaDelegate {

    private final OpportunityService opportunities;

    RecordStageWorkDelegate(OpportunityService opportunities) {
        this.opportunities = opportunities;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UserInput.handle(() -> {
            FormInput form = FormInput.of(execution);
            boolean lost = "lost".equals(form.choice(F_STAGE_ACTION, "What next", "advance", "lost"));
            List<String> outcomes = form.list(F_OUTCOMES_MET);
            String evidence = form.text(F_EVIDENCE);
            Map<String, String> evidenceByOutcome = new LinkedHashMap<>();
            outcomes.forEach(code -> evidenceByOutcome.put(code, evidence));
            StageWork work = new StageWork(lost ? StageWork.Action.LOST : StageWork.Action.ADVANCE,
                    lost ? Map.of() : evidenceByOutcome, form.percent(F_CLAIMED_PROBABILITY, "Claimed probability"), form.text(F_TARGET_STAGE),
                    form.text(F_LOSS_REASON));
            StageWorkResult result = opportunities.recordStageWork(((Number) execution.getVariable(OPPORTUNITY_ID)).longValue(),
                    work, TaskActor.current());
            form.clear();
            execution.setVariable(STAGE_ACTION, lost ? "lost" : "advance");
            execution.setVariable(GATE_PASSED, result.gatePassed());
            execution.setVariable(APPROVER_ID, result.approverId());
        });
    }
}
