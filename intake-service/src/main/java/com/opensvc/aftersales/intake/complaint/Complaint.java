package com.opensvc.aftersales.intake.complaint;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.opensvc.aftersales.intake.duty.Handlers;
import com.opensvc.aftersales.intake.entitlement.Remedy;

/**
 * A complaint's handling record (INT-10, INT-11): its state, the persons it is about (INT-12), its escalation
 * (INT-19), the decisions of each step with their actors, and the main and backup person of each step (INT-22).
 *
 * @param currentHandler who has the current step's work now: its main person, or the backup while the main one is
 *                       absent; null when nobody is assigned
 */
public record Complaint(UUID id, UUID ticketId, ComplaintState state, boolean major, List<String> subjects,
                        int escalationLevel, int reopenCount, boolean customerUnreachable,
                        String rejectionExplanation, ResponsibleDepartment responsibleDepartment,
                        String responsiblePerson, Remedy remedy, String opinion, String reviewOutcome,
                        String approvedBy, Instant approvedAt, String onSiteVisitBy, Instant onSiteVisitAt,
                        String executedBy, Instant executedAt, String formReturnedBy, Instant formReturnedAt,
                        Map<ComplaintStep, Handlers> assignments, String currentHandler, int version,
                        Instant createdAt, String createdBy) {

    public Handlers handlers(ComplaintStep step) {
        return assignments.getOrDefault(step, Handlers.NONE);
    }

    Complaint withHandlers(Map<ComplaintStep, Handlers> newAssignments, String handler) {
        return new Complaint(id, ticketId, state, major, subjects, escalationLevel, reopenCount, customerUnreachable,
                rejectionExplanation, responsibleDepartment, responsiblePerson, remedy, opinion, reviewOutcome,
                approvedBy, approvedAt, onSiteVisitBy, onSiteVisitAt, executedBy, executedAt, formReturnedBy,
                formReturnedAt, newAssignments, handler, version, createdAt, createdBy);
    }
}
