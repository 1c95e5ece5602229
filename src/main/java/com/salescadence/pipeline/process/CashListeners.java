package com.salescadence.pipeline.process;

import static com.salescadence.workflow.LeadToCashProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.salescadence.pipeline.CashService;
import com.salescadence.pipeline.SalesOrder;
import com.salescadence.workflow.FormInput;
import com.salescadence.workflow.TaskActor;
import com.salescadence.workflow.UserInput;

/** Completion listeners of the cash tasks: credit check, delivery, payment. */
@Configuration(proxyBeanMethods = false)
class CashListeners {

    @Bean
    TaskListener creditCheckListener(CashService cash) {
        return task -> UserInput.handle(() -> {
            FormInput form = FormInput.of(task);
            boolean approved = "approve".equals(form.choice(F_CREDIT_DECISION, "Credit decision", "approve", "refuse"));
            SalesOrder order = cash.recordCreditCheck(id(task, OPPORTUNITY_ID), approved, form.text(F_CREDIT_NOTE),
                    TaskActor.of(task));
            form.clear();
            task.setVariable(CREDIT_APPROVED, approved);
            task.setVariable(ORDER_ID, order.id());
        });
    }

    @Bean
    TaskListener deliveryListener(CashService cash) {
        return task -> UserInput.handle(() -> {
            FormInput form = FormInput.of(task);
            cash.confirmDelivery(id(task, ORDER_ID), form.date(F_DELIVERED_ON, "Delivery date"), form.text(F_DELIVERY_NOTE));
            form.clear();
        });
    }

    @Bean
    TaskListener paymentListener(CashService cash) {
        return task -> UserInput.handle(() -> {
            FormInput form = FormInput.of(task);
            boolean paid = cash.recordPayment(id(task, INVOICE_ID), form.amount(F_PAYMENT_AMOUNT, "Amount received"),
                    form.date(F_PAYMENT_DATE, "Payment date"), form.text(F_PAYMENT_REFERENCE), TaskActor.of(task));
            form.clear();
            task.setVariable(INVOICE_PAID, paid);
        });
    }

    private static long id(DelegateTask task, String variable) {
        return ((Number) task.getVariable(variable)).longValue();
    }
}
