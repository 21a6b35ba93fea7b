package org.ordo.intake.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Purchase orders as customers send them, made as PDFs with known answers: a table with columns, an e-mail's free text
 * lines, a table of the customer's item codes and GTINs, and a table of misspelt names.
 */
public final class PurchaseOrderPdfs {

    public enum Layout {
        TABLE,
        FREE_TEXT,
        CODES,
        MISSPELT
    }

    /** A product of the made-up catalog. */
    public record Item(String sku, String name, String gtin, String customerCode) {}

    /** A line as the PO asks for it and the answer the matching should find. */
    public record Expected(String sku, long quantity) {}

    public record Po(Layout layout, String number, byte[] pdf, List<Expected> lines) {}

    private static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

    private PurchaseOrderPdfs() {}

    /** A purchase order of {@code lines} lines of different items, drawn at random from {@code items}. */
    public static Po make(Layout layout, String number, String buyer, List<Item> items, int lines, Random random) {
        List<Item> shuffled = new ArrayList<>(items);
        java.util.Collections.shuffle(shuffled, random);
        List<Item> chosen = shuffled.subList(0, lines);
        List<Expected> expected = new ArrayList<>();
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            Item item = chosen.get(i);
            long quantity = 1 + random.nextInt(40);
            String price = (5 + random.nextInt(80)) + "." + (10 + random.nextInt(89));
            expected.add(new Expected(item.sku(), quantity));
            rows.add(row(layout, i, item, quantity, price, random));
        }
        return new Po(layout, number, pdf(layout, number, buyer, rows), expected);
    }

    /** A purchase order as a table of these descriptions and quantities, in the order given. */
    public static byte[] table(String number, String buyer, List<String> descriptions, List<Long> quantities) {
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < descriptions.size(); i++) {
            rows.add(new String[] {
                String.valueOf(i + 1), descriptions.get(i), String.valueOf(quantities.get(i)), "9.90", "EUR"
            });
        }
        return pdf(Layout.TABLE, number, buyer, rows);
    }

    private static String[] row(Layout layout, int i, Item item, long quantity, String price, Random random) {
        return switch (layout) {
            case TABLE -> new String[] {String.valueOf(i + 1), item.name(), String.valueOf(quantity), price, "EUR"};
            case MISSPELT ->
                new String[] {String.valueOf(i + 1), misspell(item.name(), random), String.valueOf(quantity), price};
            case FREE_TEXT -> new String[] {freeText(item, quantity, price, random)};
            case CODES ->
                new String[] {
                    i % 3 == 0 || item.gtin() == null ? item.customerCode() : "",
                    i % 3 == 0 || item.gtin() == null ? "" : item.gtin(),
                    i % 3 == 2 ? misspell(item.name(), random) : item.name(),
                    quantity + " pcs"
                };
        };
    }

    private static String freeText(Item item, long quantity, String price, Random random) {
        String name = random.nextInt(3) == 0 ? misspell(item.name(), random) : item.name();
        return switch (random.nextInt(4)) {
            case 0 -> quantity + " x " + name;
            case 1 -> "- " + name + " x " + quantity;
            case 2 -> quantity + " pcs " + name + " @ " + price;
            default -> quantity + " " + name;
        };
    }

    /** One or two typing slips: a letter dropped, doubled or swapped with the next. */
    static String misspell(String name, Random random) {
        StringBuilder s = new StringBuilder(name);
        int slips = 1 + random.nextInt(2);
        for (int k = 0; k < slips; k++) {
            int at = 1 + random.nextInt(Math.max(1, s.length() - 2));
            if (!Character.isLetter(s.charAt(at)) || at + 1 >= s.length()) {
                continue;
            }
            switch (random.nextInt(3)) {
                case 0 -> s.deleteCharAt(at);
                case 1 -> s.insert(at, s.charAt(at));
                default -> {
                    char c = s.charAt(at);
                    s.setCharAt(at, s.charAt(at + 1));
                    s.setCharAt(at + 1, c);
                }
            }
        }
        return s.toString();
    }

    private static byte[] pdf(Layout layout, String number, String buyer, List<String[]> rows) {
        try (PDDocument document = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                float y = 800;
                text(content, BOLD, 16, 50, y, buyer);
                text(content, REGULAR, 10, 50, y -= 16, "Industriestrasse 12, 10115 Berlin");
                text(content, BOLD, 12, 50, y -= 30, layout == Layout.FREE_TEXT ? "Order" : "PURCHASE ORDER");
                text(content, REGULAR, 10, 380, y, "PO number: " + number);
                text(content, REGULAR, 10, 380, y -= 14, "Date: 2026-11-02");
                y -= 30;
                switch (layout) {
                    case TABLE ->
                        y = table(
                                content,
                                y,
                                new String[] {"Pos", "Description", "Qty", "Unit price", "Currency"},
                                new float[] {50, 90, 330, 390, 470},
                                rows);
                    case MISSPELT ->
                        y = table(
                                content,
                                y,
                                new String[] {"#", "Article", "Quantity", "Price"},
                                new float[] {50, 80, 340, 420},
                                rows);
                    case CODES ->
                        y = table(
                                content,
                                y,
                                new String[] {"Your item code", "GTIN", "Product name", "Qty"},
                                new float[] {50, 150, 250, 480},
                                rows);
                    case FREE_TEXT -> {
                        text(content, REGULAR, 10, 50, y, "Dear sales team,");
                        text(content, REGULAR, 10, 50, y -= 14, "please deliver the following:");
                        y -= 8;
                        for (String[] row : rows) {
                            text(content, REGULAR, 10, 60, y -= 14, row[0]);
                        }
                        text(content, REGULAR, 10, 50, y -= 24, "2 pallets at most per delivery please.");
                        text(content, REGULAR, 10, 50, y -= 14, "Thank you and kind regards,");
                    }
                }
                text(content, REGULAR, 10, 50, y - 30, "Delivery to our warehouse, 3 docks available.");
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static float table(PDPageContentStream content, float y, String[] header, float[] xs, List<String[]> rows)
            throws IOException {
        for (int c = 0; c < header.length; c++) {
            text(content, BOLD, 10, xs[c], y, header[c]);
        }
        for (String[] row : rows) {
            y -= 16;
            for (int c = 0; c < row.length; c++) {
                text(content, REGULAR, 10, xs[c], y, row[c]);
            }
        }
        text(content, BOLD, 10, 50, y -= 24, "Total");
        return y;
    }

    private static void text(PDPageContentStream content, PDType1Font font, float size, float x, float y, String text)
            throws IOException {
        if (text.isEmpty()) {
            return;
        }
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(text);
        content.endText();
    }

    /** A scanned page: an image and no text at all. */
    public static byte[] imageOnly() {
        try (PDDocument document = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            java.awt.image.BufferedImage scan =
                    new java.awt.image.BufferedImage(200, 100, java.awt.image.BufferedImage.TYPE_INT_RGB);
            java.awt.Graphics2D g = scan.createGraphics();
            g.fillRect(20, 20, 160, 10);
            g.dispose();
            PDImageXObject image = LosslessFactory.createFromImage(document, scan);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawImage(image, 50, 500, 400, 200);
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
