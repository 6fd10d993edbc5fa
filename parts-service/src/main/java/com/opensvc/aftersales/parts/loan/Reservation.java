package com.opensvc.aftersales.parts.loan;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.opensvc.aftersales.parts.loan.PartsEvent.IssuedLine;
import com.opensvc.aftersales.parts.loan.PartsEvent.PartsBackordered;
import com.opensvc.aftersales.parts.loan.PartsEvent.PartsIssued;
import com.opensvc.aftersales.parts.loan.PartsEvent.PartsRequestRejected;
import com.opensvc.aftersales.parts.loan.PartsEvent.Shortage;
import com.opensvc.aftersales.parts.stock.PartLine;
import com.opensvc.aftersales.parts.stock.StockService;
import com.opensvc.aftersales.web.StateConflictException;

/**
 * PRT-01: a parts request for a work order, as a reservation at the technician's store: per part what was asked
 * for, what is reserved there now (the store's {@code stock.reserved}) and what was already issued. The aggregate
 * decides; {@link IssueService} reserves, issues and releases the stock it names.
 *
 * @param value            Σ quantity × catalogue unit price (a part without a price counts 0), compared with the
 *                         auto-approval limit
 * @param approvalRequired the value was above the limit when requested: nothing issues before a storekeeper approves
 * @param decidedBy        the storekeeper who approved or rejected it
 */
