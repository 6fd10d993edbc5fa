package com.opensvc.aftersales.parts.loan;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import com.opensvc.aftersales.web.StateConflictException;

/**
 * PRT-01: where a parts request (a reservation) stands, and the one table of legal moves (409 naming the current
 * state otherwise).
 *
 * <pre>
 * REQUESTED ─┬→ AWAITING_APPROVAL ─┬→ ISSUED | PARTLY_ISSUED | BACKORDERED   (approved)
 *            │                     ├→ REJECTED                              (refused, stock released)
 *            │                     └→ SUPERSEDED
 *            ├→ ISSUED
 *            ├→ PARTLY_ISSUED ─→ ISSUED | SUPERSEDED            (ISSUE_AVAILABLE)
 *            └→ BACKORDERED ───→ ISSUED | PARTLY_ISSUED | SUPERSEDED
 * </pre>
 */
public enum ReservationState {
    /** Only in memory while the request is being decided; never stored. */
    REQUESTED,
    /** Its value is above the auto-approval limit: available stock is reserved, nothing issues until approved. */
    AWAITING_APPROVAL,
    /** Some lines are short: they wait as a backorder; what was available stays reserved for the order. */
    BACKORDERED,
    /** ISSUE_AVAILABLE: the available lines were issued, the rest waits as a backorder. */
    PARTLY_ISSUED,
    /** Every line was issued to the technician. */
    ISSUED,
    /** The storekeeper refused it; its stock was released. */
    REJECTED,
    /** A newer request for the same work order replaced it; its stock was released. */
    SUPERSEDED,
    /** Its work order was cancelled (dispatch's WorkOrderCancelled); its stock was released. */
    CANCELLED;

    private static final Map<ReservationState, Set<ReservationState>> LEGAL = Map.of(
            REQUESTED, EnumSet.of(AWAITING_APPROVAL, ISSUED, PARTLY_ISSUED, BACKORDERED),
            AWAITING_APPROVAL, EnumSet.of(ISSUED, PARTLY_ISSUED, BACKORDERED, REJECTED, SUPERSEDED, CANCELLED),
            BACKORDERED, EnumSet.of(BACKORDERED, ISSUED, PARTLY_ISSUED, SUPERSEDED, CANCELLED),
            PARTLY_ISSUED, EnumSet.of(PARTLY_ISSUED, ISSUED, SUPERSEDED, CANCELLED),
            ISSUED, EnumSet.noneOf(ReservationState.class),
            REJECTED, EnumSet.noneOf(ReservationState.class),
            SUPERSEDED, EnumSet.noneOf(ReservationState.class),
            CANCELLED, EnumSet.noneOf(ReservationState.class));

    /** The states of a request still alive: it holds stock or waits for it. */
    static final Set<ReservationState> ACTIVE = EnumSet.of(AWAITING_APPROVAL, BACKORDERED, PARTLY_ISSUED);

    public boolean canBecome(ReservationState target) {
        return LEGAL.get(this).contains(target);
    }

    /** @throws StateConflictException (409 with the current state) when the table does not allow it */
    public ReservationState requireTransitionTo(ReservationState target) {
        if (!canBecome(target)) {
            throw new StateConflictException("reservation", name(), "become " + target);
        }
        return target;
    }
}
