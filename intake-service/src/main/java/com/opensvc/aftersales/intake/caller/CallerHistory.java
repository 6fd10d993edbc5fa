package com.opensvc.aftersales.intake.caller;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.opensvc.aftersales.intake.customer.Customer;
import com.opensvc.aftersales.intake.installedbase.InstalledProduct;

import tools.jackson.databind.JsonNode;

/**
 * INT-24: what the desk sees when a number calls — every customer with a contact on that number, with their
 * installed products, open and past tickets, services with the parts replaced, complaints and revisits. Built only
 * from intake's own records and the events it has received.
 */
public record CallerHistory(List<CustomerHistory> customers) {

    public record CustomerHistory(Customer customer, List<InstalledProduct> installedProducts,
                                  List<TicketSummary> openTickets, List<TicketSummary> pastTickets,
                                  List<TicketSummary> complaints, List<ServiceRecord> services,
                                  List<RevisitRecord> revisits) {
    }

    /** {@code endUser} is true when the customer uses a product someone else bought (or the reverse). */
    public record TicketSummary(UUID id, String number, String state, String kind, String category,
                                String productModel, String serialNumber, String entitlement, String priority,
                                Instant registeredAt) {
    }

    /** A repair other services reported (RepairClosed): what was done and the parts replaced. */
    public record ServiceRecord(UUID ticketId, String ticketNumber, UUID workOrderId, Instant closedAt,
                                String technician, String causeCode, String actions, JsonNode partsUsed) {
    }

    public record RevisitRecord(UUID ticketId, String ticketNumber, String event, Instant at, String satisfaction,
                                String comment) {
    }
}
