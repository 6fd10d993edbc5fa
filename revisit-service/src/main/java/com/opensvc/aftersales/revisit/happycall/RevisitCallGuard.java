package com.opensvc.aftersales.revisit.happycall;

/**
 * A check another feature makes before an agent records a call on a revisit (an outcome or an unanswered attempt),
 * after the INT-12 check and in the same transaction; it refuses by throwing (e.g. {@code ForbiddenException} → 403).
 * Every such bean is asked (agenda: a revisit assigned to another agent is theirs to call).
 */
public interface RevisitCallGuard {
    void beforeCall(Revisit revisit, String agent);
}
