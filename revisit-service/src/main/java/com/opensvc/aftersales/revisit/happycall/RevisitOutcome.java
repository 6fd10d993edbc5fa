package com.opensvc.aftersales.revisit.happycall;

/**
 * REV-05: very satisfied or satisfied completes the revisit; neutral completes it flagged for the supervisor's
 * review; dissatisfied ends it as dissatisfied, which reopens the ticket.
 */
public final class RevisitOutcome {
    private RevisitOutcome() {
    }

    public static RevisitState stateFor(Satisfaction overall) {
        return overall == Satisfaction.DISSATISFIED ? RevisitState.DISSATISFIED : RevisitState.COMPLETED;
    }

    public static boolean flaggedForReview(Satisfaction overall) {
        return overall == Satisfaction.NEUTRAL;
    }
}
