package org.ordo.edi.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.ordo.shared.Address;

/**
 * The ship notice of one shipment of an EDI order: an X12 856 (shipment, order, pack with its SSCC, item levels) or an
 * EDIFACT DESADV (D:96A, the package's SSCC in GIN+BJ), each in an interchange of its own with fresh control numbers.
 */
final class ShipNoticeRenderer {

    /** One shipped line: the partner's line number of the purchase order, Ordo's SKU and GTIN (may be null). */
    record Item(String partnerLine, String sku, String gtin, long quantity) {}

    /** What the notice says; {@code sscc}, {@code trackingNumber}, {@code shipTo} and {@code weightGrams} may be null. */
    record ShipNotice(
            String poNumber,
            String shipmentNumber,
            Instant shippedAt,
            String sscc,
            String carrier,
            String service,
            String trackingNumber,
            Address shipTo,
            Long weightGrams,
            List<Item> items) {}

    /** A written file with the control number of its interchange. */
    record Written(String controlNumber, String raw) {}

    private final AcknowledgementRenderer.OurId our;
    private final LongSupplier controlNumbers;

    ShipNoticeRenderer(AcknowledgementRenderer.OurId our, LongSupplier controlNumbers) {
        this.our = our;
        this.controlNumbers = controlNumbers;
    }

    Written render(String standard, EdiMessage.Envelope partner, ShipNotice notice) {
        long control = controlNumbers.getAsLong() % 1_000_000_000L;
        String raw = "X12".equals(standard) ? x12(partner, control, notice) : desadv(partner, control, notice);
        return new Written(Long.toString(control), raw);
    }

    private String x12(EdiMessage.Envelope partner, long control, ShipNotice n) {
        X12Envelope envelope = new X12Envelope(our, partner, control, "SH");
        envelope.startTransaction("856", (int) control);
        envelope.add("BSN", "00", n.shipmentNumber(), date(n.shippedAt(), "yyyyMMdd"), date(n.shippedAt(), "HHmm"));
        int hl = 1;
        envelope.add("HL", hl, "", "S");
        if (n.weightGrams() != null) {
            envelope.add("TD1", "CTN25", 1, "", "", "", "G", kilograms(n.weightGrams()), "KG");
        }
        envelope.add("TD5", "B", "2", n.carrier(), "", n.service() == null ? "" : n.service());
        if (n.trackingNumber() != null) {
            envelope.add("REF", "CN", n.trackingNumber());
        }
        envelope.add("DTM", "011", date(n.shippedAt(), "yyyyMMdd"));
        shipTo(envelope, n.shipTo());
        envelope.add("HL", ++hl, 1, "O");
        envelope.add("PRF", n.poNumber());
        int parent = hl;
        if (n.sscc() != null) {
            envelope.add("HL", ++hl, parent, "P");
            envelope.add("MAN", "GM", n.sscc());
            parent = hl;
        }
        for (Item item : n.items()) {
            envelope.add("HL", ++hl, parent, "I");
            List<Object> lin = new ArrayList<>(List.of("LIN", item.partnerLine(), "VN", item.sku()));
            if (item.gtin() != null && gtinQualifier(item.gtin()) != null) {
                lin.addAll(List.of(gtinQualifier(item.gtin()), item.gtin()));
            }
            envelope.add(lin);
            envelope.add("SN1", "", item.quantity(), "EA");
        }
        envelope.add("CTT", hl);
        envelope.endTransaction();
        return envelope.write();
    }

    private static void shipTo(X12Envelope envelope, Address to) {
        if (to == null) {
            return;
        }
        envelope.add("N1", "ST", to.name());
        envelope.add(
                to.line2() == null || to.line2().isBlank()
                        ? List.of("N3", to.line1())
                        : List.of("N3", to.line1(), to.line2()));
        envelope.add("N4", to.city(), orEmpty(to.region()), orEmpty(to.postalCode()), orEmpty(to.country()));
    }

    private String desadv(EdiMessage.Envelope partner, long control, ShipNotice n) {
        EdifactEnvelope envelope = new EdifactEnvelope(our, partner, control);
        envelope.startMessage(List.of("DESADV", "D", "96A", "UN"));
        envelope.add("BGM", "351", n.shipmentNumber(), "9");
        envelope.add("DTM", List.of("137", AcknowledgementRenderer.today("yyyyMMdd"), "102"));
        envelope.add("DTM", List.of("11", date(n.shippedAt(), "yyyyMMdd"), "102"));
        envelope.add("RFF", List.of("ON", n.poNumber()));
        if (n.trackingNumber() != null) {
            envelope.add("RFF", List.of("CN", n.trackingNumber()));
        }
        Address to = n.shipTo();
        if (to != null) {
            envelope.add(
                    "NAD",
                    "DP",
                    "",
                    "",
                    to.name(),
                    to.line1(),
                    to.city(),
                    orEmpty(to.region()),
                    orEmpty(to.postalCode()),
                    orEmpty(to.country()));
        }
        envelope.add("TDT", "20", "", "", "", n.carrier());
        envelope.add("CPS", "1");
        envelope.add("PAC", "1", "", "CT");
        if (n.sscc() != null) {
            envelope.add("PCI", "33E");
            envelope.add("GIN", "BJ", n.sscc());
        }
        for (Item item : n.items()) {
            envelope.add("LIN", item.partnerLine(), "", List.of(item.sku(), "SA"));
            if (item.gtin() != null) {
                envelope.add("PIA", "1", List.of(item.gtin(), "SRV"));
            }
            envelope.add("QTY", List.of("12", Long.toString(item.quantity())));
            envelope.add("RFF", List.of("ON", n.poNumber(), item.partnerLine()));
        }
        envelope.add("CNT", List.of("2", Integer.toString(n.items().size())));
        envelope.endMessage();
        return envelope.write();
    }

    /** X12's qualifier of a GTIN by its length: UPC-A, EAN-13, GTIN-14; null for anything else. */
    private static String gtinQualifier(String gtin) {
        return switch (gtin.length()) {
            case 12 -> "UP";
            case 13 -> "EN";
            case 14 -> "UK";
            default -> null;
        };
    }

    private static String kilograms(long grams) {
        return java.math.BigDecimal.valueOf(grams, 3).stripTrailingZeros().toPlainString();
    }

    static String date(Instant at, String pattern) {
        return DateTimeFormatter.ofPattern(pattern).withZone(ZoneOffset.UTC).format(at);
    }

    static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
