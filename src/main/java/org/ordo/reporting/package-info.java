/**
 * Key figures, sales reports and risk alerts, computed by read-only queries over the other modules' tables. Each figure of
 * docs/domain.md is one query in {@link org.ordo.reporting.internal.KeyFigureQueries}, so its definition can be read in
 * one place. The figures that add up per day are read from per-day facts that reporting derives from the orders
 * (DayFactService); those are the only rows reporting writes.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "forecasting",
            "fulfillment",
            "invoicing",
            "orders",
            "platform",
            "purchasing",
            "quotations",
            "shared"
        })
package org.ordo.reporting;
