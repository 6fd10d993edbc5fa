package com.opensvc.aftersales.revisit.happycall;

/**
 * Why a revisit was scheduled (REV-01, REV-02), published as {@code RevisitScheduled.selection}.
 * A happy call has the first of these that applies: a repeat repair, then the sample, then the technician's monthly
 * coverage.
 */
public enum Selection {
    /** DSP-01: the work order repeats an earlier one of the ticket (accepted again after a reopen). */
    REPEAT_REPAIR,
    /** REV-01: the work order's sampling value is below the rate. */
    SAMPLED,
    /** REV-01, §11: the technician's first completed work order of the month, none of theirs called yet. */
    TECHNICIAN_MONTHLY_COVERAGE,
    /** REV-02: a finished complaint is called back within 24 hours. */
    COMPLAINT
}
