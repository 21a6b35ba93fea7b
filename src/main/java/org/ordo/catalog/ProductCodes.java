package org.ordo.catalog;

import java.util.Optional;

/** Finding a product by what a person types or a scanner reads at the warehouse: its SKU or its GTIN. */
public interface ProductCodes {

    /**
     * The product whose SKU is {@code code}; failing that, the one whose GTIN is that number. GTINs compare as numbers, so an
     * EAN-13 read as a GTIN-14 with a leading zero finds its product too. Inactive products are found as well.
     */
    Optional<ProductSnapshot> byCode(String code);
}
