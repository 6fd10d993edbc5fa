package com.opensvc.aftersales.quality.claim;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.opensvc.aftersales.messaging.OutgoingEvent;

/**
 * Supplier-claim events on {@code aftersales.quality.defect}, keyed by the ticket of the failure (EVT-02), or by the
 * claim when the defect has no ticket.
 */
public interface SupplierClaimEvent extends OutgoingEvent {
    String AGGREGATE_TYPE = "quality.defect";

    UUID claimId();

    UUID ticketId();

    @Override
    default String aggregateType() {
        return AGGREGATE_TYPE;
    }

    @Override
    default UUID aggregateId() {
        return ticketId() == null ? claimId() : ticketId();
    }

    /**
     * QLT-09: a failure caused by a purchased component raised a supplier claim, for purchasing to pursue. supplier is
     * absent while the part is not registered as purchased (state NEEDS_SUPPLIER).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SupplierClaimRaised(UUID claimId, String claimNumber, UUID defectId, UUID ticketId, String productModel,
                               String serialNumber, String productionBatch, String partNumber, String supplier,
                               String supplierPartNumber, String failureMode, String cause, String state,
                               String actor, Instant occurredAt) implements SupplierClaimEvent {
    }

    /** QLT-09: the supplier accepted the claim and the recovered amount is booked. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SupplierClaimSettled(UUID claimId, String claimNumber, UUID ticketId, String partNumber, String supplier,
                                BigDecimal recoveredAmount, String currency, String actor, Instant occurredAt)
            implements SupplierClaimEvent {
    }
}
