package com.salescadence.pipeline.process;

import static com.salescadence.workflow.LeadToCashProcess.*;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.salescadence.pipeline.CashService;
import com.salescadence.pipeline.Invoice;

/** Service tasks of the cash part: issue the invoice and set its timers, remind and escalate when unpaid. */
@Configuration(proxyBeanMethods = false)
class CashDelegates {

    @Bean
    JavaDelegate issueInvoiceDelegate(CashService cash) {
        return execution -> {
            Invoice invoice = cash.issueInvoice(id(execution, ORDER_ID));
            execution.setVariable(INVOICE_ID, invoice.id());
            execution.setVariable(INVOICE_DUE_DATE, endOfDay(invoice.dueOn()));
            execution.setVariable(INVOICE_ESCALATION_DATE, endOfDay(cash.escalationDate(invoice)));
        };
    }

    @Bean
    JavaDelegate paymentReminderDelegate(CashService cash) {
        return execution -> cash.remindOverdue(id(execution, INVOICE_ID));
    }

    @Bean
    JavaDelegate paymentEscalationDelegate(CashService cash) {
        return execution -> cash.escalateOverdue(id(execution, INVOICE_ID));
    }

    /** A due date passes at the end of that day, in the product's time zone. */
    static Date endOfDay(LocalDate date) {
        return Date.from(date.plusDays(1).atStartOfDay(ZoneId.systemDefault()).toInstant());
    }

    private static long id(DelegateExecution execution, String variable) {
        return ((Number) execution.getVariable(variable)).longValue();
    }
}
