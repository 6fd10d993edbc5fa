package com.opensvc.aftersales.intake.ticket;

/**
 * When a resolved ticket closes (INT-13, REV-01): once the revisit service has decided about its latest resolution
 * (RevisitNotRequired, RevisitCompleted or RevisitUnreachable arrived) and no revisit it announced (RevisitScheduled)
 * is still without its outcome; and, if quality must report on it, once quality's improvement report has been issued
 * for it (INT-05, QLT-05); and not while its complaint is still being handled (INT-11). The facts may arrive in any
 * order.
 */
public final class ClosingGate {
    private ClosingGate() {
    }

    public enum Decision {
        /** Every condition holds: the ticket closes now. */
        CLOSE,
        /** A revisit decision arrived, but a scheduled revisit (a complaint revisit, a happy call) is still open. */
        WAIT_FOR_REVISIT,
        /** The revisit is done but the ticket's complaint is still being handled (INT-11). */
        WAIT_FOR_COMPLAINT,
        /** The revisit is done but quality's improvement report has not arrived yet. */
        WAIT_FOR_IMPROVEMENT_REPORT,
        /** No revisit decision yet (or the ticket is not resolved): nothing to close. */
        NOT_YET
    }

    /** As {@link #decide(TicketState, boolean, boolean, boolean, int, boolean)} with no revisit outstanding and no complaint. */
    public static Decision decide(TicketState state, boolean qualityMustReport, boolean improvementReportIssued,
                                  boolean revisitDone) {
        return decide(state, qualityMustReport, improvementReportIssued, revisitDone, 0, false);
    }

    /** As below with no revisit outstanding. */
    public static Decision decide(TicketState state, boolean qualityMustReport, boolean improvementReportIssued,
                                  boolean revisitDone, boolean complaintOpen) {
        return decide(state, qualityMustReport, improvementReportIssued, revisitDone, 0, complaintOpen);
    }

    /**
     * @param revisitDecided      a revisit decision arrived since the ticket's latest resolution
     * @param revisitsOutstanding scheduled revisits still without their RevisitCompleted, RevisitUnreachable or
     *                            CustomerDissatisfied
     * @param complaintOpen       the ticket's complaint is still being handled (not DONE or REJECTED)
     */
    public static Decision decide(TicketState state, boolean qualityMustReport, boolean improvementReportIssued,
                                  boolean revisitDecided, int revisitsOutstanding, boolean complaintOpen) {
        if (state != TicketState.RESOLVED || !revisitDecided) {
            return Decision.NOT_YET;
        }
        if (revisitsOutstanding > 0) {
            return Decision.WAIT_FOR_REVISIT;
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