public record Reservation(UUID id, UUID workOrderId, UUID ticketId, String technicianId, String fromLocation,
                          ReservationState status, List<Line> lines, BigDecimal value, String currency,
                          boolean approvalRequired, String requestedBy, String decidedBy, Instant decidedAt,
                          String rejectionReason, Instant createdAt, Instant updatedAt, int version) {

    /** One part: asked for, reserved at the store now, issued to the technician so far. */
    public record Line(String partNumber, int quantity, int reserved, int issued, BigDecimal unitPrice) {
        /** What the order still needs reserved before this line can issue. */
        int wanted() {
            return quantity - issued - reserved;
        }

        /** Everything not yet issued is reserved: the line can issue. */
        boolean ready() {
            return reserved > 0 && wanted() == 0;
        }

        boolean done() {
            return issued == quantity;
        }
    }

    /** A new request, not decided yet: nothing reserved. */
    static Reservation requested(PartsRequest request, Map<String, BigDecimal> prices, BigDecimal limit,
                                 String currency, String actor, Instant now) {
        List<Line> lines = new ArrayList<>();
        BigDecimal value = BigDecimal.ZERO;
        for (Map.Entry<String, Integer> e : request.quantitiesByPart().entrySet()) {
            BigDecimal price = prices.get(e.getKey());
            lines.add(new Line(e.getKey(), e.getValue(), 0, 0, price));
            if (price != null) {
                value = value.add(price.multiply(BigDecimal.valueOf(e.getValue())));
            }
        }
        return new Reservation(UUID.randomUUID(), request.workOrderId(), request.ticketId(), request.technician(),
                request.fromLocation(), ReservationState.REQUESTED, List.copyOf(lines), value, currency,
                value.compareTo(limit) > 0, actor, null, null, null, now, now, 0);
    }

    Reservation withId(UUID newId) {
        return new Reservation(newId, workOrderId, ticketId, technicianId, fromLocation, status, lines, value,
                currency, approvalRequired, requestedBy, decidedBy, decidedAt, rejectionReason, createdAt, updatedAt,
                version);
    }

    /** What is still wanted of each part, in part-number order (the order stock is locked in). */
    Map<String, Integer> wanted() {
        Map<String, Integer> wanted = new java.util.TreeMap<>();
        lines.stream().filter(l -> l.wanted() > 0).forEach(l -> wanted.put(l.partNumber(), l.wanted()));
        return wanted;
    }

    /** {@code quantity} more of {@code partNumber} was reserved for the order at its store. */
    Reservation reserved(String partNumber, int quantity) {
        return withLines(lines.stream().map(l -> l.partNumber().equals(partNumber)
                ? new Line(l.partNumber(), l.quantity(), l.reserved() + quantity, l.issued(), l.unitPrice()) : l)
                .toList());
    }

    /** What is reserved now (released when the request ends without issuing it). */
    List<PartLine> reservedLines() {
        return lines.stream().filter(l -> l.reserved() > 0).map(l -> new PartLine(l.partNumber(), l.reserved()))
                .toList();
    }

    /** What was asked for and not issued (what a request at another store asks for again). */
    List<PartLine> outstanding() {
        return lines.stream().filter(l -> !l.done())
                .map(l -> new PartLine(l.partNumber(), l.quantity() - l.issued())).toList();
    }

    boolean awaitsApproval() {
        return status == ReservationState.AWAITING_APPROVAL;
    }

    /**
     * PRT-01: the request goes as far as its reserved stock allows. Before approval (a value above the limit) it
     * waits; then every line ready issues and the request is ISSUED; else, with ISSUE_AVAILABLE, the ready lines
     * issue (PARTLY_ISSUED, {@code complete=false}); else it waits as BACKORDERED. The first time lines are short,
     * {@code PartsBackordered} says which (after the partial {@code PartsIssued}).
     */
    ReservationChange progress(IssueProperties.PartialIssue mode, LocalDate expected, String actor, Instant now) {
        if (status == ReservationState.REQUESTED && approvalRequired) {
            return new ReservationChange(next(ReservationState.AWAITING_APPROVAL, lines, now), List.of(), List.of(),
                    List.of(), false);
        }
        boolean allReady = lines.stream().allMatch(l -> l.done() || l.ready());
        List<Line> ready = lines.stream().filter(Line::ready).toList();
        List<PartLine> toIssue = List.of();
        ReservationState target;
        if (allReady) {
            toIssue = ready.stream().map(l -> new PartLine(l.partNumber(), l.reserved())).toList();
            target = ReservationState.ISSUED;
        } else if (mode == IssueProperties.PartialIssue.ISSUE_AVAILABLE && (!ready.isEmpty()
                || status == ReservationState.PARTLY_ISSUED)) {
            toIssue = ready.stream().map(l -> new PartLine(l.partNumber(), l.reserved())).toList();
            target = ReservationState.PARTLY_ISSUED;
        } else {
            target = status == ReservationState.PARTLY_ISSUED ? ReservationState.PARTLY_ISSUED
                    : ReservationState.BACKORDERED;
        }
        status.requireTransitionTo(target);
        List<Line> after = lines.stream().map(l -> l.ready() && (allReady || target == ReservationState.PARTLY_ISSUED)
                ? new Line(l.partNumber(), l.quantity(), 0, l.issued() + l.reserved(), l.unitPrice()) : l).toList();
        List<PartsEvent> events = new ArrayList<>();
        if (!toIssue.isEmpty()) {
            List<IssuedLine> issued = ready.stream()
                    .map(l -> new IssuedLine(l.partNumber(), l.reserved(), l.unitPrice())).toList();
            events.add(new PartsIssued(workOrderId, ticketId, technicianId, fromLocation,
                    StockService.holdingOf(technicianId), issued, currency, id, target == ReservationState.ISSUED,
                    actor, now));
        }
        boolean backorderOpens = target != ReservationState.ISSUED && !waitsAlready();
        List<PartLine> missing = List.of();
        if (backorderOpens) {
            List<Shortage> shortages = lines.stream().filter(l -> l.wanted() > 0)
                    .map(l -> new Shortage(l.partNumber(), l.quantity() - l.issued(), l.reserved(), expected))
                    .toList();
            missing = lines.stream().filter(l -> l.wanted() > 0).map(l -> new PartLine(l.partNumber(), l.wanted()))
                    .toList();
            events.add(new PartsBackordered(workOrderId, ticketId, technicianId, fromLocation, shortages, expected,
                    actor, now));
        }
        return new ReservationChange(next(target, after, now), toIssue, List.of(), List.copyOf(events),
                backorderOpens, missing);
    }

    /** Already waiting as a backorder (a fill, not a new request). */
    private boolean waitsAlready() {
        return status == ReservationState.BACKORDERED || status == ReservationState.PARTLY_ISSUED;
    }

    /** PRT-01: the storekeeper approves a request above the limit; it then issues as far as its stock allows. */
    Reservation approve(String storekeeper, Instant now) {
        if (status != ReservationState.AWAITING_APPROVAL) {
            throw new StateConflictException("reservation", status.name(), "be approved");
        }
        return new Reservation(id, workOrderId, ticketId, technicianId, fromLocation, status, lines, value, currency,
                approvalRequired, requestedBy, storekeeper, now, null, createdAt, now, version);
    }

    /** PRT-01: the storekeeper refuses a request above the limit: its stock is released, nothing issues. */
    ReservationChange reject(String reason, String storekeeper, Instant now) {
        status.requireTransitionTo(ReservationState.REJECTED);
        Reservation rejected = new Reservation(id, workOrderId, ticketId, technicianId, fromLocation,
                ReservationState.REJECTED, released(), value, currency, approvalRequired, requestedBy, storekeeper,
                now, reason, createdAt, now, version + 1);
        List<PartLine> asked = lines.stream().map(l -> new PartLine(l.partNumber(), l.quantity())).toList();
        return new ReservationChange(rejected, List.of(), reservedLines(), List.of(new PartsRequestRejected(
                workOrderId, ticketId, technicianId, id, fromLocation, asked, reason, storekeeper, now)), false);
    }

    /** A newer request for the same work order replaces this one: its stock is released. */
    ReservationChange supersede(Instant now) {
        return closeWithoutIssue(ReservationState.SUPERSEDED, now);
    }

    /** PRT-01: the work order was cancelled: nothing more issues for it and its stock is released. */
    ReservationChange cancel(Instant now) {
        return closeWithoutIssue(ReservationState.CANCELLED, now);
    }

    private ReservationChange closeWithoutIssue(ReservationState closed, Instant now) {
        status.requireTransitionTo(closed);
        return new ReservationChange(next(closed, released(), now), List.of(), reservedLines(), List.of(), false);
    }

    /** DSP-02: the work order went to another technician of the same store; what waits goes to them. */
    Reservation retarget(String technician, Instant now) {
        return new Reservation(id, workOrderId, ticketId, technician, fromLocation, status, lines, value, currency,
                approvalRequired, requestedBy, decidedBy, decidedAt, rejectionReason, createdAt, now, version + 1);
    }

    private List<Line> released() {
        return lines.stream().map(l -> new Line(l.partNumber(), l.quantity(), 0, l.issued(), l.unitPrice())).toList();
    }

    private Reservation next(ReservationState state, List<Line> withLines, Instant now) {
        return new Reservation(id, workOrderId, ticketId, technicianId, fromLocation, state, List.copyOf(withLines),
                value, currency, approvalRequired, requestedBy, decidedBy, decidedAt, rejectionReason, createdAt, now,
                version + 1);
    }

    Reservation withLines(List<Line> withLines) {
        return new Reservation(id, workOrderId, ticketId, technicianId, fromLocation, status, List.copyOf(withLines),
                value, currency, approvalRequired, requestedBy, decidedBy, decidedAt, rejectionReason, createdAt,
                updatedAt, version);
    }
}
