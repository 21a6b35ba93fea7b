package org.ordo.intake.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.ordo.intake.MailOrders;
import org.ordo.intake.internal.PurchaseOrderPdfs.Item;
import org.ordo.intake.internal.PurchaseOrderPdfs.Layout;

/**
 * Reads generated purchase-order PDFs of several layouts, whose answers are known, and measures how many lines are
 * matched to the right SKU and quantity (printed per layout; docs/assisted-entry.md quotes it).
 */
class MatchingAccuracyTests {

    static final List<Item> CATALOG = List.of(
            new Item("WID-BLU", "Widget blue", "4006381333931", "C-1001"),
            new Item("WID-RED", "Widget red", "4006381333948", "C-1002"),
            new Item("WID-BLU-XL", "Widget blue XL", null, "C-1003"),
            new Item("GAD-LRG", "Gadget large", "4012345678901", "C-1004"),
            new Item("GAD-SML", "Gadget small", "4012345678918", "C-1005"),
            new Item("STP-24", "Stapler heavy duty 24 sheets", "4023125000019", "C-1006"),
            new Item("STP-MINI", "Stapler mini", "4023125000026", "C-1007"),
            new Item("TON-BLK", "Toner cartridge black", "4050000000017", "C-1008"),
            new Item("TON-CYN", "Toner cartridge cyan", "4050000000024", "C-1009"),
            new Item("PAP-A4", "Copy paper A4 80 g", "4060000000016", "C-1010"),
            new Item("PAP-A3", "Copy paper A3 80 g", "4060000000023", "C-1011"),
            new Item("ENV-C5", "Envelopes C5 white", "4070000000015", "C-1012"),
            new Item("BND-RING", "Ring binder 2 rings", "4080000000014", "C-1013"),
            new Item("MRK-SET", "Whiteboard marker set", "4090000000013", "C-1014"),
            new Item("LBL-LASER", "Laser labels 70 x 37", "4100000000019", "C-1015"),
            new Item("CHR-OFF", "Office chair ergonomic", "4110000000018", "C-1016"),
            new Item("DSK-LAMP", "Desk lamp LED", "4120000000017", "C-1017"),
            new Item("SHR-P4", "Shredder cross cut P-4", null, "C-1018"),
            new Item("CAL-DSK", "Desk calculator 12 digits", "4140000000015", "C-1019"),
            new Item("FLD-HNG", "Hanging folders green", "4150000000014", "C-1020"));

    static final int ORDERS_PER_LAYOUT = 25;
    static final double LEAST_ACCURACY = 0.9;

    static MatchPolicy policy() {
        return new MatchPolicy(
                CATALOG.stream()
                        .map(i -> new MatchPolicy.Product(i.sku(), i.name(), i.gtin()))
                        .toList(),
                CATALOG.stream().collect(java.util.stream.Collectors.toMap(Item::customerCode, Item::sku)));
    }

    /** Right lines (SKU and quantity), lines expected, lines read that were not there, wrong lines left unflagged. */
    record Score(int right, int expected, int extra, int wrongUnflagged) {

        double accuracy() {
            return (double) right / expected;
        }
    }

    @Test
    void linesOfGeneratedPurchaseOrdersAreMatchedToTheRightSkuAndQuantity() throws IOException {
        MatchPolicy policy = policy();
        Random random = new Random(20261105);
        Map<Layout, Score> scores = new EnumMap<>(Layout.class);
        for (Layout layout : Layout.values()) {
            Score total = new Score(0, 0, 0, 0);
            for (int n = 0; n < ORDERS_PER_LAYOUT; n++) {
                PurchaseOrderPdfs.Po po = PurchaseOrderPdfs.make(
                        layout, "PO-" + (4711 + n), "Schneider Logistik GmbH", CATALOG, 3 + random.nextInt(6), random);
                PurchaseOrderText text = PurchaseOrderText.read(DocumentText.ofPdf(po.pdf()));
                assertThat(text.poNumber()).as(layout + " PO number").isEqualTo(po.number());
                Score s = score(po, policy.match(text));
                total = new Score(
                        total.right() + s.right(),
                        total.expected() + s.expected(),
                        total.extra() + s.extra(),
                        total.wrongUnflagged() + s.wrongUnflagged());
            }
            scores.put(layout, total);
        }
        scores.forEach((layout, s) -> System.out.printf(
                "intake accuracy %-9s %5.1f %% (%d of %d lines; %d extra; %d wrong but not flagged)%n",
                layout, 100 * s.accuracy(), s.right(), s.expected(), s.extra(), s.wrongUnflagged()));
        int right = scores.values().stream().mapToInt(Score::right).sum();
        int expected = scores.values().stream().mapToInt(Score::expected).sum();
        System.out.printf(
                "intake accuracy overall   %5.1f %% (%d of %d lines)%n", 100.0 * right / expected, right, expected);
        assertThat((double) right / expected).isGreaterThan(LEAST_ACCURACY);
        scores.values().forEach(s -> assertThat(s.accuracy()).isGreaterThan(0.8));
    }

    private static Score score(PurchaseOrderPdfs.Po po, List<MatchPolicy.MatchedLine> read) {
        int right = 0;
        int wrongUnflagged = 0;
        List<MatchPolicy.MatchedLine> unused = new ArrayList<>(read);
        for (PurchaseOrderPdfs.Expected e : po.lines()) {
            MatchPolicy.MatchedLine found = unused.stream()
                    .filter(l -> e.sku().equals(l.match().sku())
                            && Long.valueOf(e.quantity()).equals(l.line().quantity()))
                    .findFirst()
                    .orElse(null);
            if (found != null) {
                right++;
                unused.remove(found);
            }
        }
        for (MatchPolicy.MatchedLine wrong : unused) {
            if (wrong.match().confidence() >= MailOrders.CERTAIN && wrong.line().quantity() != null) {
                wrongUnflagged++;
                System.out.println("  wrong but sure: " + wrong.line().text() + " -> " + wrong.match());
            }
        }
        return new Score(
                right, po.lines().size(), Math.max(0, read.size() - po.lines().size()), wrongUnflagged);
    }
}
