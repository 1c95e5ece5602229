package com.salescadence.pipeline.process;

import static com.salescadence.workflow.LeadToCashProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import com.salescadence.pipeline.AdvanceDecision;
import com.salescadence.pipeline.OpportunityService;
import com.salescadence.workflow.FormInput;
import com.salescadence.workflow.TaskActor;
import com.salescadence.workflow.UserInput;

/** Completes "Approve stage advance": the manager's decision moves the stage or returns the task with a comment. */
@Component("advanceDecisionListener")
class AdvanceDecisionListener implements TaskListener {

    private final OpportunityService opportunities;

    AdvanceDecisionListener(OpportunityService opportunities) {
        this.opportunities = opportunities;
    }

    @Override
    public void notify(DelegateTask task) {
        UserInput.handle(() -> {
            FormInput form = FormInput.of(task);
            boolean approve = "approve".equals(form.choice(F_ADVANCE_DECISION, "Decision", "approve", "reject"));
            AdvanceDecision decision = opportunities.decideAdvance(((Number) task.getVariable(OPPORTUNITY_ID)).longValue(),
                    approve, form.text(F_DECISION_COMMENT), TaskActor.of(task));
            form.clear();
            task.setVariable(ADVANCE_APPROVED, decision.approved());
            task.setVariable(DEAL_WON, decision.won());
        });
    }
}
