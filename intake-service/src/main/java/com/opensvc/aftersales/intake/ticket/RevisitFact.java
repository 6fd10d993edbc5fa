package com.opensvc.aftersales.intake.ticket;

/** INT-13 REV-01: the revisit service's facts about a ticket that its closing follows, by the event that told it. */
enum RevisitFact {
    /** RevisitScheduled: a revisit will be made; the ticket waits for its outcome. */
    SCHEDULED("RevisitScheduled"),
    /** RevisitNotRequired: the completed work order is not called back; a decision. */
    NOT_REQUIRED("RevisitNotRequired"),
    /** RevisitCompleted: a decision, and the outcome of its revisit. */
    COMPLETED("RevisitCompleted"),
    /** RevisitUnreachable (REV-06): counts as done; a decision, and the outcome of its revisit. */
    UNREACHABLE("RevisitUnreachable"),
    /** CustomerDissatisfied: the outcome of its revisit (the ticket reopens, INT-19); not a decision to close. */
    DISSATISFIED("CustomerDissatisfied");

    private final String eventType;

    RevisitFact(String eventType) {
        this.eventType = eventType;
    }

    String eventType() {
        return eventType;
    }
}
