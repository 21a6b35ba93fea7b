package org.ordo.invoicing.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import org.ordo.customers.CustomerSnapshot;
import org.ordo.customers.Customers;
import org.ordo.customers.InvoicingPolicy;
import org.ordo.fulfillment.ShipmentShipped;
import org.ordo.identity.Actor;
import org.ordo.identity.AuditTrail;
import org.ordo.invoicing.DocumentType;
import org.ordo.invoicing.InvoiceIssued;
import org.ordo.invoicing.InvoiceStatus;
import org.ordo.orders.OrderSnapshot;
import org.ordo.orders.OrderStatus;
import org.ordo.orders.Orders;
import org.ordo.platform.CompanyCalendar;
import org.ordo.shared.Address;
import org.ordo.shared.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates and issues invoices automatically, per the customer's invoicing policy: one per shipment (ON_SHIPMENT), or one
 * per accepted order (ON_ORDER). Each runs in one transaction that writes the invoice, takes its number, audits it and
 * publishes {@link InvoiceIssued}. Safe to repeat: the source (shipment or order) is a unique key, so an event delivered
 * twice, or replayed after a crash, still ends in exactly one invoice.
 */
@Component
class InvoicingService {

    static final String AUDIT_ENTITY = "INVOICE";
    private static final Logger log = LoggerFactory.getLogger(InvoicingService.class);
    /** Orders in these states are not invoiced on order: not accepted yet, held, or cancelled. */
    private static final Set<OrderStatus> NOT_INVOICEABLE =
            EnumSet.of(OrderStatus.DRAFT, OrderStatus.ON_HOLD, OrderStatus.CANCELLED);

    private final InvoiceStore store;
    private final DocumentNumberStore numbers;
    private final Taxes taxes;
    private final Orders orders;
    private final Customers customers;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final CompanyCalendar calendar;
    private final CompanyProperties company;
    private final JournalService journal;

    /** Runs after an automatic invoice is written, before its transaction commits; tests use it to simulate a crash there. */
    private volatile Consumer<Invoice> afterInvoiceWritten = invoice -> {};

    InvoicingService(
            InvoiceStore store,
            DocumentNumberStore numbers,
            Taxes taxes,
            Orders orders,
            Customers customers,
            AuditTrail audit,
            ApplicationEventPublisher events,
            CompanyProperties company,
            CompanyCalendar calendar,
            JournalService journal) {
        this.calendar = calendar;
        this.journal = journal;
        this.store = store;
        this.numbers = numbers;
        this.taxes = taxes;
        this.orders = orders;
        this.customers = customers;
        this.audit = audit;
        this.events = events;
        this.company = company;
    }

    /** The shipment an invoice bills, with the day it left the warehouse (the date of supply). */
    private record Source(UUID shipmentId, String shipmentNumber, LocalDate supplyDate) {}

    /** Invoices the shipped quantities of a shipment (ON_SHIPMENT customers); returns the invoice, new or made before. */
    @Transactional
    public Optional<Invoice> invoiceShipment(ShipmentShipped shipment) {
        String source = "SHIPMENT:" + shipment.shipmentId();
        Optional<UUID> done = store.idOfSource(source);
        if (done.isPresent()) {
            return store.find(done.get());
        }
        OrderSnapshot order = orders.find(shipment.orderId())
                .orElseThrow(() -> new IllegalStateException(
                        "order " + shipment.orderId() + " of shipment " + shipment.shipmentNumber() + " is unknown"));
        CustomerSnapshot customer = customer(order);
        if (customer.invoicingPolicy() != InvoicingPolicy.ON_SHIPMENT) {
            log.debug(
                    "shipment {} not invoiced: customer {} is invoiced on order",
                    shipment.shipmentNumber(),
                    customer.id());
            return Optional.empty();
        }
        Map<Integer, Long> requested = new TreeMap<>();
        for (ShipmentShipped.Line line : shipment.lines()) {
            requested.merge(line.lineNumber(), line.quantity(), Long::sum);
        }
        LocalDate supplied = shipment.shippedAt() == null ? null : calendar.dayOf(shipment.shippedAt());
        return issue(
                source,
                order,
                customer,
                requested,
                new Source(shipment.shipmentId(), shipment.shipmentNumber(), supplied));
    }

    /** Invoices the ordered quantities of an accepted order (ON_ORDER customers); held or cancelled orders wait. */
    @Transactional
    public Optional<Invoice> invoiceOrder(UUID orderId) {
        String source = "ORDER:" + orderId;
        Optional<UUID> done = store.idOfSource(source);
        if (done.isPresent()) {
            return store.find(done.get());
        }
        OrderSnapshot order =
                orders.find(orderId).orElseThrow(() -> new IllegalStateException("order " + orderId + " is unknown"));
        CustomerSnapshot customer = customer(order);
        if (customer.invoicingPolicy() != InvoicingPolicy.ON_ORDER || NOT_INVOICEABLE.contains(order.status())) {
            return Optional.empty();
        }
        Map<Integer, Long> requested = new TreeMap<>();
        for (OrderSnapshot.Line line : order.lines()) {
            requested.put(line.lineNumber(), line.quantity() - line.cancelled());
        }
        return issue(source, order, customer, requested, null);
    }

