package com.opensvc.aftersales.intake.sla;

import java.util.Optional;
import java.util.UUID;

/**
 * Who a deadline reminder goes to. The complaint process answers for its steps (the step's current handler: the
 * main person, or the backup while the main one is absent, INT-22); otherwise the reminder goes to the role.
 */
public interface ReminderRecipients {
    /** The person to remind for this clock, if some feature knows one. */
    Optional<String> personFor(UUID ticketId, ClockKind kind);

    /** The role that owns a clock when no person is named. */
    static String roleFor(ClockKind kind) {
        return switch (kind) {
            case REGISTRATION, FIRST_RESPONSE, FORM_RETURN, PROMISED_REPLY -> "FRONT_DESK";
            case OPINION -> "CUSTOMER_MANAGER";
            case REVIEW, EXECUTION -> "MANAGER";
            case GM_REPORT -> "GENERAL_MANAGER";
        };
    }
}
