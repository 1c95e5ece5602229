package com.salescadence.pipeline.process;

import static com.salescadence.workflow.LeadToCashProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.salescadence.pipeline.OpportunityService;
import com.salescadence.workflow.FormInput;
import com.salescadence.workflow.TaskActor;
import com.salescadence.workflow.UserInput;

/** Records what was submitted with "Record small deal outcome" for a deal out of the funnel. */
@Component("recordSmallDealOutcomeDelegate")
class RecordSmallDealOutcomeDelegate implements JavaDelegate {

    private final OpportunityService opportunities;

    RecordSmallDealOutcomeDelegate(OpportunityService opportunities) {
        this.opportunities = opportunities;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UserInput.handle(() -> {
            FormInput form = FormInput.of(execution);
            boolean won = "won".equals(form.choice(F_DEAL_OUTCOME, "Outcome", "won", "lost"));
            boolean result = opportunities.recordSmallDealOutcome(((Number) execution.getVariable(OPPORTUNITY_ID)).longValue(),
                    won, form.text(F_LOSS_REASON), TaskActor.current());
            form.clear();
            execution.setVariable(DEAL_WON, result);
        });
    }
}
