/**
 * Invoicing: invoices and credit notes created from shipments (or orders, per the customer's
 * {@link org.ordo.customers.InvoicingPolicy}), tax by category and destination country, gapless numbers per series,
 * the documents as JSON, PDF and UBL 2.1 (EN 16931), and the customer's open receivables for the credit check.
 * The state table is {@link org.ordo.invoicing.InvoiceStatus}. Payments, allocation and dunning will live here too.
 */
package org.ordo.invoicing;
