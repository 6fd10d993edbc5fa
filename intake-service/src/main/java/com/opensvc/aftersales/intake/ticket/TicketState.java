package com.opensvc.aftersales.intake.ticket;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import com.opensvc.aftersales.web.StateConflictException;

/**
 * INT-13: the ticket's states and the one table of legal transitions. REGISTERED, ACCEPTED and REOPENED may go
 * straight to RESOLVED when a complaint is handled without a work order (INT-11: the finished form is back). An
 * accepted ticket (ACCEPTED, IN_SERVICE) whose entitlement becomes PAID waits in AWAITING_QUOTE and goes back to
 * ACCEPTED or IN_SERVICE once its quote is approved (INT-07, INT-08).
 */
public enum TicketState {
    REGISTERED, AWAITING_QUOTE, PENDING, ACCEPTED, IN_SERVICE, RESOLVED, CLOSED, REOPENED,
    REJECTED, CANCELLED, RESOLVED_REMOTELY, DECLINED_PAID_SERVICE;

    private static final Map<TicketState, Set<TicketState>> LEGAL = Map.ofEntries(
            Map.entry(REGISTERED, EnumSet.of(ACCEPTED, AWAITING_QUOTE, PENDING, REJECTED, CANCELLED, RESOLVED_REMOTELY,
                    RESOLVED)),
            Map.entry(AWAITING_QUOTE, EnumSet.of(ACCEPTED, IN_SERVICE, DECLINED_PAID_SERVICE, CANCELLED)),
            Map.entry(PENDING, EnumSet.of(REGISTERED, ACCEPTED, IN_SERVICE, REOPENED, CANCELLED)),
            Map.entry(ACCEPTED, EnumSet.of(IN_SERVICE, AWAITING_QUOTE, PENDING, CANCELLED, RESOLVED)),
            Map.entry(IN_SERVICE, EnumSet.of(RESOLVED, AWAITING_QUOTE, PENDING)),
            Map.entry(RESOLVED, EnumSet.of(CLOSED, REOPENED)),
            Map.entry(REOPENED, EnumSet.of(ACCEPTED, REJECTED, PENDING, RESOLVED)),
            Map.entry(CLOSED, EnumSet.noneOf(TicketState.class)),
            Map.entry(REJECTED, EnumSet.of(REOPENED)),
            Map.entry(CANCELLED, EnumSet.noneOf(TicketState.class)),
            Map.entry(RESOLVED_REMOTELY, EnumSet.noneOf(TicketState.class)),
            Map.entry(DECLINED_PAID_SERVICE, EnumSet.noneOf(TicketState.class)));

    private static final Set<TicketState> TERMINAL = EnumSet.of(CLOSED, CANCELLED, RESOLVED_REMOTELY, DECLINED_PAID_SERVICE);

    /** No further work happens on a terminal ticket ({@code REJECTED} may still be reopened, INT-19). */
    public boolean isTerminal() {
        return TERMINAL.contains(this);
    }

    /** States in which the ticket is still being worked on (duplicates, caller lookup's "open tickets"). */
    public static Set<TicketState> open() {
        return EnumSet.complementOf(EnumSet.of(CLOSED, CANCELLED, REJECTED, RESOLVED_REMOTELY, DECLINED_PAID_SERVICE));
    }

    public boolean canBecome(TicketState target) {
        return LEGAL.get(this).contains(target);
    }

    /** @throws StateConflictException (409 with the current state) when the table does not allow it */
    public TicketState requireTransitionTo(TicketState target) {
        if (!canBecome(target)) {
            throw new StateConflictException("ticket", name(), "become " + target);
        }
        return target;
    }
}
