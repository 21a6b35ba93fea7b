package org.ordo.purchasing.internal;

import static org.ordo.platform.InvariantCheck.row;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ordo.inventory.InventoryAdmin;
import org.ordo.platform.ConsistencyCheck;
import org.ordo.platform.InvariantCheck;
import org.ordo.purchasing.PurchaseOrderStatus;
import org.ordo.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Purchase orders add up (invariants 15–18): what a line received is what its RECEIPT movements and its receipts booked,
 * never more than ordered plus the tolerance; the total is the sum of the lines; the status agrees with the quantities.
 * Read in one snapshot (repeatable read), so a receipt booked meanwhile cannot look like a disagreement.
 */
@Component
class PurchasingChecks implements ConsistencyCheck {

    private final JdbcClient jdbc;
    private final InventoryAdmin stock;
    private final PurchaseOrderPolicy policy;

    PurchasingChecks(JdbcClient jdbc, InventoryAdmin stock, PurchaseOrderPolicy policy) {
        this.jdbc = jdbc;
        this.stock = stock;
        this.policy = policy;
    }

    /** One purchase order line with what its receipts booked. */
    private record Line(
            UUID purchaseOrderId,
            String number,
            PurchaseOrderStatus status,
            String currency,
            int lineNumber,
            long quantity,
            long received,
            long onReceipts,
            BigDecimal unitPrice,
            BigDecimal lineTotal) {

        String reference() {
            return number + "/" + lineNumber;
        }
    }

    @Override
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public List<InvariantCheck> check() {
        List<Line> lines = lines();
        Map<String, Long> movements = stock.receivedByReference("PO-");
        return List.of(
                receivedAsBooked(lines, movements),
                receivedWithinTolerance(lines),
                totalsAddUp(lines),
                statusAgrees(lines));
    }

    private List<Line> lines() {
        return jdbc.sql("""
                        SELECT p.id, p.number, p.status, p.currency, l.line_number, l.quantity, l.received_quantity,
                          l.unit_price, l.line_total,
                          (SELECT COALESCE(SUM(rl.quantity), 0) FROM purchase_receipt_line rl
                             JOIN purchase_receipt r ON r.id = rl.receipt_id
                            WHERE r.purchase_order_id = p.id AND rl.line_number = l.line_number) AS on_receipts
                        FROM purchase_order p JOIN purchase_order_line l ON l.purchase_order_id = p.id
                        ORDER BY p.number, l.line_number""")
                .query((rs, n) -> new Line(
                        rs.getObject("id", UUID.class),
                        rs.getString("number"),
                        PurchaseOrderStatus.valueOf(rs.getString("status")),
                        rs.getString("currency"),
                        rs.getInt("line_number"),
                        rs.getLong("quantity"),
                        rs.getLong("received_quantity"),
                        rs.getLong("on_receipts"),
                        rs.getBigDecimal("unit_price"),
                        rs.getBigDecimal("line_total")))
                .list();
    }

    private static InvariantCheck receivedAsBooked(List<Line> lines, Map<String, Long> movements) {
        List<Map<String, Object>> violations = new ArrayList<>();
        Map<String, Long> unmatched = new HashMap<>(movements);
        for (Line line : lines) {
            long moved = unmatched.getOrDefault(line.reference(), 0L);
            unmatched.remove(line.reference());
            if (line.received() != moved || line.received() != line.onReceipts()) {
                violations.add(row(
                        "purchaseOrder",
                        line.number(),
                        "lineNumber",
                        line.lineNumber(),
                        "receivedQuantity",
                        line.received(),
                        "receiptMovements",
                        moved,
                        "receipts",
                        line.onReceipts()));
            }
        }
        // a movement naming a purchase order line that does not exist was booked outside purchasing
        unmatched.forEach((reference, moved) ->
                violations.add(row("reference", reference, "receiptMovements", moved, "receivedQuantity", 0)));
        return InvariantCheck.of(15, "received per purchase order line = its RECEIPT movements", violations);
    }

    private InvariantCheck receivedWithinTolerance(List<Line> lines) {
        List<Map<String, Object>> violations = lines.stream()
                .filter(l -> l.received() > policy.maxReceivable(l.quantity()))
                .map(l -> row(
                        "purchaseOrder",
                        l.number(),
                        "lineNumber",
                        l.lineNumber(),
                        "quantity",
                        l.quantity(),
                        "receivedQuantity",
                        l.received(),
                        "tolerancePercent",
                        policy.tolerancePercent()))
                .toList();
        return InvariantCheck.of(16, "received ≤ ordered + tolerance", violations);
    }

    private InvariantCheck totalsAddUp(List<Line> lines) {
        Map<UUID, Money> sums = new HashMap<>();
        List<Map<String, Object>> violations = new ArrayList<>();
        for (Line l : lines) {
            Money unit = Money.of(l.unitPrice(), l.currency());
            Money lineTotal = Money.of(l.lineTotal(), l.currency());
            if (!unit.times(l.quantity()).equals(lineTotal)) {
                violations.add(row(
                        "purchaseOrder",
                        l.number(),
                        "lineNumber",
                        l.lineNumber(),
                        "lineTotal",
                        lineTotal,
                        "expected",
                        unit.times(l.quantity())));
            }
            sums.merge(l.purchaseOrderId(), lineTotal, Money::plus);
        }
        jdbc.sql("SELECT id, number, currency, total FROM purchase_order").query(rs -> {
            UUID id = rs.getObject("id", UUID.class);
            Money total = Money.of(rs.getBigDecimal("total"), rs.getString("currency"));
            Money sum = sums.getOrDefault(id, Money.zero(total.currency()));
            if (!sum.equals(total)) {
                violations.add(row("purchaseOrder", rs.getString("number"), "total", total, "sumOfLines", sum));
            }
        });
        return InvariantCheck.of(17, "purchase order total = Σ line totals", violations);
    }

    private InvariantCheck statusAgrees(List<Line> lines) {
        Map<String, long[]> perOrder = new LinkedHashMap<>();
        Map<String, PurchaseOrderStatus> statuses = new HashMap<>();
        for (Line l : lines) {
            // ordered, received, lines not complete
            long[] sums = perOrder.computeIfAbsent(l.number(), k -> new long[3]);
            sums[0] += l.quantity();
            sums[1] += l.received();
            sums[2] += l.received() < l.quantity() ? 1 : 0;
            statuses.put(l.number(), l.status());
        }
        List<Map<String, Object>> violations = new ArrayList<>();
        perOrder.forEach((number, sums) -> {
            PurchaseOrderStatus status = statuses.get(number);
            if (!policy.statusAgrees(status, sums[0], sums[1], sums[2] == 0)) {
                violations.add(row("purchaseOrder", number, "status", status, "ordered", sums[0], "received", sums[1]));
            }
        });
        return InvariantCheck.of(18, "purchase order status agrees with its received quantities", violations);
    }
}
