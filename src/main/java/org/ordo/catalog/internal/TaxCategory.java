package org.ordo.catalog.internal;

import java.math.BigDecimal;

/** A tax category: {@code rate} is a fraction, 0.2000 for 20 %. */
record TaxCategory(String code, String name, BigDecimal rate) {}
