package org.ordo.service;

/** How urgent a case is, for the people working the queue. */
public enum CasePriority {
    LOW,
    NORMAL,
    HIGH,
    URGENT
}
