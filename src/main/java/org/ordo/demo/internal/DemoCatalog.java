package org.ordo.demo.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ordo.catalog.ProductCatalogAdmin.NewProduct;
import org.ordo.shared.Address;
import org.ordo.shared.Gtin;
import org.ordo.shared.Money;

/** The demo's warehouses and products. */
final class DemoCatalog {

    private DemoCatalog() {}

    record DemoWarehouse(String code, String name, Address address) {}

    /** How much stock a product gets: plenty, little (its backorders are filled by later receipts), or none. */
    enum Supply {
        PLENTY,
        LOW,
        NONE
    }

    /** {@code popularity}: relative weight when lines are drawn. */
    record DemoProduct(NewProduct product, Supply supply, int popularity) {

        /** The quantities a business orders of it on a line: dozens of what is cheap, one or two of what is dear. */
        List<Integer> businessQuantities() {
            BigDecimal price = product.unitPrice().amount();
            if (price.compareTo(BigDecimal.valueOf(100)) >= 0) {
                return List.of(1, 1, 2);
            }
            return price.compareTo(BigDecimal.valueOf(30)) >= 0
                    ? List.of(1, 2, 3, 4, 5)
                    : List.of(1, 2, 3, 4, 5, 6, 10, 12);
        }
    }

    static DemoProduct product(String sku) {
        return PRODUCTS.stream()
                .filter(p -> p.product().sku().equals(sku))
                .findFirst()
                .orElseThrow();
    }

    static final List<DemoWarehouse> WAREHOUSES = List.of(
            new DemoWarehouse(
                    "BER",
                    "Berlin Central",
                    new Address("Ordo Lager Berlin", "Am Borsigturm 40", null, "Berlin", null, "13507", "DE")),
            new DemoWarehouse(
                    "HAM",
                    "Hamburg Harbour",
                    new Address("Ordo Lager Hamburg", "Am Sandtorkai 12", null, "Hamburg", null, "20457", "DE")),
            new DemoWarehouse(
                    "MUC",
                    "Munich South",
                    new Address("Ordo Lager München", "Hofmannstraße 25", null, "München", "Bayern", "81379", "DE")));

    /** The merchandise category of a demo product, by the first two letters of its SKU. */
    private static final Map<String, String> CATEGORIES = Map.of(
            "OF", "Office supplies",
            "PK", "Packaging",
            "WH", "Warehouse equipment",
            "IT", "IT and devices",
            "BR", "Break room",
            "BK", "Books");

    static final List<DemoProduct> PRODUCTS = products();

