package com.opensvc.aftersales.parts.requisition;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.idempotency.IdempotencyKeys;
import com.opensvc.aftersales.parts.catalogue.Locations;
import com.opensvc.aftersales.parts.stock.MovementReason;
import com.opensvc.aftersales.parts.stock.PartLine;
import com.opensvc.aftersales.parts.stock.StockService;
import com.opensvc.aftersales.parts.stock.StockShortage;
import com.opensvc.aftersales.web.InvalidFieldException;
import com.opensvc.aftersales.web.InvalidFieldException.FieldError;
import com.opensvc.aftersales.web.NotFoundException;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;

import lombok.RequiredArgsConstructor;

/**
 * Issue 13, PRT-01, PRT-02: requisitions (raised by the storekeeper or automatically by a shortage), the central
 * warehouse's allocations against them, and what a receipt against one may bring in. Every quantity moves through
 * {@link StockService#move} as a ledger movement with the actor and the packing list.
 */
@Service
@RequiredArgsConstructor
public class Requisitions {
    private static final Logger log = LoggerFactory.getLogger(Requisitions.class);
    static final String IDEMPOTENCY_RESOURCE = "requisition";
    static final String ALLOCATION_IDEMPOTENCY_RESOURCE = "allocation";

    private final RequisitionRepository requisitions;
    private final StockService stock;
    private final Locations locations;
    private final IdempotencyKeys idempotencyKeys;
    private final RequisitionProperties properties;
    private final Clock clock;

    public record Created(Requisition requisition, boolean created) {
    }

    /**
     * Where a receipt's stock comes from: outside (a purchase or an unplanned delivery, {@code RECEIVED}) or the
     * store's in-transit location (allocated by the central warehouse, {@code TRANSFERRED}).
     */
    public record Inbound(String from, MovementReason reason) {
        public static final Inbound UNPLANNED = new Inbound(null, MovementReason.RECEIVED);
    }

    @Transactional
    public Created create(RequisitionInput input, String idempotencyKey, String actor) {
        List<PartLine> lines = validLines(input.lines());
        requireLocation(input.kind(), input.location());
        UUID id = UUID.randomUUID();
        Optional<UUID> earlier = idempotencyKeys.claim(IDEMPOTENCY_RESOURCE, idempotencyKey, id);
        if (earlier.isPresent()) {
            return new Created(get(earlier.get()), false);
        }
        requisitions.save(Requisition.raise(id, input.kind(), RequisitionOrigin.STOREKEEPER, input.location(),
                input.supplier(), input.note(), lines, List.of(), null, null, null, actor, clock.instant()));
        log.info("Requisition {} raised by the storekeeper for {}", id, input.location());
        return new Created(get(id), true);
    }

    @Transactional(readOnly = true)
    public Requisition get(UUID id) {
        return requisitions.find(id).orElseThrow(() -> new NotFoundException("no requisition " + id));
    }

    @Transactional(readOnly = true)
    public PageOf<Requisition> search(RequisitionKind kind, RequisitionStatus status, String location, Paging paging) {
        return paging.of(requisitions.search(kind, status, location, paging),
                requisitions.count(kind, status, location));
    }

    /** Only an OPEN requisition is cancelled (409 otherwise). */
    @Transactional
    public Requisition cancel(UUID id, String actor) {
        Requisition requisition = requisitions.findForUpdate(id)
                .orElseThrow(() -> new NotFoundException("no requisition " + id));
        requisitions.save(requisition.cancel(clock.instant()));
        log.info("Requisition {} cancelled by {}", id, actor);
        return get(id);
    }

    /**
     * The central warehouse sends stock against a replenishment requisition: {@code ALLOCATED} movements from the
     * central warehouse to {@code TRANSIT-<store>} under the packing list. Never more than the requisition still
     * needs (400 naming the line), never more than the central warehouse has available (409).
     */
    @Transactional
    public Created allocate(UUID id, AllocationInput input, String idempotencyKey, String actor) {
        Requisition requisition = requisitions.findForUpdate(id)
                .orElseThrow(() -> new NotFoundException("no requisition " + id));
        List<PartLine> lines = validLines(input.lines());
        String from = input.from() == null || input.from().isBlank() ? properties.centralWarehouse() : input.from();
        if (!"CENTRAL".equals(stock.locationKind(from).orElse(null))) {
            throw new InvalidFieldException("from", from + " is not a central warehouse");
        }
        UUID allocationId = UUID.randomUUID();
        if (idempotencyKeys.claim(ALLOCATION_IDEMPOTENCY_RESOURCE, idempotencyKey, allocationId).isPresent()) {
            return new Created(get(id), false);
        }
        Instant now = clock.instant();
        String transit = transitTo(requisition.location());
        RequisitionChange change = requisition.allocate(allocationId, input.packingList(), from, transit, lines, actor,
                now);
        var reference = new StockService.Reference(null, null, actor, now, input.packingList());
        lines.forEach(line -> stock.move(line, from, transit, MovementReason.ALLOCATED, reference));
        requisitions.save(change);
        log.info("Requisition {}: allocation {} from {} is in transit", id, allocationId, from);
        return new Created(get(id), true);
    }

