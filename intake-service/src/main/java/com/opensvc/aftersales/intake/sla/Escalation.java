package com.opensvc.aftersales.intake.sla;

import java.util.List;

/**
 * INT-19 and SLA-06: a customer who stays dissatisfied escalates one level each time. The customer service director
 * sits on every level as a third party; the second dissatisfaction puts the general manager in charge of the
 * validity step.
 */
public final class Escalation {
    private Escalation() {
    }

    /** The roles a level notifies (SLA-06). */
    public static List<String> rolesFor(int level) {
        return switch (Math.max(1, Math.min(level, 3))) {
            case 1 -> List.of("SERVICE_DIRECTOR", "CUSTOMER_MANAGER", "REVISIT_AGENT");
            case 2 -> List.of("SERVICE_DIRECTOR", "MANAGER", "TECHNICAL_DIRECTOR", "GENERAL_MANAGER");
            default -> List.of("SERVICE_DIRECTOR", "GENERAL_MANAGER");
        };
    }

    /** From the second dissatisfaction on, the general manager decides validity again (INT-19). */
    public static boolean generalManagerDecides(int level) {
        return level >= 2;
    }
}
