/**
 * Key figures, sales reports and risk alerts, computed by read-only queries over the other modules' tables. Each figure of
 * docs/domain.md is one query in {@link org.ordo.reporting.internal.KeyFigureQueries}, so its definition can be read in
 * one place. Reports never write; they can be pointed at a read replica.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"forecasting", "fulfillment", "invoicing", "orders", "platform", "purchasing", "shared"})
package org.ordo.reporting;
