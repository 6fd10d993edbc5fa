package com.opensvc.aftersales.intake.complaint;

import java.util.Set;

/** A step of the complaint process (INT-10, INT-11, INT-15) and the SEC-01 roles that act in it. */
public enum ComplaintStep {
    /** INT-10: the customer manager decides whether the complaint is valid (the general manager once escalated). */
    VALIDITY("CUSTOMER_MANAGER"),
    /** INT-10: a rejection needs a supervisor's confirmation. */
    REJECTION_CONFIRMATION("SUPERVISOR"),
    /** INT-11: responsible department and person, remedy, handling opinion. */
    OPINION("CUSTOMER_MANAGER"),
    /** INT-15: a major complaint's handling plan needs a manager's approval. */
    PLAN_APPROVAL("MANAGER"),
    /** INT-11: the management department reviews the opinion (agrees, or convenes the parties). */
    REVIEW("MANAGER"),
    /** INT-11: the general manager in charge approves the final handling opinion. */
    GM_APPROVAL("GENERAL_MANAGER"),
    /** INT-11: the management department carries it out, including any penalty. */
    EXECUTION("MANAGER"),
    /** INT-11: the finished complaint form is back at customer service. */
    FORM_RETURN("FRONT_DESK", "CUSTOMER_MANAGER"),
    /** INT-15: the customer manager's on-site visit to a major complaint's customer. */
    ON_SITE_VISIT("CUSTOMER_MANAGER");

    private final Set<String> roles;

    ComplaintStep(String... roles) {
        this.roles = Set.of(roles);
    }

    public Set<String> roles() {
        return roles;
    }
}
