package org.ordo.privacy.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ordo.customers.CustomerPrivacy;
import org.ordo.customers.Customers;
import org.ordo.fulfillment.ShipmentPrivacy;
import org.ordo.identity.Actor;
import org.ordo.identity.AuditEntry;
import org.ordo.identity.AuditTrail;
import org.ordo.identity.PortalUserPrivacy;
import org.ordo.invoicing.CustomerAccounts;
import org.ordo.invoicing.InvoicePrivacy;
import org.ordo.orders.OrderPrivacy;
import org.ordo.returns.ReturnPrivacy;
import org.ordo.shared.CommonRule;
import org.ordo.shared.OrdoException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The export of everything held about a customer, and its erasure: each module reads and erases only its own tables, this
 * service gathers and orchestrates. The rules are in docs/domain.md, "Personal data".
 */
@Service
class PrivacyService {

    private final Customers customers;
    private final CustomerPrivacy customerData;
    private final PortalUserPrivacy users;
    private final OrderPrivacy orders;
    private final ShipmentPrivacy shipments;
    private final InvoicePrivacy invoices;
    private final CustomerAccounts accounts;
    private final ReturnPrivacy returns;
    private final AuditTrail audit;
    private final PrivacyProperties properties;

    PrivacyService(
            Customers customers,
            CustomerPrivacy customerData,
            PortalUserPrivacy users,
            OrderPrivacy orders,
            ShipmentPrivacy shipments,
            InvoicePrivacy invoices,
            CustomerAccounts accounts,
            ReturnPrivacy returns,
            AuditTrail audit,
            PrivacyProperties properties) {
        this.customers = customers;
        this.customerData = customerData;
        this.users = users;
        this.orders = orders;
        this.shipments = shipments;
        this.invoices = invoices;
        this.accounts = accounts;
        this.returns = returns;
        this.audit = audit;
        this.properties = properties;
    }

    /** One document with every module's part, the invoices' PDF links and the audit entries about all of it. */
    @Transactional(readOnly = true)
    public Map<String, Object> export(UUID customerId) {
        CustomerPrivacy.CustomerData customer = customerData.personalData(customerId);
        PortalUserPrivacy.PortalUserData portal = users.personalData(customerId);
        OrderPrivacy.OrderData orderData = orders.personalData(customerId);
        ShipmentPrivacy.ShipmentData shipmentData = shipments.personalData(customerId);
        InvoicePrivacy.InvoiceData invoiceData = invoices.personalData(customerId);
        ReturnPrivacy.ReturnData returnData = returns.personalData(customerId);
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("customerId", customerId);
        export.put("exportedAt", Instant.now().truncatedTo(ChronoUnit.MILLIS));
        export.put("erased", customerData.erased(customerId));
        export.put("customer", customer.customer());
        export.put("notes", customer.notes());
        export.put("portalUsers", portal);
        export.put("orders", orderData);
        export.put("shipments", shipmentData);
        export.put("invoices", invoiceData);
        export.put("documents", documents(invoiceData.invoices()));
        export.put("returns", returnData);
        List<AuditEntry> trail = new ArrayList<>(audit.entries("CUSTOMER", customerId.toString()));
        addEntries(trail, "USER", portal.users(), "username");
        addEntries(trail, "ORDER", orderData.orders(), "id");
        addEntries(trail, "SHIPMENT", shipmentData.shipments(), "id");
        addEntries(trail, "INVOICE", invoiceData.invoices(), "id");
        addEntries(trail, "PAYMENT", invoiceData.payments(), "id");
        addEntries(trail, "RETURN", returnData.returns(), "id");
        export.put("audit", trail);
        return export;
    }

    /** The issued documents by number, each with the API link of its PDF ({@code Accept: application/pdf}). */
    private static List<Map<String, Object>> documents(List<Map<String, Object>> invoiceRows) {
        return invoiceRows.stream()
                .filter(row -> row.get("number") != null)
                .map(row -> Map.<String, Object>of(
                        "number",
                        row.get("number"),
                        "type",
                        row.get("type"),
                        "pdf",
                        "/api/invoices/" + row.get("number"),
                        "accept",
                        "application/pdf"))
                .toList();
    }

    private void addEntries(List<AuditEntry> trail, String entity, List<Map<String, Object>> rows, String key) {
        rows.forEach(row -> trail.addAll(audit.entries(entity, String.valueOf(row.get(key)))));
    }

    /**
     * Erases the customer's personal data in every module at once, or nothing. Refused while it has orders under way or
     * an open balance or money on account (the books would lose whom they concern), and when erased already.
     */
    @Transactional
    public Erasure erase(UUID customerId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw OrdoException.invalid(List.of(CommonRule.REQUIRED.at("reason")));
        }
        // the credit check's lock: no order can be placed for the customer while it is being erased
        customers.lockForCreditCheck(customerId);
        if (customerData.erased(customerId)) {
            throw OrdoException.conflict(
                    "already-erased", "The personal data of customer " + customerId + " was erased already.");
        }
        refuseWhileInBusiness(customerId);
        customerData.erase(customerId, reason);
        users.erase(customerId, reason);
        orders.erase(customerId);
        shipments.erase(customerId);
        returns.erase(customerId);
        Instant retainedFrom = Instant.now()
                .atOffset(ZoneOffset.UTC)
                .minusYears(properties.invoiceRetentionYears())
                .toInstant();
        int erasedDocuments = invoices.eraseIssuedBefore(customerId, retainedFrom);
        return new Erasure(
                customerId,
                Instant.now().truncatedTo(ChronoUnit.MILLIS),
                Actor.current().username(),
                reason,
                properties.invoiceRetentionYears(),
                retainedFrom,
                erasedDocuments);
    }

    private void refuseWhileInBusiness(UUID customerId) {
        List<String> why = new ArrayList<>();
        List<String> open = orders.openOrderNumbers(customerId);
        if (!open.isEmpty()) {
            why.add("open orders " + String.join(", ", open));
        }
        accounts.balances(customerId).stream()
                .filter(b -> !b.balance().isZero() || !b.onAccount().isZero())
                .forEach(b -> why.add("an open balance of " + b.balance().amountText() + " " + b.currency() + " and "
                        + b.onAccount().amountText() + " " + b.currency() + " on account"));
        if (!why.isEmpty()) {
            throw OrdoException.rule(
                    "erasure-refused",
                    "The customer's personal data cannot be erased while it has " + String.join(" and ", why) + ".",
                    List.of());
        }
    }

    /**
     * What an erasure did: documents issued from {@code invoicesRetainedFrom} on are kept unaltered; {@code
     * invoicesErased} older ones had the buyer's name and addresses erased.
     */
    record Erasure(
            UUID customerId,
            Instant erasedAt,
            String erasedBy,
            String reason,
            int invoiceRetentionYears,
            Instant invoicesRetainedFrom,
            int invoicesErased) {}
}
