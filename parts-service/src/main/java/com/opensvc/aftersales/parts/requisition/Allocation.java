package com.opensvc.aftersales.parts.requisition;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.opensvc.aftersales.parts.stock.PartLine;

/**
 * Stock the central warehouse sent a store against a replenishment requisition: {@code ALLOCATED} movements from
 * {@code from} to the store's in-transit location {@code to}, under a packing list the store receives by.
 */
public record Allocation(UUID id, UUID requisitionId, String packingList, String from, String to,
                         List<PartLine> lines, String allocatedBy, Instant allocatedAt) {
}
