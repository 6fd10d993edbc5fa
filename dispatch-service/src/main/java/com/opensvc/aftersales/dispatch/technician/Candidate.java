package com.opensvc.aftersales.dispatch.technician;

import java.time.Instant;
import java.util.Set;

/**
 * A technician as the proposal sees them: skills, regions (or service points), working status, load and when they
 * were last given work.
 *
 * @param openWorkOrders the work orders assigned to them and still open (the proposal's "fewest open")
 * @param loadToday      what counts against the daily capacity ({@link TechnicianProposal#loadToday})
 */
public record Candidate(String login, Set<String> productLines, Set<String> regions, WorkingStatus workingStatus,
                        boolean retired, int openWorkOrders, int loadToday, int dailyCapacity, Instant lastAssignedAt,
                        String defaultBackup) {

    /** Convenience for tests: an AVAILABLE (or OFF_DUTY) technician whose load today is their open orders. */
    public Candidate(String login, Set<String> productLines, Set<String> regions, boolean available,
                     int openWorkOrders, int dailyCapacity, Instant lastAssignedAt) {
        this(login, productLines, regions, available ? WorkingStatus.AVAILABLE : WorkingStatus.OFF_DUTY, false,
                openWorkOrders, openWorkOrders, dailyCapacity, lastAssignedAt, null);
    }

    /** At work and not retired. */
    public boolean available() {
        return !retired && !workingStatus.absent();
    }
}
