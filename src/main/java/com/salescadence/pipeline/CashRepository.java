package com.salescadence.pipeline;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import com.salescadence.common.RecordRows;

/** Orders, invoices and payments: the cash end of lead to cash. */
@Repository
class CashRepository {

    private final JdbcClient jdbc;

    CashRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insertOrder(long opportunityId, BigDecimal amount, String currency, String status, String checkedBy, String note,
                     LocalDateTime at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into sales_order (opportunity_id, amount, currency, status, credit_checked_by, credit_note, created_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(opportunityId, amount, currency, status, checkedBy, note, at).update(key, "id");
        return key.getKey().longValue();
    }

    Optional<SalesOrder> findOrder(long id) {
        return jdbc.sql("select * from sales_order where id = ?").param(id).query(RecordRows.of(SalesOrder.class)).optional();
    }

    Optional<SalesOrder> findOrderOfOpportunity(long opportunityId) {
        return jdbc.sql("select * from sales_order where opportunity_id = ?").param(opportunityId).query(RecordRows.of(SalesOrder.class)).optional();
    }

    List<SalesOrder> findOrders() {
        return jdbc.sql("select * from sales_order order by id desc").query(RecordRows.of(SalesOrder.class)).list();
    }

    void markDelivered(long orderId, LocalDate on, String note) {
        jdbc.sql("update sales_order set status = 'DELIVERED', delivered_at = ?, delivery_note = ? where id = ?")
                .params(on, note, orderId).update();
    }

    void setOrderStatus(long orderId, String status) {
        jdbc.sql("update sales_order set status = ? where id = ?").params(status, orderId).update();
    }

    long insertInvoice(long orderId, BigDecimal amount, String currency, LocalDate issuedOn, LocalDate dueOn) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into invoice (order_id, amount, currency, issued_on, due_on, status) values (?, ?, ?, ?, ?, 'OPEN')")
                .params(orderId, amount, currency, issuedOn, dueOn).update(key, "id");
        return key.getKey().longValue();
    }

    Optional<Invoice> findInvoice(long id) {
        return jdbc.sql("select * from invoice where id = ?").param(id).query(RecordRows.of(Invoice.class)).optional();
    }

    Optional<Invoice> findInvoiceOfOrder(long orderId) {
        return jdbc.sql("select * from invoice where order_id = ?").param(orderId).query(RecordRows.of(Invoice.class)).optional();
    }

    List<Invoice> findInvoices() {
        return jdbc.sql("select * from invoice order by id desc").query(RecordRows.of(Invoice.class)).list();
    }

    void markReminded(long invoiceId, LocalDateTime at) {
        jdbc.sql("update invoice set status = 'OVERDUE', reminded_at = ? where id = ? and status <> 'PAID'")
                .params(at, invoiceId).update();
    }

    void markEscalated(long invoiceId, LocalDateTime at) {
        jdbc.sql("update invoice set status = 'OVERDUE', escalated_at = ? where id = ? and status <> 'PAID'")
                .params(at, invoiceId).update();
    }

    void markPaid(long invoiceId, LocalDate on) {
        jdbc.sql("update invoice set status = 'PAID', paid_on = ? where id = ?").params(on, invoiceId).update();
    }

    /** @param referenceKey the reference as compared (unique, V21), null without a reference */
    void insertPayment(long invoiceId, BigDecimal amount, LocalDate on, String reference, String referenceKey, String by,
                       LocalDateTime at) {
        jdbc.sql("""
                insert into payment (invoice_id, amount, received_on, reference, reference_key, recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(invoiceId, amount, on, reference, referenceKey, by, at).update();
    }

    java.util.Optional<Payment> findPaymentByReferenceKey(String referenceKey) {
        return jdbc.sql("select * from payment where reference_key = ?").param(referenceKey)
                .query(RecordRows.of(Payment.class)).optional();
    }

    List<Payment> payments(long invoiceId) {
        return jdbc.sql("select * from payment where invoice_id = ? order by id").param(invoiceId).query(RecordRows.of(Payment.class)).list();
    }

    BigDecimal paidSoFar(long invoiceId) {
        return jdbc.sql("select coalesce(sum(amount), 0) from payment where invoice_id = ?")
                .param(invoiceId).query(BigDecimal.class).single();
    }
}
