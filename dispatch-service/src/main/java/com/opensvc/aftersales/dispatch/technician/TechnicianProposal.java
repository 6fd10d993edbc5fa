package com.opensvc.aftersales.dispatch.technician;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * DSP-02, exactly as written: an available technician (AVAILABLE, not retired) whose skills cover the product line
 * and whose regions (or service points) cover the customer's region, with the fewest open work orders, ties broken by
 * longest idle (never assigned counts as idle longest), never one over daily capacity. A supervisor's own choice is
 * checked against the same clauses ({@link #unmet}).
 *
 * <p><b>Daily capacity</b> counts, in one place ({@link #loadToday}): the technician's work orders still open (whenever
 * they were assigned) plus those assigned to them today (company zone) that have closed since. A technician may take
 * one more order only while that load is below their capacity.
 */
public final class TechnicianProposal {
    private static final Comparator<Candidate> PREFERENCE = Comparator
            .comparingInt(Candidate::openWorkOrders)
            .thenComparing(c -> c.lastAssignedAt() == null ? Instant.MIN : c.lastAssignedAt())
            .thenComparing(Candidate::login);

    /** A clause of the rule a technician does not meet, in the order they are checked. */
    public enum Unmet {
        RETIRED("is retired"),
        ABSENT("is absent (working status is not AVAILABLE)"),
        SKILL("has no skill for the product line"),
        REGION("does not cover the customer's region"),
        CAPACITY("is at daily capacity");

        private final String text;

        Unmet(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    private TechnicianProposal() {
    }

    /** The load that counts against the daily capacity: still-open orders plus today's assignments closed since. */
    public static int loadToday(int openWorkOrders, int assignedTodayAndClosed) {
        return openWorkOrders + assignedTodayAndClosed;
    }

    /** Every clause of DSP-02 the technician does not meet for an order of this product line and region. */
    public static List<Unmet> unmet(Candidate c, String productLine, String region) {
        List<Unmet> unmet = new ArrayList<>();
        if (c.retired()) {
            unmet.add(Unmet.RETIRED);
        }
        if (c.workingStatus().absent()) {
            unmet.add(Unmet.ABSENT);
        }
        if (!skilled(c, productLine)) {
            unmet.add(Unmet.SKILL);
        }
        if (!covers(c, region)) {
            unmet.add(Unmet.REGION);
        }
        if (c.loadToday() >= c.dailyCapacity()) {
            unmet.add(Unmet.CAPACITY);
        }
        return unmet;
    }

    /** Skill and region: what a backup must meet to be named (availability and load count when they take over). */
    public static boolean canCover(Candidate c, String productLine, String region) {
        return !c.retired() && skilled(c, productLine) && covers(c, region);
    }

    public static Optional<Candidate> propose(Collection<Candidate> candidates, String productLine, String region) {
        return ranked(candidates, productLine, region, Set.of()).stream().findFirst();
    }

    /** Everyone who qualifies, best first, leaving out {@code excluded} (e.g. who handed the order back, DSP-04). */
    public static List<Candidate> ranked(Collection<Candidate> candidates, String productLine, String region,
                                         Set<String> excluded) {
        if (region == null) {
            return List.of();
        }
        return candidates.stream()
                .filter(c -> !excluded.contains(c.login()))
                .filter(c -> unmet(c, productLine, region).isEmpty())
                .sorted(PREFERENCE)
                .toList();
    }

    private static boolean skilled(Candidate c, String productLine) {
        return productLine == null || c.productLines().contains(productLine);
    }

    /** An order without a region cannot be proposed for; a supervisor's choice for it is not held to a region. */
    private static boolean covers(Candidate c, String region) {
        return region == null || c.regions().contains(region);
    }
}
