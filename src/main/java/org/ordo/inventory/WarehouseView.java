package org.ordo.inventory;

import org.ordo.shared.Address;

/** A warehouse as other modules see it (e.g. the ship-from address on a label). {@code address} may be null. */
public record WarehouseView(String code, String name, Address address, boolean active) {}
