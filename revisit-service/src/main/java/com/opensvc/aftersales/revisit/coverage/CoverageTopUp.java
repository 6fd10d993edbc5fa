package com.opensvc.aftersales.revisit.coverage;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import com.opensvc.aftersales.revisit.happycall.Revisit;

/**
 * REV-01 (§11) the month-end top-up's audit record: for a technician none of whose completed work orders that month
 * got a happy call, which order was called instead, and why. The choice is deterministic: among the technician's
 * orders of the month, those whose 7-day window is still open at the run come first, then the lowest sampling value
 * (the same SHA-256 value as the decision's), then the work-order id. The happy call is due 7 days after the chosen
 * order's completion, or — when no order's window is open any more — 7 days after the run ({@link DueBasis}).
 *
 * @param candidates every order considered, in the order of preference (the first is the one chosen)
 */
public record CoverageTopUp(String technicianId, YearMonth month, UUID workOrderId, UUID ticketId, UUID revisitId,
                            Instant completedAt, double hashValue, boolean windowOpen, DueBasis dueBasis, Instant dueBy,
                            List<Candidate> candidates, UUID runId, String actor, Instant toppedUpAt) {

    /** What the happy call's 7 days are counted from. */
    public enum DueBasis {
        /** The chosen order's window was still open: due 7 days after its completion, like any happy call. */
        COMPLETION,
        /** No order's window was open at the run: due 7 days after the run, late by the difference. */
        TOP_UP_RUN
    }

    /**
     * One completed work order of the technician's month, as the top-up saw it.
     *
     * @param windowOpen completed less than 7 days before the run, so a call can still be made within REV-01's 7 days
     */
    public record Candidate(UUID workOrderId, UUID ticketId, Instant completedAt, double hashValue,
                            boolean windowOpen) {
    }

    /** Order of preference: window still open, then lowest sampling value, then work-order id. */
    static final Comparator<Candidate> PREFERENCE = Comparator.comparing((Candidate c) -> !c.windowOpen())
            .thenComparingDouble(Candidate::hashValue).thenComparing(Candidate::workOrderId);

    /** Whether an order completed at {@code completedAt} can still be called within its 7 days at {@code runAt}. */
    static boolean windowOpen(Instant completedAt, Instant runAt) {
        return completedAt.plus(Revisit.HAPPY_CALL_WINDOW).isAfter(runAt);
    }

    /** The technician's orders in the order of preference; the first is the one to call. */
    static List<Candidate> rank(List<Candidate> orders) {
        return orders.stream().sorted(PREFERENCE).toList();
    }

    /** The choice for a technician's month: the first of the ranked candidates, due as {@link DueBasis} says. */
    static Choice choose(List<Candidate> orders) {
        List<Candidate> ranked = rank(orders);
        Candidate chosen = ranked.getFirst();
        return new Choice(chosen, ranked, chosen.windowOpen() ? DueBasis.COMPLETION : DueBasis.TOP_UP_RUN);
    }

    /** The start of the chosen call's 7 days: the order's completion or the run. */
    static Instant windowStart(Choice choice, Instant runAt) {
        return choice.dueBasis() == DueBasis.COMPLETION ? choice.chosen().completedAt() : runAt;
    }

    record Choice(Candidate chosen, List<Candidate> ranked, DueBasis dueBasis) {
    }
}
