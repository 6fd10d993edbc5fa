package com.opensvc.aftersales.intake.ticket;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.opensvc.aftersales.intake.entitlement.Entitlement;
import com.opensvc.aftersales.intake.entitlement.Remedy;

/**
 * A ticket as intake keeps it. {@code entitlement} is the effective one: a supervisor's override, else PAID when an
 * exclusion is recorded (INT-07), else {@code computedEntitlement} from the installed product (INT-06).
 */
public record Ticket(UUID id, String number, UUID customerId, String customerRegion, UUID installedProductId,
                     String productModel, String productLine, String serialNumber, LocalDate shipDate,
                     LocalDate reportedOn, String faultDescription, Channel channel, TicketKind kind,
                     TicketCategory category, Classification classification, Classification.Route routedTo,
                     ServiceType serviceType, Priority priority, Entitlement entitlement,
                     Entitlement computedEntitlement, String entitlementReason, LocalDate warrantyEnd,
                     Boolean inspectionConfirmed, boolean customerBlocked, boolean qualityMustReport,
                     List<ExpectedPart> expectedParts, TicketState state, UUID workOrderId, UUID mergedIntoTicketId,
                     List<TicketLink> links, int version, Instant createdAt, String createdBy) {

    /** INT-06: RETURN and EXCHANGE only once an engineer has confirmed the quality problem. */
    @JsonProperty("allowedRemedies")
    public Set<Remedy> allowedRemedies() {
        return Remedy.allowedBy(entitlement, Boolean.TRUE.equals(inspectionConfirmed));
    }

    @JsonIgnore
    public boolean isOpen() {
        return !state.isTerminal();
    }

    Ticket withLinks(List<TicketLink> newLinks) {
        return new Ticket(id, number, customerId, customerRegion, installedProductId, productModel, productLine,
                serialNumber, shipDate, reportedOn, faultDescription, channel, kind, category, classification, routedTo,
                serviceType, priority, entitlement, computedEntitlement, entitlementReason, warrantyEnd,
                inspectionConfirmed, customerBlocked, qualityMustReport, expectedParts, state, workOrderId,
                mergedIntoTicketId, newLinks, version, createdAt, createdBy);
    }
}
