package com.opensvc.aftersales.parts.requisition;

/** Who raised a requisition: the storekeeper, or a shortage at the store (PRT-01, automatic). */
public enum RequisitionOrigin {
    SHORTAGE, STOREKEEPER
}
