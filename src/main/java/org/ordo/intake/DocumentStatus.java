package org.ordo.intake;

/** A received document: a DRAFT until a person places it as an order (PLACED) or sets it aside (DISCARDED). */
public enum DocumentStatus {
    DRAFT,
    PLACED,
    DISCARDED
}
