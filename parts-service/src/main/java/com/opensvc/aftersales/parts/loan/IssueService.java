package com.opensvc.aftersales.parts.loan;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.idempotency.IdempotencyKeys;
import com.opensvc.aftersales.parts.stock.PartLine;
import com.opensvc.aftersales.parts.stock.StockService;
import com.opensvc.aftersales.parts.stock.StockShortage;
import com.opensvc.aftersales.web.NotFoundException;

import lombok.RequiredArgsConstructor;

/**
 * PRT-01, PRT-02: a parts request becomes a reservation at the technician's store. Under the store's lock what is
 * available is reserved ({@code stock.reserved}); a request above the auto-approval limit then waits for the
 * storekeeper; otherwise ready lines issue to the technician's holding ({@code PartsIssued}) and short lines wait as
 * a backorder ({@code PartsBackordered}, then the in-process {@link StockShortage} for replenishment). Whether the
 * available lines of a short request issue now or wait for the rest is {@code aftersales.parts.issue.partial}.
 * When stock arrives, {@link #fillBackorders} serves the store's waiting requests in arrival order. Every quantity
 * is read and changed under the location's lock and row locks, so concurrent requests never oversell.
 */
@Service
@RequiredArgsConstructor
public class IssueService {
    private static final Logger log = LoggerFactory.getLogger(IssueService.class);
    static final String ACTOR = "system:parts-issue";
    static final String IDEMPOTENCY_RESOURCE = "reservation";

    private final StockService stock;
    private final LoanRepository loans;
    private final BackorderRepository backorders;
    private final ReservationRepository reservations;
    private final PartsProperties properties;
    private final IssueProperties issueProperties;
    private final IdempotencyKeys idempotencyKeys;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /** Where a request stands after it was received (the reservation's state). */
    public enum Outcome {
        ISSUED, BACKORDERED, PARTLY_ISSUED, AWAITING_APPROVAL
    }

    /** A backorder that arriving stock filled: its work order got (the rest of) its parts ({@code PartsIssued}). */
    public record Fill(UUID backorderId, UUID workOrderId, UUID ticketId, String technician, List<PartLine> lines) {
    }

    public record Requested(Reservation reservation, boolean created) {
    }

    /** PRT-01: dispatch's PartsRequested. */
    @Transactional
    public Outcome issue(PartsRequest request) {
        return Outcome.valueOf(request(request, ACTOR).status().name());
    }

    /** PRT-01: the counter's request ({@code POST /api/parts/reservations}), at most once per Idempotency-Key. */
    @Transactional
    public Requested request(PartsRequest request, String idempotencyKey, String actor) {
        UUID id = UUID.randomUUID();
        Optional<UUID> earlier = idempotencyKeys.claim(IDEMPOTENCY_RESOURCE, idempotencyKey, id);
        if (earlier.isPresent()) {
            return new Requested(get(earlier.get()), false);
        }
        return new Requested(request(request, id, actor), true);
    }

    @Transactional
    public Reservation request(PartsRequest request, String actor) {
        return request(request, UUID.randomUUID(), actor);
    }

    private Reservation request(PartsRequest request, UUID id, String actor) {
        // the old request's store and the new one's, locked in code order (no deadlock between two such requests)
        // what needs no lock is read before the store's lock is taken: the lock is held as briefly as can be
        Map<String, BigDecimal> prices = stock.unitPrices(request.quantitiesByPart().keySet());
        Set<String> locations = new TreeSet<>();
        locations.add(request.fromLocation());
        reservations.activeLocationOfWorkOrder(request.workOrderId()).ifPresent(locations::add);
        locations.forEach(stock::lockLocation);
        Instant now = clock.instant();
        // a newer request for the work order (e.g. after reassignment) replaces the live one and releases its stock
        // (V8 turned every backorder open before reservations into a reservation)
        reservations.activeOfWorkOrderForUpdate(request.workOrderId()).ifPresent(old -> supersede(old, now));

        Reservation reservation = Reservation.requested(request, prices,
                        issueProperties.autoApprovalLimit(request.fromLocation()), properties.currency(), actor, now)
                .withId(id);
        reservation = reserveAvailable(reservation);
        Reservation decided = progress(reservation, actor, now);
        log.info("Reservation {} of work order {}: {}", decided.id(), decided.workOrderId(), decided.status());
        return decided;
    }

