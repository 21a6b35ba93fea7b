/**
 * Demand forecasting: weekly demand per SKU and warehouse from order lines, several methods chosen per SKU by a
 * rolling-origin backtest, and the error of each measured against the seasonal-naive forecast.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"catalog", "inventory", "orders", "shared"})
package org.ordo.forecasting;
