package com.salescadence.pipeline.web;

import java.security.Principal;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.salescadence.pipeline.CashService;
import com.salescadence.pipeline.Invoice;
import com.salescadence.pipeline.OpportunityService;
import com.salescadence.pipeline.Payment;
import com.salescadence.pipeline.SalesOrder;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api")
@Tag(name = "Orders, invoices and payments", description = "The cash end of lead to cash")
class CashController {

    private final CashService cash;
    private final OpportunityService opportunities;

    CashController(CashService cash, OpportunityService opportunities) {
        this.cash = cash;
        this.opportunities = opportunities;
    }

    @GetMapping("/orders")
    @Operation(summary = "Orders of the deals the caller may see")
    List<SalesOrder> orders(Principal principal) {
        return cash.orders().stream().filter(o -> visible(o.opportunityId(), principal)).toList();
    }

    @GetMapping("/orders/{id}")
    SalesOrder order(@PathVariable long id, Principal principal) {
        SalesOrder order = cash.order(id);
        opportunities.visibleTo(order.opportunityId(), principal.getName());
        return order;
    }

    @GetMapping("/invoices")
    @Operation(summary = "Invoices of the deals the caller may see")
    List<Invoice> invoices(Principal principal) {
        return cash.invoices().stream().filter(i -> visible(cash.order(i.orderId()).opportunityId(), principal)).toList();
    }

    @GetMapping("/invoices/{id}")
    Invoice invoice(@PathVariable long id, Principal principal) {
        Invoice invoice = cash.invoice(id);
        opportunities.visibleTo(cash.order(invoice.orderId()).opportunityId(), principal.getName());
        return invoice;
    }

    @GetMapping("/invoices/{id}/payments")
    List<Payment> payments(@PathVariable long id, Principal principal) {
        invoice(id, principal);
        return cash.payments(id);
    }

    private boolean visible(long opportunityId, Principal principal) {
        try {
            opportunities.visibleTo(opportunityId, principal.getName());
            return true;
        } catch (com.salescadence.common.NotFoundException e) {
            return false;
        }
    }
}
