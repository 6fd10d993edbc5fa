package com.opensvc.aftersales.intake.complaint;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.opensvc.aftersales.intake.ticket.TicketEvent;

/**
 * What the complaint process publishes to {@code aftersales.intake.ticket}; the schemas are the contract. Its
 * escalation is the SLA feature's {@link com.opensvc.aftersales.intake.sla.TicketEscalated}.
 */
final class ComplaintEvents {
    private ComplaintEvents() {
    }

    record ComplaintStepCompleted(UUID ticketId, String ticketNumber, UUID complaintId, String step, String outcome,
                                  String state, String actor, Instant occurredAt) implements TicketEvent {
    }

    /** stage: RECORDED by the customer manager, AGREED by the management review, APPROVED by the general manager. */
    record ComplaintResponsibilityAssigned(UUID ticketId, String ticketNumber, UUID complaintId, String stage,
                                           String responsibleDepartment, String responsiblePerson, String remedy,
                                           String actor, Instant occurredAt) implements TicketEvent {
    }

    record TicketRejected(UUID ticketId, String ticketNumber, String explanation, String decidedBy, String actor,
                          Instant occurredAt) implements TicketEvent {
    }

    record TicketReopened(UUID ticketId, String ticketNumber, int escalationLevel, String reason,
                          List<String> subjects, String actor, Instant occurredAt) implements TicketEvent {
    }

    /**
     * QLT-04 inputs: the finished complaint's class, content, handling and outcome, for quality's statistics;
     * {@code qualityMustReport} (INT-05) lets quality open an improvement report for a complaint handled without acceptance.
     */
    record ComplaintFinished(UUID ticketId, String ticketNumber, UUID complaintId, String customerClass,
                             String category, String contentGroup, String handling, int escalationLevel,
                             String responsibleDepartment, String remedy, boolean penalised, boolean major,
                             boolean qualityMustReport, String actor, Instant occurredAt) implements TicketEvent {
    }
}
