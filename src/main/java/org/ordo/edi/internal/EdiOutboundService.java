package org.ordo.edi.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.ordo.catalog.Catalog;
import org.ordo.catalog.ProductSnapshot;
import org.ordo.edi.EdiInterchanges;
import org.ordo.edi.TradingPartners;
import org.ordo.fulfillment.ShipmentShipped;
import org.ordo.fulfillment.Shipments;
import org.ordo.invoicing.Accounting;
import org.ordo.invoicing.DocumentType;
import org.ordo.invoicing.InvoiceIssued;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends what a trading partner wants besides the answers to its purchase orders: a ship notice (856, DESADV) for every
 * shipment and an invoice (810, INVOIC) for every invoice of an order placed from its EDI purchase order. Each is
 * written in the standard the order came in, checked by StAEDI's writer, and stored with the order's interchange; one
 * per shipment or invoice, however often the event comes.
 */
@Service
class EdiOutboundService {

    /** Where a document goes: the purchase order it answers, its partner, the envelope the order came in. */
    private record Recipient(InterchangeStore.PlacedOrder order, String standard, EdiMessage.Envelope envelope) {}

    private final InterchangeStore store;
    private final TradingPartnerStore partners;
    private final EdiParser parser;
    private final Shipments shipments;
    private final Catalog catalog;
    private final Accounting accounting;
    private final ShipNoticeRenderer shipNotices;
    private final InvoiceRenderer invoices;

    EdiOutboundService(
            InterchangeStore store,
            TradingPartnerStore partners,
            EdiParser parser,
            Shipments shipments,
            Catalog catalog,
            Accounting accounting,
            @Value("${ordo.edi.qualifier:ZZ}") String qualifier,
            @Value("${ordo.edi.id:ORDO}") String id) {
        this.store = store;
        this.partners = partners;
        this.parser = parser;
        this.shipments = shipments;
        this.catalog = catalog;
        this.accounting = accounting;
        AcknowledgementRenderer.OurId our = new AcknowledgementRenderer.OurId(qualifier, id);
        this.shipNotices = new ShipNoticeRenderer(our, store::nextControlNumber);
        this.invoices = new InvoiceRenderer(our, store::nextControlNumber);
    }

    @Transactional
    void shipNotice(ShipmentShipped shipped) {
        Optional<Recipient> recipient =
                recipient(shipped.orderId(), shipped.shipmentId(), TradingPartners.Partner::shipNotices);
        if (recipient.isEmpty()) {
            return;
        }
        Recipient to = recipient.get();
        Shipments.Parcel parcel = shipments.parcel(shipped.shipmentId()).orElseThrow();
        Map<Integer, String> partnerLines = new HashMap<>();
        store.documentLines(to.order().documentId()).forEach(l -> partnerLines.put(l.lineNumber(), l.partnerLine()));
        Map<String, ProductSnapshot> products = catalog.find(
                shipped.lines().stream().map(ShipmentShipped.Line::sku).toList());
        List<ShipNoticeRenderer.Item> items = shipped.lines().stream()
                .map(l -> new ShipNoticeRenderer.Item(
                        partnerLines.getOrDefault(l.lineNumber(), Integer.toString(l.lineNumber())),
                        l.sku(),
                        products.containsKey(l.sku()) ? products.get(l.sku()).gtin() : null,
                        l.quantity()))
                .toList();
        ShipNoticeRenderer.Written written = shipNotices.render(
                to.standard(),
                to.envelope(),
                new ShipNoticeRenderer.ShipNotice(
                        to.order().poNumber(),
                        shipped.shipmentNumber(),
                        shipped.shippedAt(),
                        parcel.sscc(),
                        shipped.carrier(),
                        shipped.service(),
                        shipped.trackingNumber(),
                        parcel.shipTo(),
                        parcel.weightGrams(),
                        items));
        String kind = "X12".equals(to.standard()) ? "856" : "DESADV";
        store.insertSent(
                to.order().interchangeId(),
                kind,
                written.controlNumber(),
                shipped.shipmentNumber(),
                written.raw(),
                shipped.shipmentId());
    }

    /** Invoices only: a credit note is not sent. */
    @Transactional
    void invoice(InvoiceIssued issued) {
        if (issued.type() != DocumentType.INVOICE) {
            return;
        }
        Optional<Recipient> recipient =
                recipient(issued.orderId(), issued.invoiceId(), TradingPartners.Partner::invoices);
        if (recipient.isEmpty()) {
            return;
        }
        Recipient to = recipient.get();
        Accounting.Details invoice =
                accounting.details(issued.invoiceId().toString()).orElseThrow();
        List<EdiInterchanges.Line> lines = store.documentLines(to.order().documentId());
        ShipNoticeRenderer.Written written = invoices.render(
                to.standard(), to.envelope(), ediInvoice(invoice, to.order().poNumber(), lines));
        String kind = "X12".equals(to.standard()) ? "810" : "INVOIC";
        store.insertSent(
                to.order().interchangeId(),
                kind,
                written.controlNumber(),
                issued.number(),
                written.raw(),
                issued.invoiceId());
    }

    private static InvoiceRenderer.EdiInvoice ediInvoice(
            Accounting.Details invoice, String poNumber, List<EdiInterchanges.Line> poLines) {
        List<InvoiceRenderer.Item> items = invoice.lines().stream()
                .map(l -> new InvoiceRenderer.Item(
                        partnerLine(poLines, l.sku(), l.lineNumber()),
                        l.sku(),
                        l.quantity(),
                        l.unitPrice(),
                        l.lineNet(),
                        l.taxRate(),
                        l.tax()))
                .toList();
        List<InvoiceRenderer.TaxGroup> taxes = invoice.taxes().stream()
                .map(t -> new InvoiceRenderer.TaxGroup(t.taxRate(), t.taxableAmount(), t.tax()))
                .toList();
        return new InvoiceRenderer.EdiInvoice(
                invoice.number(),
                invoice.issueDate(),
                poNumber,
                invoice.customerName(),
                invoice.currency(),
                items,
                taxes,
                invoice.subtotal(),
                invoice.shipping(),
                invoice.tax(),
                invoice.total());
    }

    /** The partner's line of the purchase order that became this SKU's order line. */
    private static String partnerLine(List<EdiInterchanges.Line> poLines, String sku, int lineNumber) {
        return poLines.stream()
                .filter(l -> sku != null && sku.equals(l.sku()) && l.partnerLine() != null)
                .map(EdiInterchanges.Line::partnerLine)
                .findFirst()
                .orElse(Integer.toString(lineNumber));
    }

    /**
     * The partner to send to, when the order came from its EDI purchase order, it wants this document and nothing has
     * been sent for {@code sourceId} yet.
     */
    private Optional<Recipient> recipient(UUID orderId, UUID sourceId, Predicate<TradingPartners.Partner> wants) {
        if (store.sentFor(sourceId)) {
            return Optional.empty();
        }
        Optional<InterchangeStore.PlacedOrder> order = store.placedOrder(orderId);
        Optional<TradingPartners.Partner> partner = order.map(InterchangeStore.PlacedOrder::partnerId)
                .flatMap(partners::find)
                .filter(wants);
        if (partner.isEmpty()) {
            return Optional.empty();
        }
        EdiMessage received = parser.parse(order.get().interchangeRaw());
        return Optional.of(new Recipient(order.get(), partner.get().standard(), received.envelope()));
    }
}