    /** PRT-01: a storekeeper approves a request above the limit; it issues as far as the store's stock allows. */
    @Transactional
    public Reservation approve(UUID id, String storekeeper) {
        stock.lockLocation(location(id));
        Reservation reservation = forUpdate(id).approve(storekeeper, clock.instant());
        return progress(reserveAvailable(reservation), storekeeper, clock.instant());
    }

    /** PRT-01: a storekeeper refuses a request above the limit: its stock is released, PartsRequestRejected. */
    @Transactional
    public Reservation reject(UUID id, String reason, String storekeeper) {
        stock.lockLocation(location(id));
        Instant now = clock.instant();
        ReservationChange change = forUpdate(id).reject(reason, storekeeper, now);
        change.toRelease().forEach(line -> stock.release(change.reservation().fromLocation(), line));
        reservations.save(change);
        backorders.supersedeOfReservation(id, now);
        return change.reservation();
    }

    @Transactional(readOnly = true)
    public Reservation get(UUID id) {
        return reservations.find(id).orElseThrow(() -> new NotFoundException("no reservation " + id));
    }

    /**
     * PRT-01: stock arrived at {@code location} (a receipt, or a transfer in): its waiting requests are served first
     * come, first served — oldest backorder first. Each takes what it still needs of what is available and keeps
     * it reserved, so a later request never overtakes an earlier one for the same part; a request that still
     * lacks a part does not hold up a later one that wants other parts. A request complete now issues; with
     * ISSUE_AVAILABLE its newly complete lines issue. Runs in the caller's transaction, under the location's lock.
     *
     * @param sourceDocumentId the receipt or transfer whose stock arrived (recorded on the filled backorders)
     * @return the fills, in the order they were issued
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Fill> fillBackorders(String location, UUID sourceDocumentId, String actor) {
        stock.lockLocation(location);
        Instant now = clock.instant();
        List<Fill> filled = new ArrayList<>();
        for (Backorder backorder : backorders.openForUpdate(location)) {
            if (backorder.reservationId() == null) {
                continue;
            }
            Reservation waiting = reservations.findForUpdate(backorder.reservationId()).orElseThrow();
            if (!ReservationState.ACTIVE.contains(waiting.status()) || waiting.awaitsApproval()) {
                continue;
            }
            Reservation topped = reserveAvailable(waiting);
            List<PartLine> issued = new ArrayList<>();
            Reservation after = progress(topped, actor, now, issued);
            if (after.status() == ReservationState.ISSUED) {
                backorders.markFilled(backorder.id(), sourceDocumentId, now);
            }
            if (!issued.isEmpty()) {
                filled.add(new Fill(backorder.id(), after.workOrderId(), after.ticketId(), after.technicianId(),
                        List.copyOf(issued)));
                log.info("Backorder {} of work order {} filled ({})", backorder.id(), after.workOrderId(),
                        after.status());
            }
        }
        return filled;
    }

    /** The backorders a source document filled (for reading the receipt back). */
    public List<Fill> filledBy(UUID sourceDocumentId) {
        return backorders.filledBy(sourceDocumentId).stream().map(b -> new Fill(b.id(), b.workOrderId(), b.ticketId(),
                b.technician(), b.partLines())).toList();
    }

