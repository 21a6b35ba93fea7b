package org.ordo.returns;

/** Why a line is returned. WRONG_ITEM and DAMAGED count against fulfilment accuracy. */
public enum ReturnReason {
    /** Not what was ordered. */
    WRONG_ITEM,
    /** Damaged on arrival. */
    DAMAGED,
    /** Does not work. */
    DEFECTIVE,
    /** Not as the description said. */
    NOT_AS_DESCRIBED,
    /** Fine, but not wanted any more. */
    NOT_NEEDED,
    /** Anything else: the request's note says what. */
    OTHER
}
