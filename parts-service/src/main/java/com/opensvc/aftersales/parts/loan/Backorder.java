package com.opensvc.aftersales.parts.loan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.opensvc.aftersales.parts.stock.PartLine;

/**
 * PRT-01, DSP-03: a parts request that could not be issued whole, waiting at its store until received stock fills
 * it. Backorders are filled oldest first ({@code createdAt}, then arrival order); a fill issues every line, as a
 * request is issued whole.
 *
 * @param lines    the whole request (every line, not only the short ones), with what was available when it came
 * @param filledBy      the source document (a receipt or a transfer in) whose stock filled it
 * @param reservationId the reservation waiting: it holds what was available, the backorder queues it for the rest
 */
public record Backorder(UUID id, UUID workOrderId, UUID ticketId, String technician, String location,
                        List<Line> lines, LocalDate expectedDate, BackorderStatus status, Instant createdAt,
                        Instant closedAt, UUID filledBy, UUID reservationId) {

    /** One part of the request and what the store had of it when the request came. */
    public record Line(String partNumber, int quantity, int available) {
        boolean wasShort() {
            return available < quantity;
        }
    }

    static Backorder open(PartsRequest request, Map<String, Integer> available, LocalDate expectedDate, Instant at) {
        List<Line> lines = request.quantitiesByPart().entrySet().stream()
                .map(e -> new Line(e.getKey(), e.getValue(), available.getOrDefault(e.getKey(), 0))).toList();
        return new Backorder(UUID.randomUUID(), request.workOrderId(), request.ticketId(), request.technician(),
                request.fromLocation(), lines, expectedDate, BackorderStatus.OPEN, at, null, null, null);
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

    /** The lines the store was short of (PartsBackordered's lines). */
    List<PartsEvent.Shortage> shortages() {
        return lines.stream().filter(Line::wasShort)
                .map(l -> new PartsEvent.Shortage(l.partNumber(), l.quantity(), l.available(), expectedDate)).toList();
    }

    /** The quantity of each part, in part-number order (the order stock is locked in). */
    Map<String, Integer> quantitiesByPart() {
        return PartsRequest.quantitiesByPart(partLines());
    }

    List<PartLine> partLines() {
        return lines.stream().map(l -> new PartLine(l.partNumber(), l.quantity())).toList();
    }

    /** True when every line is on the shelf: the backorder can be filled whole. */
    boolean fits(Map<String, Integer> onShelf) {
        return lines.stream().allMatch(l -> onShelf.getOrDefault(l.partNumber(), 0) >= l.quantity());
    }

    Backorder withLines(List<Line> withLines) {
        return new Backorder(id, workOrderId, ticketId, technician, location, List.copyOf(withLines), expectedDate,
                status, createdAt, closedAt, filledBy, reservationId);
    }
}
