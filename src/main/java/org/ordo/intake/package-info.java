/**
 * Assisted entry of e-mailed purchase orders: a PDF or text file, uploaded or read from a mailbox, is read (text with
 * positions, so that table columns stay apart), its customer found by the sender's address or by name, and its lines
 * matched to products by the customer's item codes, GTIN, SKU or a fuzzy name match, each with a confidence. The result
 * is a draft that a sales rep corrects and places; nothing is placed without a person's confirmation.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"catalog", "customers", "edi", "orders", "platform", "shared"})
package org.ordo.intake;
