package com.opensvc.aftersales.dispatch.workorder;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.opensvc.aftersales.dispatch.charge.ChargeSheet;

/**
 * What a work order's transitions publish to {@code aftersales.dispatch.workorder} (platform/contracts holds their
 * schemas). Inside dispatch they are also in-process events: the visit clocks start and stop on them.
 */
public final class WorkOrderEvents {
    private WorkOrderEvents() {
    }

    /** DSP-01: {@code previousWorkOrderId} is the ticket's earlier work order when it was accepted again, else null. */
    public record WorkOrderCreated(UUID workOrderId, UUID ticketId, String ticketNumber, String serviceType,
                                   String productLine, String productModel, String serialNumber, String region,
                                   List<PartLine> expectedParts, UUID previousWorkOrderId, String actor,
                                   Instant occurredAt) implements WorkOrderEvent {
    }

    /** DSP-02: who decided the assignment (POOL_CLAIM: the technician claimed it from the open pool). */
    public enum AssignedBy {
        AUTOMATIC_POLICY, SUPERVISOR, POOL_CLAIM
    }

    /**
     * DSP-02, INT-22: the order's main technician, its backup (null when nobody can back up), how it is handled, and
     * whether the supervisor assigned over the technician's daily capacity. Also published when the order is
     * reassigned (the latest wins), alongside {@link WorkOrderReassigned}.
     */
    public record TechnicianAssigned(UUID workOrderId, UUID ticketId, String technicianId, AssignedBy assignedBy,
                                     String actor, Instant occurredAt, String backupTechnicianId, Handling handling,
                                     boolean capacityOverride) implements WorkOrderEvent {
    }

    /**
     * DSP-02, DSP-03, INT-22: an assigned order now goes to another technician; parts moves what it issued for the order
     * to the new one's holding and fills a still-open request to them. {@code toLocation} is the new technician's home
     * store. Also published when a handed-back order is assigned again (DSP-04): its parts follow, not requested again.
     */
    public record WorkOrderReassigned(UUID workOrderId, UUID ticketId, String fromTechnicianId, String toTechnicianId,
                                      String toLocation, String reason, String actor, Instant occurredAt)
            implements WorkOrderEvent {
    }

    /**
     * INT-08: the order was cancelled (the quote it waited for was declined or expired). Parts asks for what is still
     * on loan for it back (PRT-03: unused, returned and inspected).
     */
    public record WorkOrderCancelled(UUID workOrderId, UUID ticketId, String technicianId, String reason,
                                     String actor, Instant occurredAt) implements WorkOrderEvent {
    }

    /** DSP-04: the technician gave the order back (or, INT-22, their absence did): it is NEW again, unassigned. */
    public record WorkOrderHandedBack(UUID workOrderId, UUID ticketId, String technicianId, String reason,
                                      String actor, Instant occurredAt) implements WorkOrderEvent {
    }

    public record PartsRequested(UUID workOrderId, UUID ticketId, String technicianId, String fromLocation,
                                 List<PartLine> lines, String actor, Instant occurredAt) implements WorkOrderEvent {
    }

    /**
     * DSP-05: {@code entitlement} is the one in force when the repair closed (INT-07); {@code firstTimeFix} is false for
     * a repeat order ({@code previousWorkOrderId} set, DSP-01) and after a NOT_FIXED visit (DSP-06). {@code charges}
     * and {@code payment} are null when nothing was charged; {@code customerRating} null when the customer declined.
     */
    public record RepairClosed(UUID workOrderId, UUID ticketId, String technicianId, String productModel,
                               String serialNumber, String entitlement, RecordVisitRequest.Outcome outcome,
                               String symptom, String causeCode, String actions,
                               List<RecordVisitRequest.PartUsed> partsUsed, int labourMinutes, boolean firstTimeFix,
                               String customerConfirmation, UUID previousWorkOrderId,
                               Handling handling, ChargeSheet.Charges charges,
                               ChargeSheet.Payment payment, Confirmation confirmation,
                               RecordVisitRequest.CustomerRating customerRating, String actor,
                               Instant occurredAt) implements WorkOrderEvent {
    }

    /** DSP-05: how the customer confirmed; the signature image and the code stay in dispatch. */
    public record Confirmation(CustomerConfirmation.Method method) {
    }

    public record TechnicianArrived(UUID workOrderId, UUID ticketId, String technicianId, String actor,
                                    Instant occurredAt) implements WorkOrderEvent {
    }

    public record WorkStarted(UUID workOrderId, UUID ticketId, String technicianId, String actor, Instant occurredAt)
            implements WorkOrderEvent {
    }

    /**
     * DSP-06: the assigned technician's visit did not fix the product ({@code visitId}, the NOT_FIXED visit); the order
     * waits AWAITING_SUPPORT. Inside dispatch the technical-support feature opens engineering's request from it.
     */
    public record RepairNotFixed(UUID workOrderId, UUID ticketId, UUID visitId, String technicianId,
                                 String productModel, String siteSituation, String symptom, String actionsTried,
                                 int labourMinutes, String question, List<String> attachments, String actor,
                                 Instant occurredAt) implements WorkOrderEvent {
    }
}
