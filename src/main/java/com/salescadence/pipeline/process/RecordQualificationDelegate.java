package com.salescadence.pipeline.process;

import static com.salescadence.workflow.LeadToCashProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.salescadence.pipeline.LeadService;
import com.salescadence.pipeline.Qualification;
import com.salescadence.pipeline.QualificationResult;
import com.salescadence.workflow.FormInput;
import com.salescadence.workflow.UserInput;

/** Records what was submitted with "Qualify lead (BANT)": records the qualification and tells the process where the deal goes. */
@Component("recordQualificationDelegate")
class RecordQualificationDelegate implements JavaDelegate {

    private final LeadService leads;

    RecordQualificationDelegate(LeadService leads) {
        this.leads = leads;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UserInput.handle(() -> {
            FormInput form = FormInput.of(execution);
            boolean qualified = "qualify".equals(form.choice(F_QUALIFICATION_DECISION, "Decision", "qualify", "disqualify"));
            Qualification qualification = new Qualification(qualified, form.text(F_BUDGET), form.text(F_AUTHORITY),
                    form.text(F_NEED), form.text(F_TIMELINE), form.text(F_DISQUALIFY_REASON), form.text(F_OPPORTUNITY_NAME),
                    form.amount(F_AMOUNT, "Amount"), form.date(F_EXPECTED_CLOSE_DATE, "Expected close date"));
            QualificationResult result = leads.qualify(((Number) execution.getVariable(LEAD_ID)).longValue(), qualification);
            form.clear();
            execution.setVariable(LEAD_QUALIFIED, result.qualified());
            execution.setVariable(OPPORTUNITY_ID, result.opportunityId());
            execution.setVariable(IN_FUNNEL, result.inFunnel());
            execution.setVariable(GO_NO_GO_REQUIRED, result.goNoGoRequired());
        });
    }
}
