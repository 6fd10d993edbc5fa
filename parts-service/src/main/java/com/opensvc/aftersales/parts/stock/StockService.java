package com.opensvc.aftersales.parts.stock;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import com.opensvc.aftersales.parts.catalogue.LocationKind;
import com.opensvc.aftersales.parts.catalogue.Locations;

import lombok.RequiredArgsConstructor;

/**
 * PRT-02: what the other features do with stock. Quantities are read under row locks and every change is a ledger
 * movement, in the caller's transaction. Whoever reads stock to issue it or adds stock to a location first takes the
 * location's lock, so requests, receipts and the backorder fills they cause queue per location: nothing is
 * oversold, nothing is filled twice, and no two of them deadlock on each other's stock rows.
 */
@Service
@RequiredArgsConstructor
public class StockService {
    private final StockRepository stock;
    private final ApplicationEventPublisher events;
    private final Locations locations;

    /**
     * The ledger's record of who moved stock for which work order, and when.
     *
     * @param document the packing list or purchase order stock was received against (null for other movements)
     */
    public record Reference(UUID workOrderId, UUID ticketId, String actor, Instant at, String document,
                            String productModel) {
        public Reference(UUID workOrderId, UUID ticketId, String actor, Instant at, String document) {
            this(workOrderId, ticketId, actor, at, document, null);
        }

        public Reference(UUID workOrderId, UUID ticketId, String actor, Instant at) {
            this(workOrderId, ticketId, actor, at, null, null);
        }

        /** PRT-07: consumption is reported by the product model the part was fitted to. */
        public Reference withProductModel(String model) {
            return new Reference(workOrderId, ticketId, actor, at, document, model);
        }
    }

    /**
     * Available quantity per part at a location, row-locked after the location's lock; nothing is available at an
     * unknown location.
     */
    public Map<String, Integer> lockAvailable(String location, Collection<String> partNumbers) {
        if (!stock.locationExists(location)) {
            return Map.of();
        }
        stock.lockLocation(location);
        return stock.lockAvailable(location, partNumbers);
    }

    /** The technician's holding location (created on first use), where issued parts wait to be fitted. */
    public String technicianHolding(String technician) {
        return locations.ensureTechnicianHolding(technician);
    }

    /** The kind of a location (CENTRAL, STORE, TECHNICIAN, TRANSIT, QUARANTINE); empty when there is none. */
    public java.util.Optional<String> locationKind(String location) {
        return stock.locationKind(location);
    }

    public void issueToTechnician(PartLine line, String fromLocation, String technician, Reference reference) {
        move(line, fromLocation, technicianHolding(technician), MovementReason.ISSUE_TO_TECHNICIAN, reference);
    }

    /**
     * DSP-02, PRT-02: a work order's issued parts follow it from one technician's holding to another's, under the
     * holding's lock; never more than the old holding has (no negative stock).
     */
    public void moveBetweenTechnicians(PartLine line, String fromTechnician, String toTechnician, Reference reference) {
        move(line, holdingOf(fromTechnician), technicianHolding(toTechnician), MovementReason.REASSIGNED_TO_TECHNICIAN,
                reference);
    }

    public void consumeUnderWarranty(PartLine line, String technician, Reference reference) {
        move(line, holdingOf(technician), null, MovementReason.CONSUMED_UNDER_WARRANTY, reference);
    }

    /** True for a store or the central warehouse: where stock can be received (not a technician's holding). */
    public boolean receivesStock(String location) {
        return locations.kind(location).filter(LocationKind::shelf).isPresent();
    }

    /** The part numbers of these that are in the catalogue. */
    public Set<String> knownParts(Collection<String> partNumbers) {
        return stock.knownParts(partNumbers);
    }

    /** INT-08: the catalogue's unit price per part number (the storekeeper's data); a part not in it is absent. */
    public Map<String, BigDecimal> unitPrices(Collection<String> partNumbers) {
        return stock.unitPrices(partNumbers);
    }

    /** PRT-01, PRT-02: received stock goes onto the location's shelf, a {@code RECEIVED} ledger movement. */
    public void receive(PartLine line, String location, Reference reference) {
        move(line, null, location, MovementReason.RECEIVED, reference);
    }

    /**
     * PRT-02: the one general movement: {@code line} leaves {@code from} (null: from outside, e.g. a supplier) and
     * arrives at {@code to} (null: leaves stock, e.g. consumed or scrapped), as one ledger movement with
     * {@code reason}. Both locations are locked first, in code order (no deadlocks); never more than {@code from}
     * has available. Throws {@link NotEnoughStockException} when it has not.
     */
    public void move(PartLine line, String from, String to, MovementReason reason, Reference reference) {
        lockInOrder(from, to);
        stock.move(line, from, to, reason, reference);
        changed(from, to, line.partNumber());
    }

    /**
     * PRT-01: reserves {@code line} at {@code location} for a request (reserved grows, available shrinks, on hand
     * stays); false, and nothing reserved, when less is available. The caller holds the location's lock
     * ({@link #lockAvailable}).
     */
    public boolean reserve(String location, PartLine line) {
        boolean reserved = stock.reserve(location, line);
        if (reserved) {
            changed(location, null, line.partNumber());
        }
        return reserved;
    }

    /** PRT-01: gives a reservation's quantity back to available (refused, superseded or cancelled requests). */
    public void release(String location, PartLine line) {
        stock.release(location, line);
        changed(location, null, line.partNumber());
    }

    /**
     * PRT-01: issues a reserved quantity: it leaves the store's on hand and reserved together and arrives in the
     * technician's holding, an {@code ISSUE_TO_TECHNICIAN} movement.
     */
    public void issueReserved(PartLine line, String fromLocation, String technician, Reference reference) {
        String holding = technicianHolding(technician);
        lockInOrder(fromLocation, holding);
        stock.release(fromLocation, line);
        stock.move(line, fromLocation, holding, MovementReason.ISSUE_TO_TECHNICIAN, reference);
        changed(fromLocation, holding, line.partNumber());
    }

    /** PRT-02: locks a location for a read-then-change (requests, receipts, fills queue per location). */
    public void lockLocation(String location) {
        stock.lockLocation(location);
    }

    private void lockInOrder(String a, String b) {
        java.util.stream.Stream.of(a, b).filter(java.util.Objects::nonNull).distinct().sorted()
                .forEach(stock::lockLocation);
    }

    private void changed(String from, String to, String partNumber) {
        if (from != null) {
            events.publishEvent(new StockChanged(from, partNumber));
        }
        if (to != null && !to.equals(from)) {
            events.publishEvent(new StockChanged(to, partNumber));
        }
    }

    /**
     * PRT-03: the quarantine of a store, where unused parts returned by technicians wait for inspection (created on
     * first use).
     */
    public String quarantineOf(String store) {
        return locations.quarantineOf(store);
    }

    /** PRT-03: the store the work order's part was issued from (the ledger's latest issue of it), if any. */
    public java.util.Optional<String> issuedFrom(UUID workOrderId, String partNumber) {
        return stock.issuedFrom(workOrderId, partNumber);
    }

    public static String holdingOf(String technician) {
        return "TECH-" + technician;
    }
}
