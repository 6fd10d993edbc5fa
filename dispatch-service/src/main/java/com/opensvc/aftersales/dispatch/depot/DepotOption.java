package com.opensvc.aftersales.dispatch.depot;

/** DSP-07: how the depot serves the customer while it repairs the product. */
public enum DepotOption {
    /** The product is repaired at the depot and returned. */
    REPAIR_AND_RETURN,
    /** The customer gets an exchange unit at receipt; the faulty one is repaired into stock. */
    EXCHANGE_FIRST,
    /** A loaner unit is lent at receipt and tracked until it comes back. */
    LOANER_WHILE_REPAIRING,
    /** The product is sent to the factory; it is returned to the customer when it comes back. */
    RETURN_TO_FACTORY;

    /** The customer's equipment keeps working meanwhile (a replacement unit, DSP-07). */
    boolean keepsCustomerWorking() {
        return this == EXCHANGE_FIRST || this == LOANER_WHILE_REPAIRING;
    }
}
