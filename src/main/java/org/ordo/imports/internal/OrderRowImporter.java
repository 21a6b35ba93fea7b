package org.ordo.imports.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ordo.customers.Customers;
import org.ordo.imports.ImportKind;
import org.ordo.imports.ImportRule;
import org.ordo.imports.Imports.RowOutcome;
import org.ordo.orders.OrderEntry;
import org.ordo.orders.OrderSnapshot;
import org.ordo.orders.Orders;
import org.ordo.platform.Paging;
import org.ordo.shared.FieldViolation;
import org.springframework.stereotype.Component;

/**
 * Order lines, one per row, grouped into orders by {@code reference}: each order is placed as {@code POST /api/orders}
 * places it, on channel CSV with the reference as its external reference. An order of the customer with that external
 * reference already there (imported before, or placed through the API) is left as it is, so a file imported twice
 * places each order once.
 */
@Component
class OrderRowImporter implements RowImporter {

    private static final Pattern LINE_FIELD = Pattern.compile("lines\\[(\\d+)]\\.?(\\w*)");
    private static final Map<String, String> FIELDS = Map.of(
            "customerId", "customer",
            "externalReference", "reference",
            "shippingMethod", "shipping_method",
            "requestedDeliveryDate", "requested_delivery_date",
            "notes", "notes");

    private final OrderEntry entry;
    private final Orders orders;
    private final Customers customers;
    private final ImportStore store;

    OrderRowImporter(OrderEntry entry, Orders orders, Customers customers, ImportStore store) {
        this.entry = entry;
        this.orders = orders;
        this.customers = customers;
        this.store = store;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.ORDERS;
    }

    @Override
    public List<String> columns() {
        return List.of(
                "reference", "customer", "sku", "quantity", "shipping_method", "requested_delivery_date", "notes");
    }

    @Override
    public List<String> required() {
        return List.of("reference", "customer", "sku", "quantity");
    }

    /** The rows of one reference make one order, in the order the references first appear. */
    @Override
    public List<List<CsvFile.Row>> units(List<CsvFile.Row> rows) {
        Map<String, List<CsvFile.Row>> byReference = new LinkedHashMap<>();
        for (CsvFile.Row row : rows) {
            String reference = row.get("reference");
            String key = reference == null ? "#" + row.line() : "=" + reference;
            byReference.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
        }
        return List.copyOf(byReference.values());
    }

    @Override
    public List<RowOutcome> apply(List<CsvFile.Row> unit) {
        CsvFile.Row first = unit.get(0);
        List<OrderEntry.NewLine> lines = new ArrayList<>();
        UUID customerId = checkRows(unit, lines);
        String reference = first.get("reference");
        Optional<String> existing = existingOrder(customerId, reference);
        if (existing.isPresent()) {
            return outcomes(unit, UNCHANGED, existing.get());
        }
        RowChecks header = new RowChecks(first);
        LocalDate requested = header.date("requested_delivery_date");
        header.done();
        OrderSnapshot placed = entry.place(new OrderEntry.NewOrder(
                customerId,
                "CSV",
                reference,
                first.get("shipping_method"),
                first.get("notes"),
                lines,
                null,
                requested));
        store.rememberOrder(customerId, reference, placed.id(), placed.number());
        return outcomes(unit, APPLIED, placed.number());
    }

    /** Checks every row, gathering its line; the customer all rows name. */
    private UUID checkRows(List<CsvFile.Row> unit, List<OrderEntry.NewLine> lines) {
        CsvFile.Row first = unit.get(0);
        UUID customerId = null;
        for (CsvFile.Row row : unit) {
            RowChecks checks = new RowChecks(row);
            checks.required("reference");
            String customer = checks.required("customer");
            String sku = checks.required("sku");
            Long quantity = checks.number("quantity", true);
            if (row != first && !Objects.equals(customer, first.get("customer"))) {
                checks.problem(ImportRule.ORDER_DIFFERS.at("customer", first.line()));
            } else if (customer != null && row == first) {
                customerId = customers.idOf(customer).orElse(null);
                if (customerId == null) {
                    checks.problem(ImportRule.UNKNOWN_CUSTOMER.at("customer"));
                }
            }
            checks.done();
            lines.add(new OrderEntry.NewLine(sku, quantity));
        }
        return customerId;
    }

    private Optional<String> existingOrder(UUID customerId, String reference) {
        Optional<String> imported = store.importedOrder(customerId, reference);
        if (imported.isPresent()) {
            return imported;
        }
        return orders
                .search(new Orders.Search(null, customerId, null, null, null, reference), Paging.of(0, 100))
                .items()
                .stream()
                .filter(o -> reference.equals(o.externalReference()))
                .map(Orders.Summary::number)
                .findFirst();
    }

    private static List<RowOutcome> outcomes(List<CsvFile.Row> unit, String outcome, String orderNumber) {
        return unit.stream()
                .map(r -> new RowOutcome(r.line(), outcome, null, null, null, orderNumber))
                .toList();
    }

    @Override
    public String columnOf(String field) {
        return columns().contains(field) ? field : FIELDS.get(field);
    }

    /**
     * A line's problem at its row; the order's own problems at the first row; the other rows are refused with the order,
     * pointing at the row that was.
     */
    @Override
    public List<RowOutcome> rejected(List<CsvFile.Row> unit, Integer line, List<FieldViolation> violations) {
        List<RowOutcome> outcomes = new ArrayList<>();
        for (FieldViolation v : violations) {
            outcomes.add(
                    line == null
                            ? at(unit, v)
                            : RowImporter.super.rejected(unit, line, List.of(v)).get(0));
        }
        int firstRejected = outcomes.get(0).line();
        for (CsvFile.Row row : unit) {
            if (outcomes.stream().noneMatch(o -> o.line() == row.line())) {
                FieldViolation sibling = ImportRule.ORDER_REJECTED.at("reference", firstRejected);
                outcomes.add(new RowOutcome(row.line(), REJECTED, null, sibling.message(), sibling.code(), null));
            }
        }
        outcomes.sort(java.util.Comparator.comparingInt(RowOutcome::line));
        return outcomes;
    }

    private RowOutcome at(List<CsvFile.Row> unit, FieldViolation v) {
        String field = v.field() == null ? "" : v.field();
        Matcher m = LINE_FIELD.matcher(field);
        if (m.matches() && Integer.parseInt(m.group(1)) < unit.size()) {
            String column = m.group(2).equals("quantity") ? "quantity" : "sku";
            return new RowOutcome(
                    unit.get(Integer.parseInt(m.group(1))).line(), REJECTED, column, v.message(), v.code(), null);
        }
        String column = columnOf(field);
        String reason = column == null && !field.isEmpty() ? field + " " + v.message() : v.message();
        return new RowOutcome(unit.get(0).line(), REJECTED, column, reason, v.code(), null);
    }
}
