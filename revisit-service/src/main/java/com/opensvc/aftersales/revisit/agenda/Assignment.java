package com.opensvc.aftersales.revisit.agenda;

import java.time.Instant;
import java.util.UUID;

/**
 * Who calls a scheduled revisit (RPT-03): the agent who claimed it from the pool, or the one a supervisor assigned.
 *
 * @param how        CLAIMED (by the agent) or ASSIGNED (by a supervisor)
 * @param assignedBy the agent who claimed it, or the supervisor who assigned it
 */
public record Assignment(UUID revisitId, String agent, How how, String assignedBy, Instant assignedAt) {
    public enum How {
        CLAIMED, ASSIGNED
    }

    /** Agents are login names; a differently cased spelling is the same agent. */
    boolean heldBy(String someone) {
        return agent.equalsIgnoreCase(someone.strip());
    }
}
