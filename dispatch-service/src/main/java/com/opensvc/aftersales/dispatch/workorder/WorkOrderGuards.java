package com.opensvc.aftersales.dispatch.workorder;

import java.util.UUID;

/**
 * Conditions other features put on a work order's writes, without the work order reading their tables: the work
 * order asks, the feature that owns the condition answers (a {@link com.opensvc.aftersales.web.StateConflictException},
 * 409, to refuse). Implementations are Spring beans; none means no condition.
 */
public final class WorkOrderGuards {
    private WorkOrderGuards() {
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
}
