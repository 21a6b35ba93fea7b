package org.ordo.reporting.internal;

import java.util.List;

/** Every key figure of {@code GET /api/reports/kpis}, as it answers them in JSON. */
record Kpis(
        Period period,
        KeyFigureQueries.Durations orderCycleTime,
        KeyFigureQueries.Durations orderProcessingTime,
        KeyFigureQueries.Rate onTimeDeliveryRate,
        KeyFigureQueries.Rate backorderRate,
        List<KeyFigureQueries.CurrencyAmount> averageOrderValue,
        KeyFigureQueries.Rate repeatPurchaseRate,
        List<KeyFigureQueries.SlowMover> slowMovers,
        KeyFigureQueries.Rate fulfilmentAccuracy,
        KeyFigureQueries.InventoryTurnover inventoryTurnover,
        List<KeyFigureQueries.SalesOutstanding> daysSalesOutstanding) {}
