package org.ordo.purchasing;

import java.util.UUID;
import org.ordo.shared.Address;
import org.ordo.shared.Money;

/**
 * Setting up suppliers and their offers from Java, for data import and demos: the same validation and audit as
 * {@code POST /api/suppliers} and {@code PUT /api/suppliers/{id}/items/{sku}}. Refusals are
 * {@link org.ordo.shared.OrdoException}s naming the field.
 */
public interface SupplierAdmin {

    /** Creates an active supplier; its id. {@code contactName}, {@code email} and {@code address} may be null. */
    UUID createSupplier(NewSupplier supplier);

    /** Sets the supplier's offer of an active catalog SKU; the price is in the supplier's currency. */
    void offer(UUID supplierId, String sku, Offer offer);

    record NewSupplier(
            String name, String contactName, String email, String currency, int paymentTermsDays, Address address) {}

    /** {@code minimumOrderQuantity} and {@code packSize} ≥ 1, {@code leadTimeDays} ≥ 0. */
    record Offer(
            String supplierItemCode, Money unitPrice, long minimumOrderQuantity, long packSize, int leadTimeDays) {}
}
