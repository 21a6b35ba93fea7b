/**
 * Invoicing: invoices and credit notes created from shipments (or orders, per the customer's
 * {@link org.ordo.customers.InvoicingPolicy}), tax by category and destination country, gapless numbers per series,
 * the documents as JSON, PDF and UBL 2.1 (EN 16931), and the customer's open receivables for the credit check.
 * Payments ({@link org.ordo.invoicing.PaymentStatus}) are allocated to invoices (explicitly, or the oldest open invoices
 * first); what is not allocated stays on the customer's account, from where it is allocated later or refunded
 * ({@link org.ordo.invoicing.CustomerAccounts}). A credit note on a paid invoice gives the paid excess back to the account.
 * A daily dunning run, on one node, marks invoices OVERDUE and sends reminder levels 1–3.
 * The state tables are {@link org.ordo.invoicing.InvoiceStatus} and {@link org.ordo.invoicing.PaymentStatus}.
 * Its events ({@link org.ordo.invoicing.InvoiceIssued}, {@link org.ordo.invoicing.InvoiceVoided},
 * {@link org.ordo.invoicing.InvoicePaid}, {@link org.ordo.invoicing.PaymentReceived},
 * {@link org.ordo.invoicing.PaymentRefunded}, {@link org.ordo.invoicing.ReminderSent}) are API like its interfaces: part of the public event catalogue (docs/domain.md).
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"catalog", "customers", "fulfillment", "identity", "orders", "platform", "shared"})
package org.ordo.invoicing;
