package com.opensvc.aftersales.parts.stock;

import java.util.List;
import java.util.UUID;

/**
 * In-process (PRT-01): a request could not be met at {@code location}; {@code missing} is what it lacks. Published
 * by the reservation feature in the request's transaction, after {@code PartsBackordered}; the requisition feature
 * listens and raises a replenishment request for the store.
 */
public record StockShortage(String location, List<PartLine> missing, UUID workOrderId, UUID ticketId,
                            UUID backorderId, String actor) {
}
