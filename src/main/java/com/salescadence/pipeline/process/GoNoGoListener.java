package com.salescadence.pipeline.process;

import static com.salescadence.workflow.LeadToCashProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import com.salescadence.pipeline.OpportunityService;
import com.salescadence.workflow.FormInput;
import com.salescadence.workflow.TaskActor;
import com.salescadence.workflow.UserInput;

/** Completes the go / no-go assessment of a large deal. */
@Component("goNoGoListener")
class GoNoGoListener implements TaskListener {

    private final OpportunityService opportunities;

    GoNoGoListener(OpportunityService opportunities) {
        this.opportunities = opportunities;
    }

    @Override
    public void notify(DelegateTask task) {
        UserInput.handle(() -> {
            FormInput form = FormInput.of(task);
            boolean go = "go".equals(form.choice(F_GO_DECISION, "Decision", "go", "no_go"));
            boolean pursue = opportunities.recordGoDecision(((Number) task.getVariable(OPPORTUNITY_ID)).longValue(), go,
                    form.text(F_GO_NO_GO_REASON), TaskActor.of(task));
            form.clear();
            task.setVariable(PURSUE_DEAL, pursue);
        });
    }
}