    // A data table, one row a line: kept as written (spotless:off) and longer than a method may be.
    // spotless:off
    // CHECKSTYLE:OFF: MethodLength
    private static List<DemoProduct> products() {
        List<DemoProduct> p = new ArrayList<>();
        // office supplies
        add(p, "OF-1001", "Copy paper A4 80 g, 500 sheets", "Bright white multifunction paper, FSC certified.", "5.49", "STANDARD", 2500, Supply.PLENTY, 8);
        add(p, "OF-1002", "Copy paper A4 80 g, box of 5 reams", "2,500 sheets for printers and copiers.", "24.90", "STANDARD", 12500, Supply.PLENTY, 6);
        add(p, "OF-1003", "Ballpoint pen blue, pack of 10", "Retractable, medium tip, refillable.", "4.95", "STANDARD", 120, Supply.PLENTY, 6);
        add(p, "OF-1004", "Gel pen black 0.5 mm, pack of 12", "Smooth, quick-drying ink.", "9.80", "STANDARD", 160, Supply.PLENTY, 4);
        add(p, "OF-1005", "Highlighter set, 6 colours", "Chisel tip, water-based ink.", "6.40", "STANDARD", 110, Supply.PLENTY, 4);
        add(p, "OF-1006", "Lever arch file A4, 80 mm, black", "Recycled board with metal edge protection.", "3.20", "STANDARD", 620, Supply.PLENTY, 5);
        add(p, "OF-1007", "Stapler, 40 sheets", "Full-strip metal stapler for 24/6 and 26/6 staples.", "14.90", "STANDARD", 390, Supply.PLENTY, 3);
        add(p, "OF-1008", "Staples 24/6, box of 5,000", "Galvanised steel.", "2.10", "STANDARD", 180, Supply.PLENTY, 4);
        add(p, "OF-1009", "Sticky notes 76 × 76 mm, 12 pads", "Yellow, 100 sheets per pad.", "7.90", "STANDARD", 420, Supply.PLENTY, 5);
        add(p, "OF-1010", "Desk organiser, 5 compartments", "Black mesh steel.", "12.50", "STANDARD", 850, Supply.PLENTY, 2);
        add(p, "OF-1011", "Whiteboard markers, set of 4", "Dry-erase, bullet tip, low odour.", "5.60", "STANDARD", 90, Supply.PLENTY, 3);
        add(p, "OF-1012", "Whiteboard 120 × 90 cm, magnetic", "Enamelled steel surface, aluminium frame.", "129.00", "STANDARD", 14500, Supply.LOW, 2);
        add(p, "OF-1013", "Laminator A3", "Two rollers, ready in 4 minutes.", "79.00", "STANDARD", 2300, Supply.PLENTY, 1);
        add(p, "OF-1014", "Paper shredder, cross cut P-4", "8 sheets, 14 l bin.", "149.00", "STANDARD", 6200, Supply.NONE, 1);
        add(p, "OF-1015", "Envelopes DL, window, box of 1,000", "Self-seal, 75 g white.", "24.50", "STANDARD", 5200, Supply.PLENTY, 3);
        // packaging
        add(p, "PK-2001", "Shipping box 305 × 215 × 110 mm, pack of 25", "Single-wall corrugated, brown.", "19.90", "STANDARD", 3900, Supply.PLENTY, 7);
        add(p, "PK-2002", "Shipping box 400 × 300 × 200 mm, pack of 20", "Double-wall corrugated for heavy goods.", "32.50", "STANDARD", 6400, Supply.PLENTY, 6);
        add(p, "PK-2003", "Packing tape 50 mm × 66 m, 6 rolls", "Polypropylene, low noise, brown.", "11.90", "STANDARD", 1150, Supply.PLENTY, 8);
        add(p, "PK-2004", "Tape dispenser, hand-held", "For rolls up to 50 mm, with brake.", "8.90", "STANDARD", 420, Supply.PLENTY, 3);
        add(p, "PK-2005", "Stretch film 500 mm × 300 m, 6 rolls", "23 µm, hand wrap.", "59.00", "STANDARD", 14800, Supply.PLENTY, 4);
        add(p, "PK-2006", "Bubble wrap roll 1 m × 50 m", "Small bubbles, 10 mm.", "27.90", "STANDARD", 3100, Supply.PLENTY, 3);
        add(p, "PK-2007", "Padded envelopes C4, pack of 100", "Air-cushioned, self-seal.", "34.00", "STANDARD", 2900, Supply.PLENTY, 3);
        add(p, "PK-2008", "Void fill paper, 450 m", "Recycled kraft in a dispenser box.", "42.00", "STANDARD", 9800, Supply.LOW, 2);
        add(p, "PK-2009", "Shipping labels 100 × 150 mm, 500 pcs", "Direct thermal, on a roll.", "12.90", "STANDARD", 700, Supply.PLENTY, 5);
        add(p, "PK-2010", "Pallet box 1200 × 800 × 800 mm", "Heavy-duty corrugated with lid.", "36.50", "STANDARD", 9200, Supply.PLENTY, 1);
        // warehouse equipment
        add(p, "WH-3001", "Hand truck, 200 kg", "Steel frame, pneumatic tyres.", "89.00", "STANDARD", 14000, Supply.PLENTY, 2);
        add(p, "WH-3002", "Pallet jack, 2,500 kg", "Polyurethane wheels, 1,150 mm forks.", "329.00", "STANDARD", 72000, Supply.LOW, 1);
        add(p, "WH-3003", "Heavy-duty shelving 180 × 90 × 45 cm", "Five boltless shelves, 265 kg each.", "119.00", "STANDARD", 31000, Supply.PLENTY, 2);
        add(p, "WH-3004", "Storage bin size 3, pack of 10", "Stackable polypropylene, blue.", "29.90", "STANDARD", 3200, Supply.PLENTY, 4);
        add(p, "WH-3005", "Work gloves, nitrile coated, 12 pairs", "Size 9, EN 388.", "18.90", "STANDARD", 640, Supply.PLENTY, 5);
        add(p, "WH-3006", "Safety knife with retractable blade", "Automatic blade return.", "7.50", "STANDARD", 80, Supply.PLENTY, 4);
        add(p, "WH-3007", "Step stool, 2 steps, aluminium", "Load up to 150 kg.", "39.00", "STANDARD", 3400, Supply.PLENTY, 2);
        add(p, "WH-3008", "Hi-vis vest, yellow, size XL", "EN ISO 20471 class 2.", "4.20", "STANDARD", 130, Supply.PLENTY, 3);
        add(p, "WH-3009", "Floor marking tape yellow 50 mm × 33 m", "PVC, for aisles and zones.", "9.90", "STANDARD", 420, Supply.PLENTY, 2);
        add(p, "WH-3010", "Platform scale 150 kg", "Stainless steel platform, 50 g steps.", "189.00", "STANDARD", 9500, Supply.NONE, 1);
        // IT and devices
        add(p, "IT-4001", "Barcode scanner, wireless", "1D/2D imager, USB charging cradle.", "149.00", "STANDARD", 420, Supply.PLENTY, 2);
        add(p, "IT-4002", "Label printer, 4 inch thermal", "203 dpi, USB and Ethernet.", "279.00", "STANDARD", 2600, Supply.LOW, 2);
        add(p, "IT-4003", "USB-C docking station", "Two displays, Gigabit Ethernet, 100 W.", "159.00", "STANDARD", 480, Supply.PLENTY, 2);
        add(p, "IT-4004", "Wireless keyboard and mouse", "German layout QWERTZ.", "49.90", "STANDARD", 750, Supply.PLENTY, 3);
        add(p, "IT-4005", "Monitor 27 inch, QHD", "IPS panel, height adjustable.", "249.00", "STANDARD", 6900, Supply.PLENTY, 2);
        add(p, "IT-4006", "Toner cartridge black, 3,000 pages", "Compatible with common office lasers.", "69.00", "STANDARD", 980, Supply.PLENTY, 4);
        add(p, "IT-4007", "Headset with microphone, USB", "Noise cancelling, for phone and video calls.", "59.00", "STANDARD", 210, Supply.NONE, 1);
        // break room (reduced tax: food and drink)
        add(p, "BR-5001", "Coffee beans 1 kg, crema", "100 % Arabica, medium roast.", "16.90", "REDUCED", 1000, Supply.PLENTY, 6);
        add(p, "BR-5002", "Black tea, 100 bags", "Assam blend.", "4.90", "REDUCED", 230, Supply.PLENTY, 3);
        add(p, "BR-5003", "Mineral water 0.5 l, crate of 24", "Sparkling.", "8.40", "REDUCED", 13500, Supply.PLENTY, 4);
        add(p, "BR-5004", "Biscuit assortment 1 kg", "Butter biscuits, individually wrapped.", "12.90", "REDUCED", 1150, Supply.PLENTY, 3);
        add(p, "BR-5005", "Cane sugar sticks, 500 pcs", "4 g each.", "9.50", "REDUCED", 2100, Supply.PLENTY, 2);
        add(p, "BR-5006", "Coffee machine descaler, 6 tablets", "For fully automatic machines.", "11.50", "STANDARD", 150, Supply.PLENTY, 2);
        // books (reduced tax)
        add(p, "BK-6001", "Handbook of warehouse logistics", "Paperback, 420 pages.", "39.90", "REDUCED", 820, Supply.PLENTY, 1);
        add(p, "BK-6002", "Hazardous goods in transport, 2026 edition", "Paperback, 310 pages.", "29.80", "REDUCED", 640, Supply.PLENTY, 1);
        return List.copyOf(p);
    }
    // CHECKSTYLE:ON: MethodLength
    // spotless:on

    private static void add(
            List<DemoProduct> products,
            String sku,
            String name,
            String description,
            String price,
            String taxCategory,
            int weightGrams,
            Supply supply,
            int popularity) {
        // bought in at about 60 % of the list price, for the inventory turnover figure
        Money cost = Money.of(
                new java.math.BigDecimal(price)
                        .multiply(new java.math.BigDecimal("0.6"))
                        .setScale(2, java.math.RoundingMode.HALF_EVEN),
                "EUR");
        products.add(new DemoProduct(
                new NewProduct(
                        sku,
                        name,
                        description,
                        Money.of(price, "EUR"),
                        cost,
                        taxCategory,
                        gtin(products.size() + 1),
                        weightGrams,
                        CATEGORIES.get(sku.substring(0, 2))),
                supply,
                popularity));
    }

    /** A GTIN-13 from the GS1 Germany range (prefix 400–440), item reference {@code item}, with its check digit. */
    static String gtin(int item) {
        String digits = String.format("426099%06d", item);
        return digits + Gtin.checkDigit(digits);
    }
}
