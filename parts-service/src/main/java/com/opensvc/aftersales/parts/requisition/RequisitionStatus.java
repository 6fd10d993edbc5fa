package com.opensvc.aftersales.parts.requisition;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.opensvc.aftersales.web.StateConflictException;

/**
 * A requisition's states and the one table of legal transitions. The state follows the lines: nothing allocated or
 * received → OPEN; some (all) allocated → PARTLY_ALLOCATED (ALLOCATED); some (all) received → PARTLY_RECEIVED
 * (RECEIVED). Only an OPEN requisition can be cancelled: once stock is on its way it runs to the end.
 */
public enum RequisitionStatus {
    OPEN, PARTLY_ALLOCATED, ALLOCATED, PARTLY_RECEIVED, RECEIVED, CANCELLED;

    private static final Map<RequisitionStatus, Set<RequisitionStatus>> LEGAL = Map.of(
            OPEN, EnumSet.of(OPEN, PARTLY_ALLOCATED, ALLOCATED, PARTLY_RECEIVED, RECEIVED, CANCELLED),
            PARTLY_ALLOCATED, EnumSet.of(PARTLY_ALLOCATED, ALLOCATED, PARTLY_RECEIVED, RECEIVED),
            ALLOCATED, EnumSet.of(PARTLY_RECEIVED, RECEIVED),
            PARTLY_RECEIVED, EnumSet.of(PARTLY_RECEIVED, RECEIVED),
            RECEIVED, EnumSet.noneOf(RequisitionStatus.class),
            CANCELLED, EnumSet.noneOf(RequisitionStatus.class));

    public boolean canBecome(RequisitionStatus target) {
        return LEGAL.get(this).contains(target);
    }

    public boolean isFinished() {
        return LEGAL.get(this).isEmpty();
    }

    /** @throws StateConflictException (409 with the current state) when the table does not allow it */
    public RequisitionStatus requireTransitionTo(RequisitionStatus target) {
        if (!canBecome(target)) {
            throw new StateConflictException("requisition", name(), "become " + target);
        }
        return target;
    }

    /** The state the lines' quantities put a requisition in. */
    static RequisitionStatus of(List<Requisition.Line> lines) {
        if (lines.stream().anyMatch(l -> l.received() > 0)) {
            return lines.stream().allMatch(l -> l.received() >= l.requested()) ? RECEIVED : PARTLY_RECEIVED;
        }
        if (lines.stream().anyMatch(l -> l.allocated() > 0)) {
            return lines.stream().allMatch(l -> l.allocated() >= l.requested()) ? ALLOCATED : PARTLY_ALLOCATED;
        }
        return OPEN;
    }
}
