package com.opensvc.aftersales.revisit.agenda;

import org.springframework.stereotype.Component;

import com.opensvc.aftersales.revisit.happycall.Revisit;
import com.opensvc.aftersales.revisit.happycall.RevisitCallGuard;
import com.opensvc.aftersales.web.ForbiddenException;

import lombok.RequiredArgsConstructor;

/** RPT-03: a revisit claimed by or assigned to an agent is theirs to call; one in the pool any agent may call. */
@Component
@RequiredArgsConstructor
class AssignedAgentGuard implements RevisitCallGuard {
    private final Assignments assignments;

    @Override
    public void beforeCall(Revisit revisit, String agent) {
        assignments.find(revisit.id()).filter(held -> !held.heldBy(agent)).ifPresent(held -> {
            throw new ForbiddenException("revisit " + revisit.id() + (held.how() == Assignment.How.CLAIMED
                    ? " is claimed by " : " is assigned to ") + held.agent() + ": only they record its calls");
        });
    }
}
