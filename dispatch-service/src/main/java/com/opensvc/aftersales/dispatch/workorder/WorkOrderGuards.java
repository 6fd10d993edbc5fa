package com.opensvc.aftersales.dispatch.workorder;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Conditions other features put on a work order's writes, without the work order reading their tables: the work
 * order asks, the feature that owns the condition answers (a {@link com.opensvc.aftersales.web.StateConflictException},
 * 409, to refuse). The conditions are Spring beans implementing the nested interfaces; none means no condition.
 */
@Component
public class WorkOrderGuards {
    // resolved at each check, not at construction: the features that answer depend on the work order service
    private final Supplier<List<Locks>> locks;
    private final Supplier<List<Arrival>> arrivals;
    private final Supplier<List<OnSiteVisit>> onSiteVisits;

    WorkOrderGuards(ObjectProvider<Locks> locks, ObjectProvider<Arrival> arrivals, ObjectProvider<OnSiteVisit> onSiteVisits) {
        this.locks = () -> locks.orderedStream().toList();
        this.arrivals = () -> arrivals.orderedStream().toList();
        this.onSiteVisits = () -> onSiteVisits.orderedStream().toList();
    }

    void requireUnlocked(UUID workOrderId, String attempted) {
        locks.get().forEach(l -> l.requireUnlocked(workOrderId, attempted));
    }

    void requireArrivalAllowed(WorkOrder workOrder) {
        arrivals.get().forEach(a -> a.requireArrivalAllowed(workOrder));
    }

    void requireOnSiteVisitAllowed(WorkOrder workOrder) {
        onSiteVisits.get().forEach(v -> v.checkOnSiteVisit(workOrder));
    }

    /** INT-26: a locked work order cannot be changed (package {@code review}). */
    public interface Locks {
        /** @throws com.opensvc.aftersales.web.StateConflictException (409, currentState LOCKED) when it is locked */
        void requireUnlocked(UUID workOrderId, String attempted);
    }

    /** DSP-11: the technician's arrival on site may wait for another feature (an installation's entry review). */
    public interface Arrival {
        /** @throws com.opensvc.aftersales.web.StateConflictException (409) when the technician may not go on site yet */
        void requireArrivalAllowed(WorkOrder workOrder);
    }

    /** DSP-07: an on-site visit may be refused by another feature (a depot repair closes by returning the product). */
    public interface OnSiteVisit {
        /** @throws com.opensvc.aftersales.web.StateConflictException (409) when no on-site visit may be recorded */
        void checkOnSiteVisit(WorkOrder workOrder);
    }
}
