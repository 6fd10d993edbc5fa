package com.opensvc.aftersales.intake.quote;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import com.opensvc.aftersales.web.StateConflictException;

/** INT-08: a quote's states and the one table of legal transitions. */
public enum QuoteState {
    ISSUED, ACCEPTED_BY_CUSTOMER, AWAITING_MANAGER, APPROVED, DECLINED, EXPIRED, SUPERSEDED;

    private static final Map<QuoteState, Set<QuoteState>> LEGAL = Map.of(
            ISSUED, EnumSet.of(ACCEPTED_BY_CUSTOMER, DECLINED, EXPIRED, SUPERSEDED),
            ACCEPTED_BY_CUSTOMER, EnumSet.of(APPROVED, AWAITING_MANAGER, DECLINED, EXPIRED, SUPERSEDED),
            AWAITING_MANAGER, EnumSet.of(APPROVED, DECLINED, EXPIRED, SUPERSEDED),
            APPROVED, EnumSet.of(SUPERSEDED),
            DECLINED, EnumSet.noneOf(QuoteState.class),
            EXPIRED, EnumSet.noneOf(QuoteState.class),
            SUPERSEDED, EnumSet.noneOf(QuoteState.class));

    /** States the expiry job looks at: not yet fully approved, not closed. */
    public static final Set<QuoteState> OPEN = EnumSet.of(ISSUED, ACCEPTED_BY_CUSTOMER, AWAITING_MANAGER);

    public boolean canBecome(QuoteState target) {
        return LEGAL.get(this).contains(target);
    }

    /** @throws StateConflictException (409 with the current state) when the table does not allow it */
    public QuoteState requireTransitionTo(QuoteState target) {
        if (!canBecome(target)) {
            throw new StateConflictException("quote", name(), "become " + target);
        }
        return target;
    }
}
