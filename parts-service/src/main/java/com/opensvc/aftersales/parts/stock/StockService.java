package com.opensvc.aftersales.parts.stock;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;

import lombok.RequiredArgsConstructor;

/**
 * PRT-02: what the other features do with stock. Quantities are read under row locks and every change is a ledger
 * movement, in the caller's transaction.
 */
@Service
@RequiredArgsConstructor
public class StockService {
    private final StockRepository stock;

    /** The ledger's record of who moved stock for which work order, and when. */
    public record Reference(UUID workOrderId, UUID ticketId, String actor, Instant at) {
    }

    /** Available quantity per part at a location, row-locked; nothing is available at an unknown location. */
    public Map<String, Integer> lockAvailable(String location, Collection<String> partNumbers) {
        return stock.locationExists(location) ? stock.lockAvailable(location, partNumbers) : Map.of();
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

    public void consumeUnderWarranty(PartLine line, String technician, Reference reference) {
        stock.move(line, holdingOf(technician), null, MovementReason.CONSUMED_UNDER_WARRANTY, reference);
    }

    private static String holdingOf(String technician) {
        return "TECH-" + technician;
    }
}
