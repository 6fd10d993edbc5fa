package com.opensvc.aftersales.intake.ticket;

/**
 * When a resolved ticket closes: once its revisit is done (REV-05 completed, or REV-06 unreachable) and, if quality
 * must report on it, once quality's improvement report has been issued for it (INT-05, QLT-05). The two facts may
 * arrive in either order.
 */
public final class ClosingGate {
    private ClosingGate() {
    }

    public enum Decision {
        /** Both conditions hold: the ticket closes now. */
        CLOSE,
        /** The revisit is done but the ticket's complaint is still being handled (INT-11). */
        WAIT_FOR_COMPLAINT,
        /** The revisit is done but quality's improvement report has not arrived yet. */
        WAIT_FOR_IMPROVEMENT_REPORT,
        /** The revisit is not done yet (or the ticket is not resolved): nothing to close. */
        NOT_YET
    }

    public static Decision decide(TicketState state, boolean qualityMustReport, boolean improvementReportIssued,
                                  boolean revisitDone) {
        return decide(state, qualityMustReport, improvementReportIssued, revisitDone, false);
    }

    /** As above; a ticket whose complaint is still open (not DONE or REJECTED) waits for it too. */
    public static Decision decide(TicketState state, boolean qualityMustReport, boolean improvementReportIssued,
                                  boolean revisitDone, boolean complaintOpen) {
        if (state != TicketState.RESOLVED || !revisitDone) {
            return Decision.NOT_YET;
        }
        if (complaintOpen) {
            return Decision.WAIT_FOR_COMPLAINT;
        }
        if (qualityMustReport && !improvementReportIssued) {
            return Decision.WAIT_FOR_IMPROVEMENT_REPORT;
        }
        return Decision.CLOSE;
    }
}
