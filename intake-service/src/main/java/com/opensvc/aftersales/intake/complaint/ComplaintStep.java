package com.opensvc.aftersales.intake.complaint;

import java.util.Set;

import com.opensvc.aftersales.intake.sla.ClockKind;

/** A step of the complaint process (INT-10, INT-11, INT-15), the SLA-03 deadline it has, and the roles that act in it. */
public enum ComplaintStep {
    /** INT-10: the customer manager decides whether the complaint is valid (the general manager once escalated). */
    VALIDITY(null, "CUSTOMER_MANAGER"),
    /** INT-10: a rejection needs a supervisor's confirmation. */
    REJECTION_CONFIRMATION(null, "SUPERVISOR"),
    /** INT-11: responsible department and person, remedy, handling opinion. */
    OPINION(ClockKind.OPINION, "CUSTOMER_MANAGER"),
    /** INT-15: a major complaint's handling plan needs a manager's approval. */
    PLAN_APPROVAL(null, "MANAGER"),
    /** INT-11: the management department reviews the opinion (agrees, or convenes the parties). */
    REVIEW(ClockKind.REVIEW, "MANAGER"),
    /** INT-11: the general manager in charge approves the final handling opinion. */
    GM_APPROVAL(ClockKind.GM_REPORT, "GENERAL_MANAGER"),
    /** INT-11: the management department carries it out, including any penalty. */
    EXECUTION(ClockKind.EXECUTION, "MANAGER"),
    /** INT-11: the finished complaint form is back at customer service. */
    FORM_RETURN(ClockKind.FORM_RETURN, "FRONT_DESK", "CUSTOMER_MANAGER"),
    /** INT-15: the customer manager's on-site visit to a major complaint's customer. */
    ON_SITE_VISIT(null, "CUSTOMER_MANAGER");

    private final ClockKind deadline;
    private final Set<String> roles;

    ComplaintStep(ClockKind deadline, String... roles) {
        this.deadline = deadline;
        this.roles = Set.of(roles);
    }

    /** The step's SLA-03 deadline, met when the step is done; null for a step without one. */
    public ClockKind deadline() {
        return deadline;
    }

    public Set<String> roles() {
        return roles;
    }
}
