package com.opensvc.aftersales.parts.loan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.opensvc.aftersales.parts.stock.PartLine;

/**
 * PRT-01, DSP-03: the part of a reservation waiting at its store until arriving stock fills it, first come, first
 * served (arrival order). The reservation holds what was available; the backorder queues it for the rest.
 *
 * @param lines         every line not yet issued, with what the store had reserved of it when it started waiting
 * @param filledBy      the source document (a receipt or a transfer in) whose stock filled it
 * @param reservationId the reservation waiting: it holds what was available, the backorder queues it for the rest
 */
public record Backorder(UUID id, UUID workOrderId, UUID ticketId, String technician, String location,
                        List<Line> lines, LocalDate expectedDate, BackorderStatus status, Instant createdAt,
                        Instant closedAt, UUID filledBy, UUID reservationId) {

    /** One part still wanted, and how many of it the store had reserved for the order when it started waiting. */
    public record Line(String partNumber, int quantity, int available) {
    }

    /**
     * PRT-01: the part of a reservation still waiting for stock: each line not yet issued, with what the store had
     * reserved of it when it started waiting.
     */
    static Backorder waiting(Reservation reservation, LocalDate expectedDate, Instant at) {
        List<Line> lines = reservation.lines().stream().filter(l -> l.issued() < l.quantity())
                .map(l -> new Line(l.partNumber(), l.quantity() - l.issued(), l.reserved())).toList();
        return new Backorder(UUID.randomUUID(), reservation.workOrderId(), reservation.ticketId(),
                reservation.technicianId(), reservation.fromLocation(), lines, expectedDate, BackorderStatus.OPEN, at,
                null, null, reservation.id());
    }

    List<PartLine> partLines() {
        return lines.stream().map(l -> new PartLine(l.partNumber(), l.quantity())).toList();
    }

    Backorder withLines(List<Line> withLines) {
        return new Backorder(id, workOrderId, ticketId, technician, location, List.copyOf(withLines), expectedDate,
                status, createdAt, closedAt, filledBy, reservationId);
    }
}
