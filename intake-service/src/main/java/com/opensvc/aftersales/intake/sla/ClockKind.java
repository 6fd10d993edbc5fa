package com.opensvc.aftersales.intake.sla;

import java.util.EnumSet;
import java.util.Set;

/** The deadlines intake tracks per ticket (SLA-01 … SLA-03, INT-25). */
public enum ClockKind {
    /** SLA-01: a complaint registered and reported to the customer manager within 1 h of first contact. */
    REGISTRATION,
    /** SLA-02: first response within 30 min of registration in working hours, 12 h for messages outside them. */
    FIRST_RESPONSE,
    /** SLA-03: responsibility and handling opinion within 24 h of registration (48 h if the customer was unreachable). */
    OPINION,
    /** SLA-03: management review within 4 h of receiving the opinion. */
    REVIEW,
    /** SLA-03: the reviewed result reported to (and decided by) the general manager within the next 4 h. */
    GM_REPORT,
    /** SLA-03: the final opinion carried out within 8 h of the general manager's decision. */
    EXECUTION,
    /** SLA-03: the finished complaint form back at customer service the same day. */
    FORM_RETURN,
    /** INT-25: the reply promised to (or chosen by) the customer. */
    PROMISED_REPLY;

    /** SLA-03: the deadlines of the complaint process's steps; they end with the complaint. */
    public static final Set<ClockKind> COMPLAINT_STEPS = EnumSet.of(OPINION, REVIEW, GM_REPORT, EXECUTION, FORM_RETURN);
}
