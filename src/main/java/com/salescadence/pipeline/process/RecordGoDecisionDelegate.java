package com.salescadence.pipeline.process;

import static com.salescadence.workflow.LeadToCashProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.salescadence.pipeline.OpportunityService;
import com.salescadence.workflow.FormInput;
import com.salescadence.workflow.TaskActor;
import com.salescadence.workflow.UserInput;

/** Records what was submitted with the go / no-go assessment of a large deal. */
@Component("recordGoDecisionDelegate")
class RecordGoDecisionDelegate implements JavaDelegate {

    private final OpportunityService opportunities;

    RecordGoDecisionDelegate(OpportunityService opportunities) {
        this.opportunities = opportunities;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UserInput.handle(() -> {
            FormInput form = FormInput.of(execution);
            boolean go = "go".equals(form.choice(F_GO_DECISION, "Decision", "go", "no_go"));
            boolean pursue = opportunities.recordGoDecision(((Number) execution.getVariable(OPPORTUNITY_ID)).longValue(), go,
                    form.text(F_GO_NO_GO_REASON), TaskActor.current());
            form.clear();
            execution.setVariable(PURSUE_DEAL, pursue);
        });
    }
}
