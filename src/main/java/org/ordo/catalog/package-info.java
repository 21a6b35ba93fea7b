/**
 * The catalog: products (SKU, name, price, tax category, GTIN, weight, active) and the tax categories they
 * belong to. Other modules read products through {@link org.ordo.catalog.Catalog} as
 * {@link org.ordo.catalog.ProductSnapshot}s; the REST API under {@code /api/products} and
 * {@code /api/tax-categories} is the only way to change them. Products are never deleted, because orders
 * reference them by SKU: they are deactivated instead. Every change is in the audit trail. The catalog also keeps
 * the VAT rates per country ({@code /api/tax-rates}) and the rule book of which apply to a sale ({@link
 * org.ordo.catalog.TaxRates}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity", "platform", "shared"})
package org.ordo.catalog;
