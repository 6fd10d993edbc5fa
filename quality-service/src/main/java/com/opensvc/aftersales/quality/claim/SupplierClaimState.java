package com.opensvc.aftersales.quality.claim;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import com.opensvc.aftersales.web.StateConflictException;

/**
 * QLT-09: a supplier claim's states and the one table of legal transitions. NEEDS_SUPPLIER: the part is not registered
 * as purchased yet (registering it opens the claim). SETTLED (money recovered) and CLOSED are final.
 */
public enum SupplierClaimState {
    NEEDS_SUPPLIER, OPEN, SUBMITTED, ACCEPTED, REJECTED, SETTLED, CLOSED;

    private static final Map<SupplierClaimState, Set<SupplierClaimState>> LEGAL = Map.of(
            NEEDS_SUPPLIER, EnumSet.of(OPEN, CLOSED),
            OPEN, EnumSet.of(SUBMITTED, CLOSED),
            SUBMITTED, EnumSet.of(ACCEPTED, REJECTED),
            ACCEPTED, EnumSet.of(SETTLED, CLOSED),
            REJECTED, EnumSet.of(CLOSED),
            SETTLED, EnumSet.noneOf(SupplierClaimState.class),
            CLOSED, EnumSet.noneOf(SupplierClaimState.class));

    public boolean canBecome(SupplierClaimState target) {
        return LEGAL.get(this).contains(target);
    }

    /** @throws StateConflictException (409 with the current state) when the table does not allow it */
    public SupplierClaimState requireTransitionTo(SupplierClaimState target, String attempted) {
        if (!canBecome(target)) {
            throw new StateConflictException("supplier claim", name(), attempted);
        }
        return target;
    }
}
