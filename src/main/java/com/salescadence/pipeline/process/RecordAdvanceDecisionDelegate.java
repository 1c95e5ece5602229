package com.salescadence.pipeline.process;

import static com.salescadence.workflow.LeadToCashProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.salescadence.pipeline.AdvanceDecision;
import com.salescadence.pipeline.OpportunityService;
import com.salescadence.workflow.FormInput;
import com.salescadence.workflow.TaskActor;
import com.salescadence.workflow.UserInput;

/** Records what was submitted with "Approve stage advance": the manager's decision moves the stage or returns the task with a comment. */
@Component("recordAdvanceDecisionDelegate")
class RecordAdvanceDecisionDelegate implements JavaDelegate {

    private final OpportunityService opportunities;

    RecordAdvanceDecisionDelegate(OpportunityService opportunities) {
        this.opportunities = opportunities;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UserInput.handle(() -> {
            FormInput form = FormInput.of(execution);
            boolean approve = "approve".equals(form.choice(F_ADVANCE_DECISION, "Decision", "approve", "reject"));
            AdvanceDecision decision = opportunities.decideAdvance(((Number) execution.getVariable(OPPORTUNITY_ID)).longValue(),
                    approve, form.text(F_DECISION_COMMENT), TaskActor.current());
            form.clear();
            execution.setVariable(ADVANCE_APPROVED, decision.approved());
            execution.setVariable(DEAL_WON, decision.won());
        });
    }
}
