package org.ordo.purchasing.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.ordo.catalog.Catalog;
import org.ordo.catalog.ProductSnapshot;
import org.ordo.inventory.Inventory;
import org.ordo.inventory.WarehouseView;
import org.ordo.platform.CompanyCalendar;
import org.ordo.platform.PdfRenderer;
import org.ordo.shared.Address;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** The purchase order as the supplier reads it: who buys, where to deliver, what, at which price and by when. */
@Component
class PurchaseOrderPdfRenderer {

    /** What the template {@code templates/pdf/purchase-order.html} prints. */
    record Printout(
            String number,
            String status,
            String date,
            List<String> buyer,
            List<String> supplier,
            List<String> deliverTo,
            List<Line> lines,
            String total) {}

    record Line(
            int number,
            String sku,
            String supplierItemCode,
            String name,
            long quantity,
            String unitPrice,
            String lineTotal,
            String expected) {}

    private final PdfRenderer pdf;
    private final SupplierStore suppliers;
    private final Inventory inventory;
    private final Catalog catalog;
    private final CompanyDetails company;
    private final CompanyCalendar calendar;

    PurchaseOrderPdfRenderer(
            PdfRenderer pdf,
            SupplierStore suppliers,
            Inventory inventory,
            Catalog catalog,
            Environment environment,
            CompanyCalendar calendar) {
        this.calendar = calendar;
        this.pdf = pdf;
        this.suppliers = suppliers;
        this.inventory = inventory;
        this.catalog = catalog;
        this.company = Binder.get(environment).bindOrCreate("ordo.company", CompanyDetails.class);
    }

    byte[] render(PurchaseOrder po) {
        return pdf.render("purchase-order", Map.of("po", printout(po)));
    }

    Printout printout(PurchaseOrder po) {
        SupplierStore.Supplier supplier = suppliers.find(po.supplierId).orElseThrow();
        List<String> supplierLines = new ArrayList<>(List.of(supplier.name()));
        if (supplier.contactName() != null) {
            supplierLines.add("Attn. " + supplier.contactName());
        }
        supplierLines.addAll(address(supplier.address()));
        if (supplier.email() != null) {
            supplierLines.add(supplier.email());
        }
        WarehouseView warehouse = inventory.warehouse(po.warehouse).orElse(null);
        List<String> deliverTo = new ArrayList<>(List.of(warehouse == null ? po.warehouse : warehouse.name()));
        deliverTo.addAll(warehouse == null ? List.of() : address(warehouse.address()));
        Map<String, ProductSnapshot> products =
                catalog.find(po.lines.stream().map(l -> l.sku).toList());
        List<Line> lines = po.lines.stream()
                .map(l -> new Line(
                        l.lineNumber,
                        l.sku,
                        l.supplierItemCode == null ? "" : l.supplierItemCode,
                        products.containsKey(l.sku) ? products.get(l.sku).name() : "",
                        l.quantity,
                        l.unitPrice.amountText(),
                        l.lineTotal.amountText(),
                        l.expectedDate == null ? "" : l.expectedDate.toString()))
                .toList();
        LocalDate date = calendar.dayOf(po.sentAt == null ? po.createdAt : po.sentAt);
        return new Printout(
                po.number,
                po.status.name(),
                date.toString(),
                buyer(),
                supplierLines,
                deliverTo,
                lines,
                po.total.toString());
    }

    private List<String> buyer() {
        List<String> lines = new ArrayList<>(List.of(company.name(), company.line1()));
        if (company.line2() != null) {
            lines.add(company.line2());
        }
        lines.add(company.postalCode() + " " + company.city());
        lines.add(company.country());
        lines.add("VAT ID " + company.vatId());
        lines.add(company.email());
        return lines.stream().filter(Objects::nonNull).toList();
    }

    private static List<String> address(Address a) {
        if (a == null) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        lines.add(a.line1());
        if (a.line2() != null) {
            lines.add(a.line2());
        }
        lines.add(a.postalCode() + " " + a.city() + (a.region() == null ? "" : ", " + a.region()));
        lines.add(a.country());
        return lines;
    }
}
