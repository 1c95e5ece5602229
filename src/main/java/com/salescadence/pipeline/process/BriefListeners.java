package com.salescadence.pipeline.process;

import static com.salescadence.workflow.LeadToCashProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.Spin;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.salescadence.pipeline.DealBriefs;

/**
 * Create listeners that put the read-only text a task form shows into task-local variables: they vanish
 * with the task, the process keeps only ids.
 */
@Configuration(proxyBeanMethods = false)
class BriefListeners {

    @Bean
    TaskListener leadBriefListener(DealBriefs briefs) {
        return task -> task.setVariableLocal(LEAD_BRIEF, briefs.lead(id(task, LEAD_ID)));
    }

    @Bean
    TaskListener dealBriefListener(DealBriefs briefs) {
        return task -> task.setVariableLocal(DEAL_BRIEF, briefs.deal(id(task, OPPORTUNITY_ID)));
    }

    @Bean
    TaskListener stageBriefListener(DealBriefs briefs) {
        return task -> {
            DealBriefs.StageForm form = briefs.stageForm(id(task, OPPORTUNITY_ID));
            task.setVariableLocal(STAGE_BRIEF, form.brief());
            task.setVariableLocal(OUTCOME_OPTIONS, Spin.JSON(form.outcomeOptions()));
        };
    }

    @Bean
    TaskListener invoiceBriefListener(DealBriefs briefs) {
        return task -> task.setVariableLocal(INVOICE_BRIEF, briefs.invoice(id(task, INVOICE_ID)));
    }

    private static long id(DelegateTask task, String variable) {
        return ((Number) task.getVariable(variable)).longValue();
    }
}
