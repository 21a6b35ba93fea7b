package org.ordo.invoicing;

/** The two kinds of document invoicing issues; each has its own number series. */
public enum DocumentType {
    /** A claim on the customer ({@code INV-2026-000001}). */
    INVOICE,
    /** A negative document that reduces one invoice ({@code CN-2026-000001}): its quantities and amounts are negative. */
    CREDIT_NOTE
}
