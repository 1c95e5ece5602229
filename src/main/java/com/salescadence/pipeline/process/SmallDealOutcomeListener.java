package com.salescadence.pipeline.process;

import static com.salescadence.workflow.LeadToCashProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import com.salescadence.pipeline.OpportunityService;
import com.salescadence.workflow.FormInput;
import com.salescadence.workflow.TaskActor;
import com.salescadence.workflow.UserInput;

/** Completes "Record small deal outcome" for a deal out of the funnel. */
@Component("smallDealOutcomeListener")
class SmallDealOutcomeListener implements TaskListener {

    private final OpportunityService opportunities;

    SmallDealOutcomeListener(OpportunityService opportunities) {
        this.opportunities = opportunities;
    }

    @Override
    public void notify(DelegateTask task) {
        UserInput.handle(() -> {
            FormInput form = FormInput.of(task);
            boolean won = "won".equals(form.choice(F_DEAL_OUTCOME, "Outcome", "won", "lost"));
            boolean result = opportunities.recordSmallDealOutcome(((Number) task.getVariable(OPPORTUNITY_ID)).longValue(),
                    won, form.text(F_LOSS_REASON), TaskActor.of(task));
            form.clear();
            task.setVariable(DEAL_WON, result);
        });
    }
}
