package com.opensvc.aftersales.dispatch.workorder;

/**
 * Another feature's veto on recording an on-site visit on a work order (e.g. DSP-07: a depot repair is closed by
 * returning the product, not by a visit). Throws (409) to refuse; every bean of this type is asked.
 */
public interface OnSiteVisitGuard {
    void checkOnSiteVisit(WorkOrder workOrder);
}
