package org.ordo.invoicing.internal;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Invoicing rules that differ between companies ({@code ordo.invoicing.*}).
 *
 * @param exemptionReason the VAT exemption reason printed for tax-exempt customers (EN 16931 category E)
 */
record InvoicingProperties(@DefaultValue("Exempt from VAT") String exemptionReason) {}
