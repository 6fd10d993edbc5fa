package com.opensvc.aftersales.dispatch.depot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.opensvc.aftersales.dispatch.workorder.WorkOrderEvent;

/**
 * What one step of a depot repair caused, for {@link DepotRepairRepository#save} to write in the caller's transaction:
 * the depot repair after it, its step lines (append-only, SEC-03) and its events.
 *
 * @param opens true when the change creates the depot repair (its row is inserted, not updated)
 */
record DepotRepairChange(DepotRepair repair, boolean opens, List<Step> steps, List<WorkOrderEvent> events) {

    /** One line of {@code depot_repair_step}; {@code from}/{@code to} are null for a step that changes no state. */
    record Step(Instant at, String actor, String step, DepotRepairState from, DepotRepairState to,
                Map<String, Object> details) {
    }

    DepotRepairChange {
        steps = List.copyOf(steps);
        events = List.copyOf(events);
    }

    static DepotRepairChange opened(DepotRepair repair, Step step) {
        return new DepotRepairChange(repair, true, List.of(step), List.of());
    }

    static DepotRepairChange of(DepotRepair repair, Step step) {
        return new DepotRepairChange(repair, false, List.of(step), List.of());
    }

    static DepotRepairChange quiet(DepotRepair repair) {
        return new DepotRepairChange(repair, false, List.of(), List.of());
    }

    /** This change followed by the one {@code next} causes on the repair as this change left it. */
    DepotRepairChange andThen(Function<DepotRepair, DepotRepairChange> next) {
        DepotRepairChange then = next.apply(repair);
        List<Step> allSteps = new ArrayList<>(steps);
        allSteps.addAll(then.steps);
        List<WorkOrderEvent> allEvents = new ArrayList<>(events);
        allEvents.addAll(then.events);
        return new DepotRepairChange(then.repair, opens || then.opens, allSteps, allEvents);
    }
}
