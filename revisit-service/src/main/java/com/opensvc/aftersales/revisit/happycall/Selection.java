package com.opensvc.aftersales.revisit.happycall;

/**
 * Why a revisit was scheduled (REV-01, REV-02), published as {@code RevisitScheduled.selection}.
 * At completion a happy call has the first of these that applies: a repeat repair, then the sample; the month-end
 * top-up adds the technician's monthly coverage.
 */
public enum Selection {
    /** DSP-01: the work order repeats an earlier one of the ticket (accepted again after a reopen). */
    REPEAT_REPAIR,
    /** REV-01: the work order's sampling value is below the rate. */
    SAMPLED,
    /**
     * REV-01, §11: the month-end top-up chose this order of a technician none of whose orders that month was called
     * (decisions before the top-up: the technician's first completed order of the month).
     */
    TECHNICIAN_MONTHLY_COVERAGE,
    /** REV-02: a finished complaint is called back within 24 hours. */
    COMPLAINT
}
