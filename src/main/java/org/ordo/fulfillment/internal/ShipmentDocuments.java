package org.ordo.fulfillment.internal;

import org.ordo.inventory.WarehouseView;
import org.ordo.platform.PdfRenderer;
import org.ordo.shared.Address;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * Shipping label, packing slip and pick list as PDF: XHTML rendered by openhtmltopdf, barcodes embedded as
 * images. Text outside Latin-1 takes its glyphs from the fallback font of {@link PdfRenderer}.
 */
@Component
class ShipmentDocuments {

    /** Narrowest bar of the label barcodes; 0.33 mm is GS1's nominal X-dimension for logistics labels. */
    private static final double MODULE_MM = 0.33;

    private static final String STYLE = """
            body { font-family: Helvetica, Arial, sans-serif; font-size: 9pt; color: #000; }
            h1 { font-size: 14pt; margin: 0 0 3mm 0; }
            .caption { font-size: 6.5pt; text-transform: uppercase; letter-spacing: 0.5pt; color: #333; }
            .box { border: 0.6pt solid #000; padding: 2mm; margin-bottom: 2mm; }
            .to { font-size: 12pt; font-weight: bold; line-height: 1.25; }
            .barcode { text-align: center; margin-top: 2mm; }
            .barcode img { height: 15mm; }
            .hri { font-family: Courier, monospace; font-size: 9pt; margin-top: 1mm; }
            table { width: 100%; border-collapse: collapse; }
            th, td { border-bottom: 0.5pt solid #999; padding: 1.2mm 1mm; text-align: left; vertical-align: top; }
            th { font-size: 7.5pt; text-transform: uppercase; }
            td.n, th.n { text-align: right; }
            .cols td { border: none; width: 50%; padding: 0 2mm 0 0; }
            """;

    private final PdfRenderer pdf;

    ShipmentDocuments(PdfRenderer pdf) {
        this.pdf = pdf;
    }

    /** The label stuck on the package: from, to, carrier and service, and the tracking number and SSCC as barcodes. */
    byte[] label(Shipment s, WarehouseView from, String carrierName, String serviceName) {
        Barcodes.Barcode tracking = Barcodes.code128(s.trackingNumber);
        Barcodes.Barcode sscc = Barcodes.sscc(s.sscc);
        StringBuilder html = start("Label " + s.number, "@page { size: 105mm 148mm; margin: 4mm; }");
        html.append("<div class=\"box\"><div class=\"caption\">From</div>").append(warehouse(from)).append("</div>");
        html.append("<div class=\"box\"><div class=\"caption\">Ship to</div><div class=\"to\">").append(address(s.shipTo)).append("</div></div>");
        html.append("<div class=\"box\"><table><tr>")
                .append("<td><div class=\"caption\">Carrier</div><b>").append(esc(carrierName)).append("</b><br/>").append(esc(serviceName)).append("</td>")
                .append("<td><div class=\"caption\">Weight</div>").append(kilograms(s.weightGrams)).append("</td>")
                .append("<td><div class=\"caption\">Order / shipment</div>").append(esc(s.orderNumber)).append("<br/>").append(esc(s.number))
                .append("</td></tr></table></div>");
        html.append(barcode("Tracking number", tracking, s.trackingNumber));
        html.append(barcode("SSCC", sscc, Sscc.humanReadable(s.sscc)));
        return render(html.append("</body></html>"));
    }

    /** The list of what is in the package, for the recipient. */
    byte[] packingSlip(Shipment s, WarehouseView from, String carrierName) {
        StringBuilder html = start("Packing slip " + s.number, "@page { size: A4; margin: 15mm; }");
        html.append("<h1>Packing slip</h1>");
        html.append("<table class=\"cols\"><tr><td><div class=\"caption\">From</div>").append(warehouse(from)).append("</td>")
                .append("<td><div class=\"caption\">Ship to</div>").append(address(s.shipTo)).append("</td></tr></table>");
        html.append("<p>Order <b>").append(esc(s.orderNumber)).append("</b> &#183; Shipment <b>").append(esc(s.number)).append("</b>");
        LocalDate date = (s.shippedAt != null ? s.shippedAt : s.plannedAt).atZone(ZoneOffset.UTC).toLocalDate();
        html.append(" &#183; Date ").append(date);
        if (s.trackingNumber != null) {
            html.append("<br/>").append(esc(carrierName)).append(", tracking number <b>").append(esc(s.trackingNumber)).append("</b>");
        }
        if (s.sscc != null) {
            html.append("<br/>Package SSCC ").append(esc(s.sscc));
        }
        html.append("</p><table><tr><th>Line</th><th>SKU</th><th>Description</th><th class=\"n\">Quantity</th></tr>");
        for (Shipment.Line l : s.lines) {
            html.append("<tr><td>").append(l.lineNumber).append("</td><td>").append(esc(l.sku)).append("</td><td>").append(esc(l.productName))
                    .append("</td><td class=\"n\">").append(l.quantity).append("</td></tr>");
        }
        html.append("<tr><td></td><td></td><td><b>Total units</b></td><td class=\"n\"><b>").append(s.totalQuantity()).append("</b></td></tr></table>");
        return render(html.append("</body></html>"));
    }

