package org.ordo.fulfillment.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.ordo.inventory.WarehouseView;
import org.ordo.platform.CompanyCalendar;
import org.ordo.platform.PdfRenderer;
import org.ordo.shared.Address;
import org.springframework.stereotype.Component;

/**
 * Shipping label, packing slip and pick list as PDF: the templates {@code templates/pdf/label.html},
 * {@code packing-slip.html} and {@code pick-list.html} rendered by openhtmltopdf, barcodes embedded as images. Text
 * outside Latin-1 takes its glyphs from the fallback font of {@link PdfRenderer}.
 */
@Component
class ShipmentDocumentRenderer {

    /** Narrowest bar of the label barcodes; 0.33 mm is GS1's nominal X-dimension for logistics labels. */
    private static final double MODULE_MM = 0.33;

    private final PdfRenderer pdf;
    private final CompanyCalendar calendar;

    ShipmentDocumentRenderer(PdfRenderer pdf, CompanyCalendar calendar) {
        this.calendar = calendar;
        this.pdf = pdf;
    }

    /** The label stuck on the package: from, to, carrier and service, and the tracking number and SSCC as barcodes. */
    byte[] label(Shipment s, WarehouseView from, String carrierName, String serviceName) {
        List<BarcodeImage> barcodes = List.of(
                BarcodeImage.of("Tracking number", Barcodes.code128(s.trackingNumber), s.trackingNumber),
                BarcodeImage.of("SSCC", Barcodes.sscc(s.sscc), Sscc.humanReadable(s.sscc)));
        return pdf.render(
                "label",
                Map.of(
                        "label",
                        new Label(
                                s.number,
                                s.orderNumber,
                                warehouse(from),
                                address(s.shipTo),
                                carrierName,
                                serviceName,
                                kilograms(s.weightGrams),
                                barcodes)));
    }

    /** The list of what is in the package, for the recipient. */
    byte[] packingSlip(Shipment s, WarehouseView from, String carrierName) {
        LocalDate date = calendar.dayOf(s.shippedAt != null ? s.shippedAt : s.plannedAt);
        List<SlipLine> lines = s.lines.stream()
                .map(l -> new SlipLine(l.lineNumber, l.sku, l.productName, l.quantity))
                .toList();
        return pdf.render(
                "packing-slip",
                Map.of(
                        "slip",
                        new PackingSlip(
                                s.number,
                                s.orderNumber,
                                warehouse(from),
                                address(s.shipTo),
                                date,
                                carrierName,
                                s.trackingNumber,
                                s.sscc,
                                lines,
                                s.totalQuantity())));
    }

    /** A combined pick list to walk the warehouse with, bin by bin. */
    byte[] pickList(ShipmentViews.PickListView list) {
        return pdf.render("pick-list", Map.of("list", list));
    }

    /** What a label prints; {@code from} and {@code shipTo} are the lines of an address. */
    record Label(
            String number,
            String orderNumber,
            List<String> from,
            List<String> shipTo,
            String carrier,
            String service,
            String weight,
            List<BarcodeImage> barcodes) {}

    record BarcodeImage(String caption, String dataUri, String width, String text) {

        static BarcodeImage of(String caption, Barcodes.Barcode barcode, String text) {
            return new BarcodeImage(caption, barcode.dataUri(), barcode.width(MODULE_MM), text);
        }
    }

    /** What a packing slip prints; the carrier line only with a tracking number, the SSCC line only with an SSCC. */
    record PackingSlip(
            String number,
            String orderNumber,
            List<String> from,
            List<String> shipTo,
            LocalDate date,
            String carrier,
            String trackingNumber,
            String sscc,
            List<SlipLine> lines,
            long totalQuantity) {}

    record SlipLine(int lineNumber, String sku, String name, long quantity) {}

    /** The warehouse's name over its address, or the address alone when the address starts with that name. */
    private static List<String> warehouse(WarehouseView w) {
        if (w == null) {
            return List.of();
        }
        if (w.address() == null) {
            return Collections.singletonList(w.name());
        }
        List<String> address = address(w.address());
        if (w.address().name() != null && w.address().name().equals(w.name())) {
            return address;
        }
        List<String> lines = new ArrayList<>();
        lines.add(w.name());
        lines.addAll(address);
        return lines;
    }

    /** The address's lines that are not blank, trimmed, the country spelt out in capitals. */
    private static List<String> address(Address a) {
        if (a == null) {
            return List.of();
        }
        String postalCodeAndCity =
                (a.postalCode() == null ? "" : a.postalCode() + " ") + (a.city() == null ? "" : a.city());
        String country = a.country() == null
                ? null
                : new Locale("", a.country()).getDisplayCountry(Locale.ENGLISH).toUpperCase(Locale.ROOT);
        return Stream.of(a.name(), a.line1(), a.line2(), postalCodeAndCity, a.region(), country)
                .filter(line -> line != null && !line.isBlank())
                .map(String::trim)
                .toList();
    }

    private static String kilograms(Long grams) {
        return grams == null ? "-" : String.format(Locale.ROOT, "%.2f kg", grams / 1000.0);
    }
}
