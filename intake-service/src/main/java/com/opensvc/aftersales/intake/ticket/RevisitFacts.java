package com.opensvc.aftersales.intake.ticket;

/**
 * INT-13 REV-01: what the revisit service has said about a ticket, for {@link ClosingGate}.
 *
 * @param decidedBecause the event type of the latest revisit decision since the ticket's latest resolution
 *                       (RevisitNotRequired, RevisitCompleted, RevisitUnreachable); null when none arrived yet
 * @param outstanding    revisits announced by RevisitScheduled still without their outcome
 */
record RevisitFacts(String decidedBecause, int outstanding) {
    static final RevisitFacts NONE = new RevisitFacts(null, 0);

    boolean decided() {
        return decidedBecause != null;
    }
}
