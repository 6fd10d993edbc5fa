package com.opensvc.aftersales.dispatch.depot;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import com.opensvc.aftersales.web.StateConflictException;

/** DSP-07: the depot repair's steps, the one table of legal moves and the one place that refuses (409). */
public enum DepotRepairState {
    /** The return authorisation / receipt number is issued; the product is on its way (not on the clock). */
    AUTHORISED,
    /** Received at the depot (the clock runs); waiting for, or under, repair; a failed test comes back here. */
    IN_REPAIR,
    /** RETURN_TO_FACTORY: away at the factory; the clock is paused (transit and the factory's time excluded). */
    AT_FACTORY,
    /** The repair report is recorded; waiting for the test. */
    REPAIRED,
    /** The test passed; ready to go back. */
    TESTED,
    /** Handed to the carrier (or into stock, EXCHANGE_FIRST): the clock stops, the work order is closed; a loaner is still out. */
    RETURNED,
    /** Nothing outstanding: returned, and no loaner out (it came back, or the customer keeps it by decision). */
    CLOSED;

    private static final Map<DepotRepairState, Set<DepotRepairState>> LEGAL = Map.of(
            AUTHORISED, EnumSet.of(IN_REPAIR),
            IN_REPAIR, EnumSet.of(REPAIRED, AT_FACTORY),
            AT_FACTORY, EnumSet.of(IN_REPAIR),
            REPAIRED, EnumSet.of(TESTED, IN_REPAIR),
            TESTED, EnumSet.of(RETURNED),
            RETURNED, EnumSet.of(CLOSED),
            CLOSED, EnumSet.noneOf(DepotRepairState.class));

    /** Received and not yet handed to the carrier: the clock runs (unless paused at the factory). */
    private static final Set<DepotRepairState> ON_THE_CLOCK = EnumSet.of(IN_REPAIR, AT_FACTORY, REPAIRED, TESTED);

    public boolean canBecome(DepotRepairState target) {
        return LEGAL.get(this).contains(target);
    }

    boolean onTheClock() {
        return ON_THE_CLOCK.contains(this);
    }

    DepotRepairState requireTransitionTo(DepotRepairState target) {
        if (!canBecome(target)) {
            throw conflict("become " + target);
        }
        return target;
    }

    StateConflictException conflict(String attempted) {
        return new StateConflictException("depot repair", name(), attempted);
    }
}
