package org.ordo.invoicing.internal;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.ordo.catalog.TaxRates;
import org.ordo.shared.Address;
import org.ordo.shared.Money;

/**
 * Writes an invoice as a UBL 2.1 Invoice, and a credit note as a UBL 2.1 CreditNote, conforming to EN 16931
 * ({@code urn:cen.eu:en16931:2017}). UBL credit notes carry positive amounts (the document type says which way the money
 * goes), so the negative amounts of Ordo's credit notes are negated here. Element order follows the UBL 2.1 schema.
 */
final class UblDocument {

    private static final String INVOICE_NS = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
    private static final String CREDIT_NOTE_NS = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";
    private static final String CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
    private static final String CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";
    /** UN/ECE Recommendation 20: "one", the unit for items counted in pieces. */
    private static final String UNIT = "C62";
    /** UNCL 4461: SEPA credit transfer. */
    private static final String SEPA_CREDIT_TRANSFER = "58";

    private final Invoice invoice;
    private final boolean credit;
    private final XMLStreamWriter xml;

    private UblDocument(Invoice invoice, XMLStreamWriter xml) {
        this.invoice = invoice;
        this.credit = invoice.isCreditNote();
        this.xml = xml;
    }

    static byte[] write(Invoice invoice) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(out, "UTF-8");
            new UblDocument(invoice, xml).document();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write UBL for " + invoice.number(), e);
        }
        return out.toByteArray();
    }

    static String text(Invoice invoice) {
        return new String(write(invoice), StandardCharsets.UTF_8);
    }

    private void document() throws XMLStreamException {
        String root = credit ? "CreditNote" : "Invoice";
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeStartElement(root);
        xml.writeDefaultNamespace(credit ? CREDIT_NOTE_NS : INVOICE_NS);
        xml.writeNamespace("cac", CAC);
        xml.writeNamespace("cbc", CBC);
        header();
        references();
        parties();
        if (!credit && invoice.seller().iban() != null) {
            paymentMeans();
        }
        start("PaymentTerms");
        cbc(
                "Note",
                credit
                        ? "Credit against invoice " + invoice.originalInvoiceNumber() + "."
                        : invoice.paymentTermsDays() == 0
                                ? "Payable immediately."
                                : "Payable within " + invoice.paymentTermsDays() + " days.");
        end();
        shippingCharges();
        taxTotal();
        monetaryTotal();
        for (InvoiceLine line : invoice.lines()) {
            line(line);
        }
        xml.writeEndElement();
        xml.writeEndDocument();
    }

    /** What the document is: its profile, number, dates, type, note and currency. */
    private void header() throws XMLStreamException {
        cbc("CustomizationID", "urn:cen.eu:en16931:2017");
        cbc("ID", invoice.number());
        cbc("IssueDate", invoice.issueDate().toString());
        if (!credit) {
            cbc("DueDate", invoice.dueDate().toString());
            cbc("InvoiceTypeCode", "380");
        } else {
            cbc("CreditNoteTypeCode", "381");
        }
        if (invoice.reason() != null) {
            cbc("Note", invoice.reason());
        }
        cbc("DocumentCurrencyCode", invoice.currency());
    }

    /** The order, the invoice a credit note credits, and the shipment. */
    private void references() throws XMLStreamException {
        start("OrderReference");
        cbc("ID", invoice.orderReference() != null ? invoice.orderReference() : invoice.orderNumber());
        cbc("SalesOrderID", invoice.orderNumber());
        end();
        if (credit) {
            start("BillingReference");
            start("InvoiceDocumentReference");
            cbc("ID", invoice.originalInvoiceNumber());
            end();
            end();
        }
        if (invoice.shipmentNumber() != null) {
            start("DespatchDocumentReference");
            cbc("ID", invoice.shipmentNumber());
            end();
        }
    }

    /** Seller, buyer and where the goods went. */
    private void parties() throws XMLStreamException {
        start("AccountingSupplierParty");
        party(invoice.seller(), true);
        end();
        start("AccountingCustomerParty");
        party(invoice.buyer(), false);
        end();
        if (invoice.shipTo() != null) {
            start("Delivery");
            if (invoice.supplyDate() != null) {
                // BT-72, the date of supply: the day the shipment left the warehouse
                cbc("ActualDeliveryDate", invoice.supplyDate().toString());
            }
            start("DeliveryLocation");
            address("Address", invoice.shipTo());
            end();
            start("DeliveryParty");
            start("PartyName");
            cbc("Name", invoice.shipTo().name());
            end();
            end();
            end();
        }
    }

    /** A SEPA credit transfer to the seller's account, the invoice's number as the payment's reference. */
    private void paymentMeans() throws XMLStreamException {
        start("PaymentMeans");
        cbc("PaymentMeansCode", SEPA_CREDIT_TRANSFER);
        cbc("PaymentID", invoice.number());
        start("PayeeFinancialAccount");
        cbc("ID", invoice.seller().iban());
        cbc("Name", invoice.seller().name());
        if (invoice.seller().bic() != null) {
            start("FinancialInstitutionBranch");
            cbc("ID", invoice.seller().bic());
            end();
        }
        end();
        end();
    }

    /**
     * The shipping charge as document-level charges (BG-21), one per VAT category and rate of the goods it ships: the
     * charge takes their VAT, split pro rata by their nets.
     */
    private void shippingCharges() throws XMLStreamException {
        for (ShippingShare share : invoice.shippingShares()) {
            start("AllowanceCharge");
            cbc("ChargeIndicator", "true");
            // UNCL 7161 FC: freight service
            cbc("AllowanceChargeReasonCode", "FC");
            cbc("AllowanceChargeReason", "Shipping");
            amount("Amount", share.net());
            taxCategory(
                    "TaxCategory",
                    share.treatment().vatCategory(),
                    share.treatment().rate(),
                    null);
            end();
        }
    }

    /** The tax, in total and per tax category and rate. */
    private void taxTotal() throws XMLStreamException {
        start("TaxTotal");
        amount("TaxAmount", invoice.totals().tax());
        for (TaxSubtotal group : invoice.taxSummary()) {
            start("TaxSubtotal");
            amount("TaxableAmount", group.taxableAmount());
            amount("TaxAmount", group.tax());
            taxCategory("TaxCategory", group.vatCategory(), group.taxRate(), group.exemptionReason());
            end();
        }
        end();
    }

    private void monetaryTotal() throws XMLStreamException {
        start("LegalMonetaryTotal");
        Money lineTotal = invoice.totals().subtotal();
        amount("LineExtensionAmount", lineTotal);
        amount(
                "TaxExclusiveAmount",
                lineTotal
                        .minus(invoice.totals().discount())
                        .plus(invoice.totals().shipping()));
        amount("TaxInclusiveAmount", invoice.totals().total());
        if (!invoice.totals().shipping().isZero()) {
            amount("ChargeTotalAmount", invoice.totals().shipping());
        }
        amount("PayableAmount", invoice.totals().total());
        end();
    }

    private void party(Party party, boolean seller) throws XMLStreamException {
        start("Party");
        if (party.email() != null) {
            xml.writeStartElement("cbc", "EndpointID", CBC);
            xml.writeAttribute("schemeID", "EM");
            xml.writeCharacters(party.email());
            xml.writeEndElement();
        }
        start("PartyName");
        cbc("Name", party.name());
        end();
        address("PostalAddress", party.address());
        if (party.vatId() != null) {
            start("PartyTaxScheme");
            cbc("CompanyID", party.vatId());
            start("TaxScheme");
            cbc("ID", "VAT");
            end();
            end();
        }
        start("PartyLegalEntity");
        cbc("RegistrationName", party.name());
        if (seller && party.registration() != null) {
            cbc("CompanyID", party.registration());
        }
        end();
        if (party.email() != null || party.phone() != null) {
            start("Contact");
            if (party.phone() != null) {
                cbc("Telephone", party.phone());
            }
            if (party.email() != null) {
                cbc("ElectronicMail", party.email());
            }
            end();
        }
        end();
    }

    private void address(String element, Address address) throws XMLStreamException {
        start(element);
        if (address.line1() != null) {
            cbc("StreetName", address.line1());
        }
        if (address.line2() != null) {
            cbc("AdditionalStreetName", address.line2());
        }
        if (address.city() != null) {
            cbc("CityName", address.city());
        }
        if (address.postalCode() != null) {
            cbc("PostalZone", address.postalCode());
        }
        if (address.region() != null) {
            cbc("CountrySubentity", address.region());
        }
        start("Country");
        cbc("IdentificationCode", address.country());
        end();
        end();
    }

    private void line(InvoiceLine line) throws XMLStreamException {
        start(credit ? "CreditNoteLine" : "InvoiceLine");
        cbc("ID", Integer.toString(line.lineNumber()));
        xml.writeStartElement("cbc", credit ? "CreditedQuantity" : "InvoicedQuantity", CBC);
        xml.writeAttribute("unitCode", UNIT);
        xml.writeCharacters(Long.toString(credit ? -line.quantity() : line.quantity()));
        xml.writeEndElement();
        amount("LineExtensionAmount", line.lineNet());
        if (!credit && line.orderLineNumber() != null) {
            start("OrderLineReference");
            cbc("LineID", line.orderLineNumber().toString());
            end();
        }
        start("Item");
        cbc("Name", line.description());
        if (line.sku() != null) {
            start("SellersItemIdentification");
            cbc("ID", line.sku());
            end();
        }
        // the exemption reason belongs to the tax summary only; on the line the category and rate say it all
        taxCategory("ClassifiedTaxCategory", line.vatCategory(), line.taxRate(), null);
        end();
        start("Price");
        xml.writeStartElement("cbc", "PriceAmount", CBC);
        xml.writeAttribute("currencyID", invoice.currency());
        xml.writeCharacters(line.unitPrice().amount().toPlainString());
        xml.writeEndElement();
        if (line.grossPrice() != null) {
            priceDiscount(line);
        }
        end();
        end();
    }

    /**
     * The order line's discounts as EN 16931 wants a discount on the price (BT-147, BT-148): the net price above, the
     * gross price as base and their difference as the allowance; the line's net stays net price × quantity.
     */
    private void priceDiscount(InvoiceLine line) throws XMLStreamException {
        start("AllowanceCharge");
        cbc("ChargeIndicator", "false");
        unitAmount("Amount", line.grossPrice().minus(line.unitPrice()));
        unitAmount("BaseAmount", line.grossPrice());
        end();
    }

    /** A price per unit as it is kept (up to 4 decimals), positive on credit notes as on invoices. */
    private void unitAmount(String element, Money money) throws XMLStreamException {
        xml.writeStartElement("cbc", element, CBC);
        xml.writeAttribute("currencyID", money.currencyCode());
        xml.writeCharacters(money.amount().toPlainString());
        xml.writeEndElement();
    }

    private void taxCategory(String element, String vatCategory, BigDecimal rate, String exemptionReason)
            throws XMLStreamException {
        start(element);
        cbc("ID", vatCategory);
        cbc(
                "Percent",
                rate.multiply(BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString());
        if (exemptionReason != null) {
            String code = TaxRates.exemptionCode(vatCategory);
            if (code != null) {
                cbc("TaxExemptionReasonCode", code);
            }
            cbc("TaxExemptionReason", exemptionReason);
        }
        start("TaxScheme");
        cbc("ID", "VAT");
        end();
        end();
    }

    /** An amount at the currency's minor unit; positive on credit notes. */
    private void amount(String element, Money money) throws XMLStreamException {
        BigDecimal value = credit ? money.amount().negate() : money.amount();
        int scale = Math.max(money.currency().getDefaultFractionDigits(), 0);
        xml.writeStartElement("cbc", element, CBC);
        xml.writeAttribute("currencyID", money.currencyCode());
        xml.writeCharacters(value.setScale(scale, RoundingMode.UNNECESSARY).toPlainString());
        xml.writeEndElement();
    }

    private void start(String element) throws XMLStreamException {
        xml.writeStartElement("cac", element, CAC);
    }

    private void end() throws XMLStreamException {
        xml.writeEndElement();
    }

    private void cbc(String element, String value) throws XMLStreamException {
        xml.writeStartElement("cbc", element, CBC);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }
}
