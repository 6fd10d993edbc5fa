package com.opensvc.aftersales.dispatch.workorder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * What one transition of a work order caused, for {@link WorkOrderRepository#save} to write in the caller's
 * transaction: the work order after it, the visit it recorded (if any), its history lines (SEC-03) and its events;
 * {@code signals} are in-process only ({@link WorkOrderSignals}), published by the service after the save.
 *
 * @param opens true when the change creates the work order (its row is inserted, not updated)
 */
record WorkOrderChange(WorkOrder workOrder, boolean opens, List<Visit> visits, List<HistoryLine> history,
                       List<WorkOrderEvent> events, List<Object> signals) {

    /** One line of {@code work_order_history}; {@code from}/{@code to} are null for a note that changes no state. */
    record HistoryLine(Instant at, String actor, String action, WorkOrderState from, WorkOrderState to) {
        /** The line that opens the history: no state before it. */
        static HistoryLine first(Instant at, String actor, String action, WorkOrderState to) {
            return new HistoryLine(at, actor, action, null, to);
        }

        static HistoryLine note(Instant at, String actor, String action) {
            return new HistoryLine(at, actor, action, null, null);
        }
    }

    /** DSP-05: what the technician recorded on site. */
    record Visit(UUID id, UUID workOrderId, String technician, RecordVisitRequest report, Instant recordedAt) {
    }

    WorkOrderChange {
        visits = List.copyOf(visits);
        history = List.copyOf(history);
        events = List.copyOf(events);
        signals = List.copyOf(signals);
    }

    static WorkOrderChange opened(WorkOrder workOrder, HistoryLine line, WorkOrderEvent event) {
        return new WorkOrderChange(workOrder, true, List.of(), List.of(line), List.of(event), List.of());
    }

    static WorkOrderChange of(WorkOrder workOrder, HistoryLine line, List<WorkOrderEvent> events) {
        return new WorkOrderChange(workOrder, false, List.of(), List.of(line), events, List.of());
    }

    /** A change of the row alone: no history, no event (e.g. the proposed technician, DSP-02). */
    static WorkOrderChange quiet(WorkOrder workOrder) {
        return new WorkOrderChange(workOrder, false, List.of(), List.of(), List.of(), List.of());
    }

    WorkOrderChange withVisit(Visit visit) {
        List<Visit> all = new ArrayList<>(visits);
        all.add(visit);
        return new WorkOrderChange(workOrder, opens, all, history, events, signals);
    }

    WorkOrderChange withSignal(Object signal) {
        List<Object> all = new ArrayList<>(signals);
        all.add(signal);
        return new WorkOrderChange(workOrder, opens, visits, history, events, all);
    }

    /** This change followed by the one {@code next} causes on the work order as this change left it. */
    WorkOrderChange andThen(Function<WorkOrder, WorkOrderChange> next) {
        WorkOrderChange then = next.apply(workOrder);
        return new WorkOrderChange(then.workOrder, opens || then.opens, concat(visits, then.visits),
                concat(history, then.history), concat(events, then.events), concat(signals, then.signals));
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
