package org.ordo.purchasing.internal;

import java.util.UUID;
import org.ordo.platform.MoneyInput;
import org.ordo.purchasing.SupplierAdmin;
import org.springframework.stereotype.Component;

/** {@link SupplierAdmin} on top of {@link SupplierService}, which owns the rules. */
@Component
class SupplierAdminService implements SupplierAdmin {

    private final SupplierService suppliers;

    SupplierAdminService(SupplierService suppliers) {
        this.suppliers = suppliers;
    }

    @Override
    public UUID createSupplier(NewSupplier s) {
        return suppliers
                .create(new SupplierService.SupplierInput(
                        s.name(), s.contactName(), s.email(), s.currency(), s.paymentTermsDays(), s.address(), true))
                .id();
    }

    @Override
    public void offer(UUID supplierId, String sku, Offer offer) {
        suppliers.putOffer(
                supplierId,
                sku,
                new SupplierService.OfferInput(
                        offer.supplierItemCode(),
                        MoneyInput.of(offer.unitPrice()),
                        offer.minimumOrderQuantity(),
                        offer.packSize(),
                        offer.leadTimeDays()));
    }
}
