package com.opensvc.aftersales.parts.stock;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;

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

    /**
     * The ledger's record of who moved stock for which work order, and when.
     *
     * @param document the packing list or purchase order stock was received against (null for other movements)
     */
    public record Reference(UUID workOrderId, UUID ticketId, String actor, Instant at, String document) {
        public Reference(UUID workOrderId, UUID ticketId, String actor, Instant at) {
            this(workOrderId, ticketId, actor, at, null);
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
        String holding = holdingOf(technician);
        stock.ensureTechnicianHolding(holding, technician);
        return holding;
    }

    public void issueToTechnician(PartLine line, String fromLocation, String technician, Reference reference) {
        stock.move(line, fromLocation, holdingOf(technician), MovementReason.ISSUE_TO_TECHNICIAN, reference);
    }

    /**
     * DSP-02, PRT-02: a work order's issued parts follow it from one technician's holding to another's, under the
     * holding's lock; never more than the old holding has (no negative stock).
     */
    public void moveBetweenTechnicians(PartLine line, String fromTechnician, String toTechnician, Reference reference) {
        String from = holdingOf(fromTechnician);
        stock.lockLocation(from);
        technicianHolding(toTechnician);
        stock.move(line, from, holdingOf(toTechnician), MovementReason.REASSIGNED_TO_TECHNICIAN, reference);
    }

    public void consumeUnderWarranty(PartLine line, String technician, Reference reference) {
        stock.move(line, holdingOf(technician), null, MovementReason.CONSUMED_UNDER_WARRANTY, reference);
    }

    /** True for a store or the central warehouse: where stock can be received (not a technician's holding). */
    public boolean receivesStock(String location) {
        return stock.locationKind(location).filter(kind -> !kind.equals("TECHNICIAN")).isPresent();
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
        stock.lockLocation(location);
        stock.move(line, null, location, MovementReason.RECEIVED, reference);
    }

    private static String holdingOf(String technician) {
        return "TECH-" + technician;
    }
}
