package com.opensvc.aftersales.parts.requisition;

/** What a requisition asks for (issue 13). */
public enum RequisitionKind {
    /** Stock bought from a supplier, for the central warehouse or a store; arrives as {@code RECEIVED}. */
    PURCHASE,
    /** A store asks the central warehouse: allocated (central → in transit), then received at the store. */
    REPLENISHMENT
}
