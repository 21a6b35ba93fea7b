package org.ordo.inventory.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.ordo.catalog.Catalog;
import org.ordo.inventory.AvailableToPromise;
import org.ordo.inventory.BackorderDemand;
import org.ordo.inventory.IncomingSupply;
import org.ordo.inventory.Inventory;
import org.ordo.inventory.StockPosition;
import org.ordo.platform.CompanyCalendar;
import org.ordo.shared.OrdoException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Time-phased availability: free stock today, less what backorders wait for, then every expected arrival added on its
 * date (an overdue one counts from tomorrow: it is still not here). Without the modules that know backorders or
 * arrivals, stock alone.
 */
@Component
class AvailableToPromiseQueries implements AvailableToPromise {

    private final Inventory inventory;
    private final Catalog catalog;
    private final ObjectProvider<BackorderDemand> backorders;
    private final CompanyCalendar calendar;
    private final ObjectProvider<IncomingSupply> supply;

    AvailableToPromiseQueries(
            Inventory inventory,
            Catalog catalog,
            ObjectProvider<BackorderDemand> backorders,
            ObjectProvider<IncomingSupply> supply,
            CompanyCalendar calendar) {
        this.calendar = calendar;
        this.inventory = inventory;
        this.catalog = catalog;
        this.backorders = backorders;
        this.supply = supply;
    }

    @Override
    public List<Point> atp(String sku, String warehouse) {
        if (catalog.find(sku).isEmpty()) {
            throw OrdoException.notFound("Product", sku);
        }
        if (warehouse != null && inventory.warehouse(warehouse).isEmpty()) {
            throw OrdoException.notFound("Warehouse", warehouse);
        }
        long free = 0;
        for (StockPosition p : inventory.positions(List.of(sku))) {
            if (warehouse == null || warehouse.equals(p.warehouse())) {
                free += p.available();
            }
        }
        BackorderDemand demand = backorders.getIfAvailable();
        List<BackorderDemand.Waiting> waiting = demand == null ? List.of() : demand.backordered(Set.of(sku));
        for (BackorderDemand.Waiting w : waiting) {
            if (w.sku().equals(sku) && (warehouse == null || warehouse.equals(w.warehouse()))) {
                free -= w.quantity();
            }
        }
        LocalDate today = calendar.today();
        TreeMap<LocalDate, Long> arriving = new TreeMap<>();
        IncomingSupply incoming = supply.getIfAvailable();
        for (IncomingSupply.Arrival a :
                incoming == null ? List.<IncomingSupply.Arrival>of() : incoming.arrivals(Set.of(sku))) {
            if (a.sku().equals(sku) && (warehouse == null || warehouse.equals(a.warehouse()))) {
                arriving.merge(a.date().isAfter(today) ? a.date() : today.plusDays(1), a.quantity(), Long::sum);
            }
        }
        List<Point> points = new ArrayList<>();
        points.add(new Point(today, free));
        long cumulative = free;
        for (Map.Entry<LocalDate, Long> e : arriving.entrySet()) {
            cumulative += e.getValue();
            points.add(new Point(e.getKey(), cumulative));
        }
        return points;
    }
}
