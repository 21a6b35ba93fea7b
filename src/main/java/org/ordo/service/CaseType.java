package org.ordo.service;

/** What a case is about; each type has its own response and resolution targets. */
public enum CaseType {
    INQUIRY,
    COMPLAINT,
    CHANGE_REQUEST,
    /** Opened by a carrier's delivery exception, or by a person about a parcel. */
    DELIVERY_PROBLEM
}
