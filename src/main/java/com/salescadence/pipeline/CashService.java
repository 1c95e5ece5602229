package com.salescadence.pipeline;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.salescadence.common.Checks;
import com.salescadence.common.NotFoundException;
import com.salescadence.common.ValidationException;
import com.salescadence.notification.NotificationKind;
import com.salescadence.notification.NotificationService;
import com.salescadence.organization.OrganizationService;
import com.salescadence.organization.Person;
import com.salescadence.organization.Role;

/** Won deal to cash: credit check, order, delivery, invoice, payment, reminders and escalation. */
@Service
@Transactional
public class CashService {

    private final CashRepository cash;
    private final OpportunityService opportunities;
    private final OrganizationService organization;
    private final NotificationService notifications;
    private final PipelineProperties properties;
    private final Clock clock;

    CashService(CashRepository cash, OpportunityService opportunities, OrganizationService organization,
                NotificationService notifications, PipelineProperties properties, Clock clock) {
        this.cash = cash;
        this.opportunities = opportunities;
        this.organization = organization;
        this.notifications = notifications;
        this.properties = properties;
        this.clock = clock;
    }

    /** Finance's credit check of a won deal: approval books the order, refusal records it without one to deliver. */
    public SalesOrder recordCreditCheck(long opportunityId, boolean approved, String note, String actorId) {
        Opportunity opportunity = opportunities.get(opportunityId);
        if (opportunity.status() != OpportunityStatus.WON) {
            throw new ValidationException("Only a won deal goes to credit check; this one is " + opportunity.status().name().toLowerCase() + ".");
        }
        if (cash.findOrderOfOpportunity(opportunityId).isPresent()) {
            throw new com.salescadence.common.AlreadyRecordedException("The credit check of this deal is already recorded.");
        }
        Checks checks = Checks.start().optionalText(note, "Note", Checks.LONG_TEXT);
        if (!approved) {
            checks.requiredText(note, "A note explaining the refusal", Checks.LONG_TEXT);
        }
        checks.orThrow();
        long orderId = cash.insertOrder(opportunityId, opportunity.amount(), opportunity.currency(),
                approved ? SalesOrder.BOOKED : SalesOrder.CREDIT_REFUSED, actorId, note, LocalDateTime.now(clock));
        return order(orderId);
    }

    public SalesOrder confirmDelivery(long orderId, LocalDate deliveredOn, String note) {
        SalesOrder order = order(orderId);
        if (!SalesOrder.BOOKED.equals(order.status())) {
            throw new ValidationException("Order " + orderId + " is " + order.status().toLowerCase() + ", not waiting for delivery.");
        }
        Checks.start()
                .require(deliveredOn != null, "Delivery date is required.")
                .require(deliveredOn == null || !deliveredOn.isAfter(LocalDate.now(clock)), "Delivery date " + deliveredOn + " is in the future.")
                .optionalText(note, "Delivery note", Checks.LONG_TEXT)
                .orThrow();
        cash.markDelivered(orderId, deliveredOn, note);
        return order(orderId);
    }

    /** Invoices a delivered order; it falls due after the configured payment terms. */
    public Invoice issueInvoice(long orderId) {
        SalesOrder order = order(orderId);
        if (!SalesOrder.DELIVERED.equals(order.status())) {
            throw new ValidationException("Order " + orderId + " is " + order.status().toLowerCase() + "; only a delivered order is invoiced.");
        }
        LocalDate today = LocalDate.now(clock);
        long invoiceId = cash.insertInvoice(orderId, order.amount(), order.currency(), today,
                today.plusDays(properties.paymentTermsDays()));
        cash.setOrderStatus(orderId, SalesOrder.INVOICED);
        return invoice(invoiceId);
    }

    /** The date an unpaid invoice is escalated to finance and the rep's manager. */
    public LocalDate escalationDate(Invoice invoice) {
        return invoice.dueOn().plusDays(properties.escalationDays());
    }

    /** Payment is due and missing: remind the rep and finance. Does nothing for a paid invoice. */
    public void remindOverdue(long invoiceId) {
        Invoice invoice = invoice(invoiceId);
        if (Invoice.PAID.equals(invoice.status())) {
            return;
        }
        cash.markReminded(invoiceId, LocalDateTime.now(clock));
        Opportunity deal = dealOf(invoice);
        Set<String> recipients = new LinkedHashSet<>();
        recipients.add(deal.ownerId());
        organization.withRole(Role.FINANCE).forEach(p -> recipients.add(p.id()));
        notifications.notifyAll(recipients, NotificationKind.PAYMENT_OVERDUE, "Payment overdue: " + deal.name(),
                describe(invoice, deal) + " was due on " + invoice.dueOn() + " and is not paid. Please follow up with the customer.");
    }