    private Optional<Invoice> issue(
            String source,
            OrderSnapshot order,
            CustomerSnapshot customer,
            Map<Integer, Long> requested,
            Source shipment) {
        boolean onShipment = shipment != null;
        LocalDate today = calendar.today();
        String series = DocumentNumberStore.series(DocumentNumberStore.INVOICE_PREFIX, today);
        // from here on the issuers of this series run one at a time: the re-check and the quantities below see every
        // earlier invoice
        numbers.lock(series);
        Optional<UUID> done = store.idOfSource(source);
        if (done.isPresent()) {
            return store.find(done.get());
        }
        Address shipTo = order.shippingAddress();
        Address billTo = customer.billingAddress() != null ? customer.billingAddress() : shipTo;
        // goods are taxed where they go
        Taxes.Destination destination = taxes.destination(
                shipTo != null ? shipTo.country() : billTo.country(),
                customer.vatId(),
                customer.taxExempt(),
                calendar.dayOf(order.placedAt()));
        List<InvoiceLine> lines = linesLeftToInvoice(source, order, requested, onShipment, destination);
        if (lines.isEmpty()) {
            log.info("{}: nothing left to invoice on order {}", source, order.number());
            return Optional.empty();
        }
        long sequence = numbers.next(series);
        Party buyer = new Party(customer.name(), billTo, customer.vatId(), null, null, null, customer.email(), null);
        Invoice invoice = newInvoice(
                DocumentNumberStore.format(series, sequence), order, customer, buyer, lines, today, shipment);
        store.insert(invoice, series, sequence, source);
        audit.record(AUDIT_ENTITY, invoice.id().toString(), "ISSUED", null, invoice);
        publishIssued(invoice, order, customer);
        afterInvoiceWritten.accept(invoice);
        log.info("issued {} for order {} ({})", invoice.number(), order.number(), source);
        journal.issued(invoice);
        return Optional.of(invoice);
    }

    /**
     * The requested quantities still open on the order, one invoice line each; invariant 8: never more than shipped (or
     * ordered) in total, whatever was invoiced before.
     */
    private List<InvoiceLine> linesLeftToInvoice(
            String source,
            OrderSnapshot order,
            Map<Integer, Long> requested,
            boolean onShipment,
            Taxes.Destination destination) {
        Map<Integer, Long> invoiced = store.invoicedQuantities(order.id());
        List<InvoiceLine> lines = new ArrayList<>();
        for (Map.Entry<Integer, Long> wanted : requested.entrySet()) {
            OrderSnapshot.Line line = order.line(wanted.getKey());
            if (line == null) {
                log.warn("{}: order {} has no line {}; not invoiced", source, order.number(), wanted.getKey());
                continue;
            }
            long limit = onShipment ? line.shipped() : line.quantity() - line.cancelled();
            long quantity = Math.min(wanted.getValue(), limit - invoiced.getOrDefault(line.lineNumber(), 0L));
            if (quantity <= 0) {
                continue;
            }
            lines.add(InvoiceLine.of(
                    lines.size() + 1,
                    line.lineNumber(),
                    null,
                    line.sku(),
                    line.name(),
                    quantity,
                    line.unitPrice(),
                    line.grossPrice(),
                    destination.of(line.taxCategory(), line.taxRate())));
        }
        return lines;
    }

    /** An issued invoice for the order, due after the customer's payment terms, with nothing paid or allowed yet. */
    private Invoice newInvoice(
            String number,
            OrderSnapshot order,
            CustomerSnapshot customer,
            Party buyer,
            List<InvoiceLine> lines,
            LocalDate today,
            Source shipment) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Money zero = Money.zero(Money.currency(order.currency()));
        // the order's shipping charge goes on its first invoice (again on the next one if that is voided)
        Money shipping = store.shippingInvoiced(order.id()) ? zero : order.shipping();
        Totals totals = Totals.of(zero.currency(), lines, zero, shipping);
        return new Invoice(
                UUID.randomUUID(),
                number,
                DocumentType.INVOICE,
                InvoiceStatus.ISSUED,
                order.id(),
                order.number(),
                order.externalReference(),
                shipment == null ? null : shipment.shipmentId(),
                shipment == null ? null : shipment.shipmentNumber(),
                null,
                null,
                customer.id(),
                order.currency(),
                today,
                today.plusDays(customer.paymentTermsDays()),
                shipment == null ? null : shipment.supplyDate(),
                customer.paymentTermsDays(),
                seller(),
                buyer,
                order.shippingAddress(),
                lines,
                TaxSubtotal.of(lines, shipping),
                totals,
                zero,
                zero,
                totals.total(),
                null,
                null,
                now,
                Actor.current().username(),
                now,
                null,
                0);
    }

    private void publishIssued(Invoice invoice, OrderSnapshot order, CustomerSnapshot customer) {
        events.publishEvent(new InvoiceIssued(
                invoice.id(),
                invoice.number(),
                DocumentType.INVOICE,
                order.id(),
                order.number(),
                customer.id(),
                null,
                null,
                invoice.totals().total().amount(),
                invoice.currency()));
    }

    /** Replaces the hook run before an automatic invoice commits (a method, so that it reaches the bean behind the proxy). */
    public void afterInvoiceWritten(Consumer<Invoice> hook) {
        afterInvoiceWritten = hook;
    }

    private CustomerSnapshot customer(OrderSnapshot order) {
        return customers
                .find(order.customerId())
                .orElseThrow(() -> new IllegalStateException(
                        "customer " + order.customerId() + " of order " + order.number() + " is unknown"));
    }

    Party seller() {
        Address address = new Address(
                company.name(),
                company.line1(),
                company.line2(),
                company.city(),
                company.region(),
                company.postalCode(),
                company.country());
        return new Party(
                company.name(),
                address,
                company.vatId(),
                company.registration(),
                company.iban(),
                company.bic(),
                company.email(),
                company.phone());
    }
}
