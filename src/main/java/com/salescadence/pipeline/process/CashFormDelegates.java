package com.salescadence.pipeline.process;

import static com.salescadence.workflow.LeadToCashProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.salescadence.pipeline.CashService;
import com.salescadence.pipeline.SalesOrder;
import com.salescadence.workflow.FormInput;
import com.salescadence.workflow.TaskActor;
import com.salescadence.workflow.UserInput;

/** Record what finance and the rep submitted with the cash tasks: credit check, delivery, payment. */
@Configuration(proxyBeanMethods = false)
class CashFormDelegates {

    @Bean
    JavaDelegate recordCreditCheckDelegate(CashService cash) {
        return execution -> UserInput.handle(() -> {
            FormInput form = FormInput.of(execution);
            boolean approved = "approve".equals(form.choice(F_CREDIT_DECISION, "Credit decision", "approve", "refuse"));
            SalesOrder order = cash.recordCreditCheck(id(execution, OPPORTUNITY_ID), approved, form.text(F_CREDIT_NOTE),
                    TaskActor.current());
            form.clear();
            execution.setVariable(CREDIT_APPROVED, approved);
            execution.setVariable(ORDER_ID, order.id());
        });
    }

    @Bean
    JavaDelegate recordDeliveryDelegate(CashService cash) {
        return execution -> UserInput.handle(() -> {
            FormInput form = FormInput.of(execution);
            cash.confirmDelivery(id(execution, ORDER_ID), form.date(F_DELIVERED_ON, "Delivery date"), form.text(F_DELIVERY_NOTE));
            form.clear();
        });
    }

    @Bean
    JavaDelegate recordPaymentDelegate(CashService cash) {
        return execution -> UserInput.handle(() -> {
            FormInput form = FormInput.of(execution);
            boolean paid = cash.recordPayment(id(execution, INVOICE_ID), form.amount(F_PAYMENT_AMOUNT, "Amount received"),
                    form.date(F_PAYMENT_DATE, "Payment date"), form.text(F_PAYMENT_REFERENCE), TaskActor.current());
            form.clear();
            execution.setVariable(INVOICE_PAID, paid);
        });
    }

    private static long id(DelegateExecution execution, String variable) {
        return ((Number) execution.getVariable(variable)).longValue();
    }
}
