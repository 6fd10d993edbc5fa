package com.opensvc.aftersales.parts.requisition;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.opensvc.aftersales.parts.requisition.RequisitionEvent.ReplenishmentRequested;
import com.opensvc.aftersales.parts.stock.PartLine;
import com.opensvc.aftersales.web.InvalidFieldException;
import com.opensvc.aftersales.web.InvalidFieldException.FieldError;
import com.opensvc.aftersales.web.StateConflictException;

/**
 * Issue 13, PRT-01: a request for stock at {@code location} — a purchase from a supplier (central warehouse or a
 * store), or a store's replenishment from the central warehouse. Each line counts what was requested, allocated (in
 * transit from the central warehouse, replenishment only) and received; the state follows the counts.
 *
 * @param demands where an automatic requisition's quantities came from (the backordered work orders)
 */
public record Requisition(UUID id, RequisitionKind kind, RequisitionOrigin origin, String location,
                          String supplier, String note, RequisitionStatus status, List<Line> lines,
                          List<Demand> demands, List<Allocation> allocations, String createdBy, Instant createdAt,
                          Instant updatedAt, int version) {

    /** One part: requested, allocated (in transit to the store) and received at the location. */
    public record Line(String partNumber, int requested, int allocated, int received) {
        /** What the central warehouse may still allocate. */
        int toAllocate() {
            return requested - allocated;
        }

        /** What may still arrive: allocated and not received (replenishment), requested and not received (purchase). */
        int toReceive(RequisitionKind kind) {
            return (kind == RequisitionKind.REPLENISHMENT ? allocated : requested) - received;
        }
    }

    /** A backordered work order's missing quantity that an automatic requisition collected (PRT-01). */
    public record Demand(String partNumber, int quantity, UUID workOrderId, UUID ticketId, UUID backorderId,
                         String actor, Instant addedAt) {
    }

    /** A new requisition for {@code lines}, announced with {@code ReplenishmentRequested}. */
    static RequisitionChange raise(UUID id, RequisitionKind kind, RequisitionOrigin origin, String location, String supplier,
                                   String note, List<PartLine> lines, List<Demand> demands, UUID workOrderId,
                                   UUID ticketId, UUID backorderId, String actor, Instant now) {
        List<Line> requested = merge(List.of(), lines);
        Requisition raised = new Requisition(id, kind, origin, location, supplier, note,
                RequisitionStatus.OPEN, requested, List.copyOf(demands), List.of(), actor, now, now, 0);
        return new RequisitionChange(raised, now, demands, null, List.of(raised.requested(lines, workOrderId,
                ticketId, backorderId, actor, now)));
    }

    /** PRT-01: an open automatic requisition collects a further shortage at its store. */
    RequisitionChange grow(List<PartLine> missing, List<Demand> added, UUID workOrderId, UUID ticketId,
                           UUID backorderId, String actor, Instant now) {
        RequisitionStatus next = status.requireTransitionTo(RequisitionStatus.OPEN);
        List<Demand> allDemands = new ArrayList<>(demands);
        allDemands.addAll(added);
        Requisition grown = new Requisition(id, kind, origin, location, supplier, note, next, merge(lines, missing),
                List.copyOf(allDemands), allocations, createdBy, createdAt, now, version + 1);
        return new RequisitionChange(grown, now, added, null, List.of(grown.requested(missing, workOrderId, ticketId,
                backorderId, actor, now)));
    }

    /**
     * The central warehouse sends {@code sent} (indexed as the request's {@code lines[i]}) to the store's in-transit
     * location: never a part the requisition does not ask for, never more than it still needs (400 naming the line).
     */
    RequisitionChange allocate(UUID allocationId, String packingList, String from, String transit,
                               List<PartLine> sent, String actor, Instant now) {
        if (kind != RequisitionKind.REPLENISHMENT) {
            throw new StateConflictException("requisition " + id, kind.name(), "be allocated from the central warehouse");
        }
        requireNotFinished("allocate");
        Map<String, Line> byPart = byPart();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            PartLine line = sent.get(i);
            Line wanted = byPart.get(line.partNumber());
            if (wanted == null) {
                errors.add(new FieldError("lines[" + i + "].partNumber", "is not on requisition " + id));
            } else if (line.quantity() > wanted.toAllocate()) {
                errors.add(new FieldError("lines[" + i + "].quantity", "is more than the " + wanted.toAllocate()
                        + " of " + line.partNumber() + " the requisition still needs"));
            } else {
                byPart.put(line.partNumber(), new Line(wanted.partNumber(), wanted.requested(),
                        wanted.allocated() + line.quantity(), wanted.received()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        Allocation allocation = new Allocation(allocationId, id, packingList, from, transit, List.copyOf(sent), actor,
                now);
        List<Allocation> allAllocations = new ArrayList<>(allocations);
        allAllocations.add(allocation);
        return changed(List.copyOf(byPart.values()), List.copyOf(allAllocations), allocation, now);
    }

    /**
     * Receiving by packing list: each of {@code arrived} (indexed as the receipt's {@code lines[i]}) must be on the
     * requisition and no more than has yet to arrive (allocated and not received, or for a purchase requested and
     * not received) — 400 naming the line.
     */
    RequisitionChange receive(List<PartLine> arrived, Instant now) {
        requireNotFinished("receive");
        Map<String, Line> byPart = byPart();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < arrived.size(); i++) {
            PartLine line = arrived.get(i);
            Line wanted = byPart.get(line.partNumber());
            if (wanted == null) {
                errors.add(new FieldError("lines[" + i + "].partNumber", "is not on requisition " + id));
            } else if (line.quantity() > wanted.toReceive(kind)) {
                errors.add(new FieldError("lines[" + i + "].quantity", "is more than the " + wanted.toReceive(kind)
                        + " of " + line.partNumber() + " outstanding on requisition " + id
                        + (kind == RequisitionKind.REPLENISHMENT ? " (allocated and not yet received)" : "")));
            } else {
                byPart.put(line.partNumber(), new Line(wanted.partNumber(), wanted.requested(), wanted.allocated(),
                        wanted.received() + line.quantity()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        return changed(List.copyOf(byPart.values()), allocations, null, now);
    }

    /** Only an OPEN requisition can be cancelled (409 otherwise): nothing of it is on its way. */
    RequisitionChange cancel(Instant now) {
        RequisitionStatus next = status.requireTransitionTo(RequisitionStatus.CANCELLED);
        return new RequisitionChange(new Requisition(id, kind, origin, location, supplier, note, next, lines, demands,
                allocations, createdBy, createdAt, now, version + 1), now, List.of(), null, List.of());
    }

    private void requireNotFinished(String action) {
        if (status.isFinished()) {
            throw new StateConflictException("requisition " + id, status.name(), action);
        }
    }

    private RequisitionChange changed(List<Line> newLines, List<Allocation> newAllocations, Allocation allocation,
                                      Instant now) {
        RequisitionStatus next = status.requireTransitionTo(RequisitionStatus.of(newLines));
        return new RequisitionChange(new Requisition(id, kind, origin, location, supplier, note, next, newLines,
                demands, newAllocations, createdBy, createdAt, now, version + 1), now, List.of(), allocation,
                List.of());
    }

    private ReplenishmentRequested requested(List<PartLine> added, UUID workOrderId, UUID ticketId, UUID backorderId,
                                             String actor, Instant now) {
        return new ReplenishmentRequested(id, kind, location,
                lines.stream().map(l -> new PartLine(l.partNumber(), l.requested())).toList(), List.copyOf(added),
                origin, workOrderId, ticketId, backorderId, actor, now);
    }

    private Map<String, Line> byPart() {
        Map<String, Line> byPart = new LinkedHashMap<>();
        lines.forEach(l -> byPart.put(l.partNumber(), l));
        return byPart;
    }

    /** The lines with {@code more} added to the requested quantities, in part-number order. */
    private static List<Line> merge(List<Line> lines, List<PartLine> more) {
        Map<String, Line> byPart = new java.util.TreeMap<>();
        lines.forEach(l -> byPart.put(l.partNumber(), l));
        for (PartLine line : more) {
            byPart.merge(line.partNumber(), new Line(line.partNumber(), line.quantity(), 0, 0),
                    (a, b) -> new Line(a.partNumber(), a.requested() + b.requested(), a.allocated(), a.received()));
        }
        return List.copyOf(byPart.values());
    }
}
