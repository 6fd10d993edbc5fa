package com.opensvc.aftersales.revisit.happycall;

import java.util.UUID;

/**
 * INT-26: what happycall asks the review of a revisit before changing a finished revisit, so happycall never reads the
 * review's tables (the review feature implements it).
 */
public interface RevisitLocks {

    /**
     * The survey of a finished revisit may be corrected only while its review allows it: returned as faulty, or
     * unlocked by the service director. Serialises with the review's own steps (the review row is locked for the
     * caller's transaction).
     *
     * @throws com.opensvc.aftersales.web.StateConflictException 409 with the review state (e.g. {@code LOCKED})
     */
    void requireCorrectable(UUID revisitId);
}
