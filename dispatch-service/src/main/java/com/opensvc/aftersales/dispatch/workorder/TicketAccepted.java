package com.opensvc.aftersales.dispatch.workorder;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * The facts of intake's TicketAccepted that dispatch keeps (its own copy of the schema, DESIGN.md §1). {@code kind},
 * {@code customerId}, {@code installedProductId} and {@code site} are absent from events published before they were
 * added.
 */
public record TicketAccepted(@NotNull UUID ticketId, @NotBlank String ticketNumber, @NotBlank String serviceType,
                             @NotBlank String productLine, @NotBlank String productModel,
                             @NotBlank String serialNumber, @NotBlank String customerRegion,
                             @NotBlank String entitlement, @NotBlank String priority,
                             @NotNull List<@NotNull @Valid PartLine> expectedParts, String kind, UUID customerId,
                             UUID installedProductId, Site site, @NotBlank String actor) {

    /** DSP-02: a complaint's work order waits for the service slip's approvals. */
    boolean complaint() {
        return "COMPLAINT".equals(kind);
    }
}