    /**
     * DSP-02: the work order went to another technician. A live request at the same store (or when no store is
     * named) now issues to the new technician; at another store it is requested again there (for what was not
     * issued yet), which supersedes it and releases its stock.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<ReservationState> reassigned(UUID workOrderId, UUID ticketId, String toTechnician,
                                                 String toLocation, String actor) {
        Optional<Reservation> live = reservations.activeOfWorkOrderForUpdate(workOrderId);
        if (live.isEmpty()) {
            return Optional.empty();
        }
        Reservation reservation = live.get();
        if (toLocation == null || toLocation.equals(reservation.fromLocation())) {
            Instant now = clock.instant();
            reservations.save(new ReservationChange(reservation.retarget(toTechnician, now), List.of(), List.of(),
                    List.of(), false));
            backorders.retargetOfReservation(reservation.id(), toTechnician);
            return Optional.of(reservation.status());
        }
        return Optional.of(request(new PartsRequest(workOrderId, ticketId, toTechnician, toLocation,
                reservation.outstanding()), actor).status());
    }

    private String location(UUID id) {
        return reservations.locationOf(id).orElseThrow(() -> new NotFoundException("no reservation " + id));
    }

    private Reservation forUpdate(UUID id) {
        return reservations.findForUpdate(id).orElseThrow(() -> new NotFoundException("no reservation " + id));
    }

    /**
     * PRT-01, PRT-03 (dispatch's WorkOrderCancelled): the work order's live request is cancelled, its reserved stock
     * released and its backorder closed, so nothing issues for an order that will not be worked.
     */
    @Transactional
    public void workOrderCancelled(UUID workOrderId) {
        reservations.activeLocationOfWorkOrder(workOrderId).ifPresent(stock::lockLocation);
        Instant now = clock.instant();
        reservations.activeOfWorkOrderForUpdate(workOrderId).ifPresent(live -> close(live, live.cancel(now), now));
    }

    private void supersede(Reservation old, Instant now) {
        close(old, old.supersede(now), now);
    }

    private void close(Reservation old, ReservationChange change, Instant now) {
        change.toRelease().forEach(line -> stock.release(old.fromLocation(), line));
        reservations.save(change);
        backorders.supersedeOfReservation(old.id(), now);
    }

    /** Reserves what the request still wants of what its store has available (the caller holds the lock). */
    private Reservation reserveAvailable(Reservation reservation) {
        Map<String, Integer> wanted = reservation.wanted();
        if (wanted.isEmpty()) {
            return reservation;
        }
        Map<String, Integer> available = stock.lockAvailable(reservation.fromLocation(), wanted.keySet());
        Reservation reserved = reservation;
        for (Map.Entry<String, Integer> e : wanted.entrySet()) {
            int take = Math.min(e.getValue(), available.getOrDefault(e.getKey(), 0));
            if (take > 0 && stock.reserve(reservation.fromLocation(), new PartLine(e.getKey(), take))) {
                reserved = reserved.reserved(e.getKey(), take);
            }
        }
        return reserved;
    }

    private Reservation progress(Reservation reservation, String actor, Instant now) {
        return progress(reservation, actor, now, new ArrayList<>());
    }

    /** Lets the aggregate decide, then issues and records what it decided (issued lines are added to {@code issued}). */
    private Reservation progress(Reservation reservation, String actor, Instant now, List<PartLine> issued) {
        LocalDate expected = LocalDate.ofInstant(now, ZoneOffset.UTC).plus(properties.replenishmentLeadTime());
        ReservationChange change = reservation.progress(issueProperties.partial(), expected, actor, now);
        Reservation after = change.reservation();
        if (!change.toIssue().isEmpty()) {
            var reference = new StockService.Reference(after.workOrderId(), after.ticketId(), actor, now);
            for (PartLine line : change.toIssue()) {
                stock.issueReserved(line, after.fromLocation(), after.technicianId(), reference);
                loans.insert(Loan.lend(after.workOrderId(), after.ticketId(), after.technicianId(), line.partNumber(),
                        line.quantity(), LoanStatus.ON_LOAN, now));
                issued.add(line);
            }
        }
        reservations.save(change);
        if (change.backorderOpens()) {
            Backorder backorder = Backorder.waiting(after, expected, now);
            backorders.insert(backorder);
            events.publishEvent(new StockShortage(after.fromLocation(), change.missing(), after.workOrderId(),
                    after.ticketId(), backorder.id(), actor));
        }
        return after;
    }
}