    /** A combined pick list to walk the warehouse with, bin by bin. */
    byte[] pickList(ShipmentViews.PickListView list) {
        StringBuilder html = start("Pick list " + list.warehouse(), "@page { size: A4; margin: 15mm; }");
        html.append("<h1>Pick list &#8211; ").append(esc(list.warehouse())).append("</h1>");
        html.append("<p>Shipments: ").append(esc(String.join(", ", list.shipments()))).append(" &#183; ").append(list.totalQuantity())
                .append(" units</p>");
        html.append("<table><tr><th>Bin</th><th>SKU</th><th>Description</th><th class=\"n\">Quantity</th><th>For</th><th>Picked</th></tr>");
        for (ShipmentViews.PickLineView l : list.lines()) {
            StringBuilder sources = new StringBuilder();
            for (ShipmentViews.PickSource source : l.shipments()) {
                sources.append(sources.isEmpty() ? "" : "<br/>").append(esc(source.shipment())).append(": ").append(source.quantity());
            }
            html.append("<tr><td>").append(esc(l.binLocation() == null ? "-" : l.binLocation())).append("</td><td>").append(esc(l.sku()))
                    .append("</td><td>").append(esc(l.name())).append("</td><td class=\"n\">").append(l.quantity()).append("</td><td>")
                    .append(sources).append("</td><td>[<td>&#9633;</td>#160;<td>&#9633;</td>#160;<td>&#9633;</td>#160;]</td></tr>");
        }
        html.append("</table>");
        return render(html.append("</body></html>"));
    }

    private static StringBuilder start(String title, String page) {
        return new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"UTF-8\"/><title>").append(esc(title))
                .append("</title><style>").append(page).append(STYLE).append("</style></head><body>");
    }

    private static String barcode(String caption, Barcodes.Barcode barcode, String text) {
        return "<div class=\"barcode\"><div class=\"caption\">" + esc(caption) + "</div><img src=\"" + barcode.dataUri() + "\" style=\"width: "
                + barcode.width(MODULE_MM) + ";\" alt=\"" + esc(text) + "\"/><div class=\"hri\">" + esc(text) + "</div></div>";
    }

    private static String warehouse(WarehouseView w) {
        if (w == null) {
            return "";
        }
        if (w.address() == null) {
            return esc(w.name());
        }
        String address = address(w.address());
        return w.address().name() != null && w.address().name().equals(w.name()) ? address : esc(w.name()) + "<br/>" + address;
    }

    private static String address(Address a) {
        if (a == null) {
            return "";
        }
        StringBuilder s = new StringBuilder();
        line(s, a.name());
        line(s, a.line1());
        line(s, a.line2());
        line(s, (a.postalCode() == null ? "" : a.postalCode() + " ") + (a.city() == null ? "" : a.city()));
        line(s, a.region());
        line(s, a.country() == null ? null : new Locale("", a.country()).getDisplayCountry(Locale.ENGLISH).toUpperCase(Locale.ROOT));
        return s.toString();
    }

    private static void line(StringBuilder s, String text) {
        if (text != null && !text.isBlank()) {
            s.append(s.isEmpty() ? "" : "<br/>").append(esc(text.trim()));
        }
    }

    private static String kilograms(Long grams) {
        return grams == null ? "-" : String.format(Locale.ROOT, "%.2f kg", grams / 1000.0);
    }

    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder s = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> s.append("&amp;");
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '"' -> s.append("&quot;");
                case '\'' -> s.append("&#39;");
                default -> s.append(c < 0x20 && c != '\n' && c != '\t' ? ' ' : c);
            }
        }
        return s.toString();
    }

    private byte[] render(StringBuilder html) {
        return pdf.render(html.toString());
    }
}