    /**
     * Receiving by packing list against a requisition (in the receipt's transaction): each line must be on it and no
     * more than is outstanding (400 naming {@code lines[i].partNumber} / {@code lines[i].quantity}), at the
     * requisition's location (400 naming {@code location}); the received quantities and the state advance.
     *
     * @return where the stock comes from and as which movement
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Inbound receive(UUID id, String location, List<PartLine> lines) {
        Requisition requisition = requisitions.findForUpdate(id)
                .orElseThrow(() -> new InvalidFieldException("requisitionId", "is not a known requisition"));
        if (!requisition.location().equals(location)) {
            throw new InvalidFieldException("location", "is not " + requisition.location() + ", where requisition "
                    + id + " is for");
        }
        requisitions.save(requisition.receive(lines, clock.instant()));
        return requisition.kind() == RequisitionKind.REPLENISHMENT
                ? new Inbound(transitTo(requisition.location()), MovementReason.TRANSFERRED)
                : Inbound.UNPLANNED;
    }

    /**
     * PRT-01: a store lacked stock for a request: its open automatic replenishment requisition collects the missing
     * lines (one is raised if it has none), and {@code ReplenishmentRequested} says so. Runs in the request's
     * transaction. Parts not in the catalogue cannot be requisitioned and are left out.
     */
    @Transactional
    public void shortage(StockShortage shortage) {
        if (!"STORE".equals(stock.locationKind(shortage.location()).orElse(null))) {
            log.info("Shortage at {}, which is not a store: no replenishment requisition", shortage.location());
            return;
        }
        Set<String> known = stock.knownParts(shortage.missing().stream().map(PartLine::partNumber).toList());
        List<PartLine> missing = shortage.missing().stream()
                .filter(line -> line.quantity() > 0 && known.contains(line.partNumber())).toList();
        if (missing.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<Requisition.Demand> demands = missing.stream().map(line -> new Requisition.Demand(line.partNumber(),
                line.quantity(), shortage.workOrderId(), shortage.ticketId(), shortage.backorderId(), shortage.actor(),
                now)).toList();
        requisitions.lockShortages(shortage.location());
        RequisitionChange change = requisitions.openShortageForUpdate(shortage.location())
                .map(open -> open.grow(missing, demands, shortage.workOrderId(), shortage.ticketId(),
                        shortage.backorderId(), shortage.actor(), now))
                .orElseGet(() -> Requisition.raise(UUID.randomUUID(), RequisitionKind.REPLENISHMENT, RequisitionOrigin.SHORTAGE,
                        shortage.location(), null, null, missing, demands, shortage.workOrderId(),
                        shortage.ticketId(), shortage.backorderId(), shortage.actor(), now));
        requisitions.save(change);
        log.info("Shortage at {} (work order {}) on replenishment requisition {}", shortage.location(),
                shortage.workOrderId(), change.requisition().id());
    }

    /** The store's in-transit location {@code TRANSIT-<store>}, created on first use by the catalogue. */
    private String transitTo(String store) {
        return locations.transitTo(store);
    }

    private void requireLocation(RequisitionKind kind, String location) {
        String kindOfLocation = stock.locationKind(location).orElse(null);
        boolean fits = "STORE".equals(kindOfLocation)
                || kind == RequisitionKind.PURCHASE && "CENTRAL".equals(kindOfLocation);
        if (!fits) {
            throw new InvalidFieldException("location", kind == RequisitionKind.PURCHASE
                    ? "is not a known store or central warehouse" : "is not a known store");
        }
    }

    /** Catalogue parts, each once: anything else names the field. */
    private List<PartLine> validLines(List<RequisitionInput.Line> input) {
        Set<String> known = stock.knownParts(input.stream().map(RequisitionInput.Line::partNumber).toList());
        Set<String> seen = new HashSet<>();
        List<FieldError> errors = new ArrayList<>();
        List<PartLine> lines = new ArrayList<>();
        for (int i = 0; i < input.size(); i++) {
            RequisitionInput.Line line = input.get(i);
            String field = "lines[" + i + "].partNumber";
            if (!known.contains(line.partNumber())) {
                errors.add(new FieldError(field, "is not in the parts catalogue"));
            } else if (!seen.add(line.partNumber())) {
                errors.add(new FieldError(field, "appears more than once"));
            }
            lines.add(new PartLine(line.partNumber(), line.quantity().intValueExact()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        return lines;
    }
}
