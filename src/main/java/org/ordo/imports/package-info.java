/**
 * CSV imports: orders, products, customers, price changes and stock counts from a file, each row through the same
 * rules as the API. A file is checked when it is uploaded (encoding, separator, columns) and then runs in the
 * background as a job; each row, or each order's lines, is its own transaction, counted in the same transaction, so a
 * job stopped by a crash carries on where it stopped and never leaves a row half applied. A dry run applies each row
 * and rolls it back, to show what would happen.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"catalog", "customers", "identity", "inventory", "orders", "platform", "shared"})
package org.ordo.imports;
