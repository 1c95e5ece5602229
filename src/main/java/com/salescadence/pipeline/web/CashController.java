package com.salescadence.pipeline.web;

import java.security.Principal;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.salescadence.pipeline.CashService;
import com.salescadence.pipeline.Invoice;
import com.salescadence.pipeline.Opportunity;
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
        Set<Long> visible = visibleDeals(principal);
        return cash.orders().stream().filter(o -> visible.contains(o.opportunityId())).toList();
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
        Set<Long> visible = visibleDeals(principal);
        return cash.invoices().stream().filter(i -> visible.contains(cash.order(i.orderId()).opportunityId())).toList();
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

    private Set<Long> visibleDeals(Principal principal) {
        return opportunities.listVisibleTo(principal.getName()).stream().map(Opportunity::id).collect(Collectors.toSet());
    }
}
