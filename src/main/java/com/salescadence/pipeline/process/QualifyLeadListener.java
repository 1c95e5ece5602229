package com.salescadence.pipeline.process;

import static com.salescadence.workflow.LeadToCashProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import com.salescadence.pipeline.LeadService;
import com.salescadence.pipeline.Qualification;
import com.salescadence.pipeline.QualificationResult;
import com.salescadence.workflow.FormInput;
import com.salescadence.workflow.UserInput;

/** Completes "Qualify lead (BANT)": records the qualification and tells the process where the deal goes. */
@Component("qualifyLeadListener")
class QualifyLeadListener implements TaskListener {

    private final LeadService leads;

    QualifyLeadListener(LeadService leads) {
        this.leads = leads;
    }

    @Override
    public void notify(DelegateTask task) {
        UserInput.handle(() -> {
            FormInput form = FormInput.of(task);
            boolean qualified = "qualify".equals(form.choice(F_QUALIFICATION_DECISION, "Decision", "qualify", "disqualify"));
            Qualification qualification = new Qualification(qualified, form.text(F_BUDGET), form.text(F_AUTHORITY),
                    form.text(F_NEED), form.text(F_TIMELINE), form.text(F_DISQUALIFY_REASON), form.text(F_OPPORTUNITY_NAME),
                    form.amount(F_AMOUNT, "Amount"), form.date(F_EXPECTED_CLOSE_DATE, "Expected close date"));
            QualificationResult result = leads.qualify(((Number) task.getVariable(LEAD_ID)).longValue(), qualification);
            form.clear();
            task.setVariable(LEAD_QUALIFIED, result.qualified());
            task.setVariable(OPPORTUNITY_ID, result.opportunityId());
            task.setVariable(IN_FUNNEL, result.inFunnel());
            task.setVariable(GO_NO_GO_REQUIRED, result.goNoGoRequired());
        });
    }
}