    /** Still unpaid well after the due date: escalate to finance and the rep's manager. */
    public void escalateOverdue(long invoiceId) {
        Invoice invoice = invoice(invoiceId);
        if (Invoice.PAID.equals(invoice.status())) {
            return;
        }
        cash.markEscalated(invoiceId, LocalDateTime.now(clock));
        Opportunity deal = dealOf(invoice);
        Set<String> recipients = new LinkedHashSet<>();
        recipients.add(organization.managerOf(deal.ownerId()));
        organization.withRole(Role.FINANCE).forEach(p -> recipients.add(p.id()));
        String owner = organization.findPerson(deal.ownerId()).map(Person::fullName).orElse(deal.ownerId());
        notifications.notifyAll(recipients, NotificationKind.PAYMENT_ESCALATED, "Escalation: payment overdue for " + deal.name(),
                describe(invoice, deal) + " was due on " + invoice.dueOn() + " and is still unpaid. Rep: " + owner
                        + ". Outstanding: " + outstanding(invoice).toPlainString() + " " + invoice.currency() + ".");
    }

    /** Records money received; returns whether the invoice is now paid in full. */
    public boolean recordPayment(long invoiceId, BigDecimal amount, LocalDate receivedOn, String reference, String actorId) {
        Invoice invoice = invoice(invoiceId);
        if (Invoice.PAID.equals(invoice.status())) {
            throw new ValidationException("Invoice " + invoiceId + " is already paid.");
        }
        BigDecimal outstanding = outstanding(invoice);
        Checks.start()
                .positiveAmount(amount, "Amount received")
                .require(amount == null || amount.compareTo(outstanding) <= 0,
                        "Amount received " + (amount == null ? "" : amount.toPlainString()) + " is more than the outstanding "
                                + outstanding.toPlainString() + " " + invoice.currency() + ".")
                .require(receivedOn != null, "Payment date is required.")
                .require(receivedOn == null || !receivedOn.isAfter(LocalDate.now(clock)), "Payment date " + receivedOn + " is in the future.")
                .require(receivedOn == null || !receivedOn.isBefore(invoice.issuedOn()), "Payment date " + receivedOn + " is before the invoice was issued.")
                .optionalText(reference, "Bank reference", Checks.SHORT_TEXT)
                .orThrow();
        String trimmed = reference == null || reference.isBlank() ? null : reference.trim();
        String referenceKey = trimmed == null ? null : trimmed.toLowerCase(java.util.Locale.ROOT);
        if (referenceKey != null) {
            // checked here for the message; the unique reference_key (V21) decides when two people record it at once
            cash.findPaymentByReferenceKey(referenceKey).ifPresent(earlier -> {
                throw new com.salescadence.common.AlreadyRecordedException("A payment with bank reference '" + earlier.reference()
                        + "' is already recorded (invoice "
                        + earlier.invoiceId() + ", received " + earlier.receivedOn() + "): a payment is recorded once. "
                        + "/ 银行流水号 '" + earlier.reference() + "' 的收款已登记过，同一笔收款只登记一次。");
            });
        }
        cash.insertPayment(invoiceId, amount, receivedOn, trimmed, referenceKey, actorId, LocalDateTime.now(clock));
        boolean paidInFull = outstanding.subtract(amount).signum() == 0;
        if (paidInFull) {
            cash.markPaid(invoiceId, receivedOn);
            cash.setOrderStatus(invoice.orderId(), SalesOrder.PAID);
        }
        return paidInFull;
    }

    @Transactional(readOnly = true)
    public BigDecimal outstanding(Invoice invoice) {
        return invoice.amount().subtract(cash.paidSoFar(invoice.id()));
    }

    @Transactional(readOnly = true)
    public SalesOrder order(long id) {
        return cash.findOrder(id).orElseThrow(() -> new NotFoundException("No order " + id + "."));
    }

    @Transactional(readOnly = true)
    public Invoice invoice(long id) {
        return cash.findInvoice(id).orElseThrow(() -> new NotFoundException("No invoice " + id + "."));
    }

    @Transactional(readOnly = true)
    public java.util.Optional<SalesOrder> orderOf(long opportunityId) {
        return cash.findOrderOfOpportunity(opportunityId);
    }

    @Transactional(readOnly = true)
    public java.util.Optional<Invoice> invoiceOf(long orderId) {
        return cash.findInvoiceOfOrder(orderId);
    }

    @Transactional(readOnly = true)
    public List<Payment> payments(long invoiceId) {
        return cash.payments(invoiceId);
    }

    @Transactional(readOnly = true)
    public List<SalesOrder> orders() {
        return cash.findOrders();
    }

    @Transactional(readOnly = true)
    public List<Invoice> invoices() {
        return cash.findInvoices();
    }

    @Transactional(readOnly = true)
    public Opportunity dealOf(Invoice invoice) {
        return opportunities.get(order(invoice.orderId()).opportunityId());
    }

    private static String describe(Invoice invoice, Opportunity deal) {
        return "Invoice " + invoice.id() + " for '" + deal.name() + "' (" + invoice.amount().toPlainString() + " "
                + invoice.currency() + ")";
    }
}
