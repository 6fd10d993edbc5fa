package com.opensvc.aftersales.dispatch.technician;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * DSP-02: an available technician whose skills cover the product line and whose region covers the customer,
 * with the fewest open work orders, ties broken by longest idle, never one at daily capacity.
 */
public final class TechnicianProposal {
    private static final Comparator<Candidate> PREFERENCE = Comparator
            .comparingInt(Candidate::openWorkOrders)
            .thenComparing(c -> c.lastAssignedAt() == null ? Instant.MIN : c.lastAssignedAt())
            .thenComparing(Candidate::login);

    private TechnicianProposal() {
    }

    public static Optional<Candidate> propose(Collection<Candidate> candidates, String productLine, String region) {
        return candidates.stream()
                .filter(Candidate::available)
                .filter(c -> productLine == null || c.productLines().contains(productLine))
                .filter(c -> region != null && c.regions().contains(region))
                .filter(c -> c.openWorkOrders() < c.dailyCapacity())
                .min(PREFERENCE);
    }
}
