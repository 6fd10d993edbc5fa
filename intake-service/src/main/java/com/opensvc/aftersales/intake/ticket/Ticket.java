package com.opensvc.aftersales.intake.ticket;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.opensvc.aftersales.intake.entitlement.Entitlement;

public record Ticket(UUID id, String number, UUID customerId, String customerRegion, String productModel,
                     String productLine, String serialNumber, LocalDate shipDate, LocalDate reportedOn,
                     String faultDescription, Channel channel, ServiceType serviceType, Priority priority,
                     Entitlement entitlement, boolean qualityMustReport, List<ExpectedPart> expectedParts,
                     TicketState state, UUID workOrderId, int version, Instant createdAt, String createdBy) {
}
