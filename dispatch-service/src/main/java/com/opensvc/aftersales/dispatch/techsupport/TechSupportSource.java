package com.opensvc.aftersales.dispatch.techsupport;

/** Where a technical support request came from. */
public enum TechSupportSource {
    /** DSP-06: a technician's visit did not fix the product; the work order waits for the answer. */
    NOT_FIXED,
    /** INT-23: the desk classified a ticket as a technical question and routed it to engineering; no work order. */
    TECHNICAL_QUESTION
}
