package com.opensvc.aftersales.intake.installedbase;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.opensvc.aftersales.messaging.OutgoingEvent;

/**
 * INT-24 PRT-03: an installed product was created or changed (its dates, serial, model, or its production inspection
 * record). Published on {@code aftersales.intake.ticket} keyed by the installed product's id, with the product's
 * version after the change, so a consumer (parts' copy of the production record) keeps the highest version it has
 * seen. Never carries a phone or an address (SEC-04); the schema in platform/contracts is the contract.
 */
record InstalledProductRecorded(UUID installedProductId, int version, UUID customerId, String productModel,
                                String productLine, String serialNumber, LocalDate factoryDate, LocalDate shipDate,
                                ProductionRecord productionRecord, String actor, Instant occurredAt)
        implements OutgoingEvent {
    /**
     * The aggregate type of {@code aftersales.intake.ticket} ({@code TicketEvent.AGGREGATE_TYPE}; the ticket feature
     * depends on the installed base, so it is named here rather than imported).
     */
    static final String AGGREGATE_TYPE = "intake.ticket";

    static InstalledProductRecorded of(InstalledProduct product, String actor, Instant at) {
        return new InstalledProductRecorded(product.id(), product.version(), product.customerId(),
                product.productModel(), product.productLine(), product.serialNumber(), product.factoryDate(),
                product.shipDate(), product.productionRecord(), actor, at);
    }

    @Override
    public String aggregateType() {
        return AGGREGATE_TYPE;
    }

    @Override
    public UUID aggregateId() {
        return installedProductId;
    }
}
