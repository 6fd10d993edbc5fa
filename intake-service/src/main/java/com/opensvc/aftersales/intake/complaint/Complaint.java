package com.opensvc.aftersales.intake.complaint;

import static com.opensvc.aftersales.intake.complaint.ComplaintState.DONE;
import static com.opensvc.aftersales.intake.complaint.ComplaintState.EXECUTION_PENDING;
import static com.opensvc.aftersales.intake.complaint.ComplaintState.FORM_RETURN_PENDING;
import static com.opensvc.aftersales.intake.complaint.ComplaintState.GM_APPROVAL_PENDING;
import static com.opensvc.aftersales.intake.complaint.ComplaintState.OPINION_PENDING;
import static com.opensvc.aftersales.intake.complaint.ComplaintState.PLAN_APPROVAL_PENDING;
import static com.opensvc.aftersales.intake.complaint.ComplaintState.REJECTED;
import static com.opensvc.aftersales.intake.complaint.ComplaintState.REJECTION_PENDING;
import static com.opensvc.aftersales.intake.complaint.ComplaintState.REVIEW_PENDING;
import static com.opensvc.aftersales.intake.complaint.ComplaintState.VALIDITY_CHECK;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.opensvc.aftersales.intake.complaint.ComplaintEvents.ComplaintFinished;
import com.opensvc.aftersales.intake.complaint.ComplaintEvents.ComplaintResponsibilityAssigned;
import com.opensvc.aftersales.intake.complaint.ComplaintEvents.ComplaintStepCompleted;
import com.opensvc.aftersales.intake.complaint.ComplaintEvents.TicketRejected;
import com.opensvc.aftersales.intake.complaint.ComplaintEvents.TicketReopened;
import com.opensvc.aftersales.intake.duty.Handlers;
import com.opensvc.aftersales.intake.entitlement.Entitlement;
import com.opensvc.aftersales.intake.entitlement.Remedy;
import com.opensvc.aftersales.intake.sla.Escalation;
import com.opensvc.aftersales.intake.sla.TicketEscalated;
import com.opensvc.aftersales.intake.ticket.Ticket;
import com.opensvc.aftersales.intake.ticket.TicketCategory;
import com.opensvc.aftersales.intake.ticket.TicketState;
import com.opensvc.aftersales.web.InvalidFieldException;
import com.opensvc.aftersales.web.StateConflictException;

/**
 * A complaint's handling record (INT-10, INT-11): its state, the persons it is about (INT-12), its escalation
 * (INT-19), the decisions of each step with their actors, and the main and backup person of each step (INT-22).
 * Each step is a transition that guards the state ({@link ComplaintState}'s table) and returns what it caused, a
 * {@link ComplaintChange}; the service saves it.
 *
 * @param onSiteVisitNote kept with the complaint, not shown by its API
 * @param executionNote   kept with the complaint, not shown by its API
 * @param currentHandler  who has the current step's work now: its main person, or the backup while the main one is
 *                        absent; null when nobody is assigned
 */
public record Complaint(UUID id, UUID ticketId, ComplaintState state, boolean major, List<String> subjects,
                        int escalationLevel, int reopenCount, boolean customerUnreachable,
                        String rejectionExplanation, ResponsibleDepartment responsibleDepartment,
                        String responsiblePerson, Remedy remedy, String opinion, String reviewOutcome,
                        String approvedBy, Instant approvedAt, String onSiteVisitBy, Instant onSiteVisitAt,
                        @JsonIgnore String onSiteVisitNote, String executedBy, Instant executedAt,
                        @JsonIgnore String executionNote, String formReturnedBy, Instant formReturnedAt,
                        Map<ComplaintStep, Handlers> assignments, String currentHandler, int version,
                        Instant createdAt, String createdBy) {

    /** INT-10: a complaint opens at the validity step. */
    static Complaint open(UUID ticketId, boolean major, List<String> subjects, String actor, Instant now) {
        return builder().id(UUID.randomUUID()).ticketId(ticketId).state(VALIDITY_CHECK).major(major)
                .subjects(List.copyOf(subjects)).createdAt(now).createdBy(actor).build();
    }

    public Handlers handlers(ComplaintStep step) {
        return assignments.getOrDefault(step, Handlers.NONE);
    }

    Complaint withHandlers(Map<ComplaintStep, Handlers> newAssignments, String handler) {
        return toBuilder().assignments(newAssignments).currentHandler(handler).build();
    }

    /** 409 unless the complaint waits for {@code step}. */
    void requireStep(ComplaintStep step) {
        if (state.step() != step) {
            throw new StateConflictException("complaint", state.name(), "act as " + step);
        }
    }

    /** INT-10: the customer manager decides validity; an invalid complaint waits for the supervisor's confirmation. */
    ComplaintChange decideValidity(Ticket ticket, boolean valid, String explanation, String actor, Instant now) {
        if (!valid && blank(explanation)) {
            throw new InvalidFieldException("explanation", "a rejection needs the explanation sent to the customer");
        }
        return step(ComplaintStep.VALIDITY, valid ? OPINION_PENDING : REJECTION_PENDING,
                valid ? "VALID" : "INVALID_PROPOSED", toBuilder().rejectionExplanation(valid ? null : explanation.trim()),
                ticket, actor, now, valid ? "complaint is valid" : "proposed invalid: " + explanation.trim());
    }

    /** INT-10: the supervisor confirms the rejection (the ticket is REJECTED and the explanation goes out) or not. */
    ComplaintChange confirmRejection(Ticket ticket, boolean confirmed, String note, String actor, Instant now) {
        if (!confirmed) {
            return step(ComplaintStep.REJECTION_CONFIRMATION, VALIDITY_CHECK, "NOT_CONFIRMED",
                    toBuilder().rejectionExplanation(null), ticket, actor, now,
                    "rejection not confirmed" + (blank(note) ? "" : ": " + note));
        }
        return step(ComplaintStep.REJECTION_CONFIRMATION, REJECTED, "CONFIRMED", toBuilder(), ticket, actor, now,
                "rejection confirmed")
                .movingTicket(TicketState.REJECTED, "complaint rejected; explanation sent to the customer: "
                        + rejectionExplanation)
                .and(new TicketRejected(ticketId, ticket.number(), rejectionExplanation, actor, actor, now));
    }

    /** INT-11: responsible department and person, the remedy (allowed by the entitlement) and the opinion. */
    ComplaintChange recordOpinion(Ticket ticket, ResponsibleDepartment department, String person, Remedy chosenRemedy,
                                  String handlingOpinion, boolean unreachable, String actor, Instant now) {
        requireRemedyAllowed(chosenRemedy, ticket.entitlement());
        String responsible = blank(person) ? null : person.trim();
        ComplaintChange change = step(ComplaintStep.OPINION, major ? PLAN_APPROVAL_PENDING : REVIEW_PENDING, "RECORDED",
                toBuilder().responsibleDepartment(department).responsiblePerson(responsible).remedy(chosenRemedy)
                        .opinion(handlingOpinion.trim()).customerUnreachable(unreachable),
                ticket, actor, now, department + (responsible == null ? "" : " / " + responsible) + ", remedy "
                        + chosenRemedy + ": " + handlingOpinion.trim());
        return change.and(change.complaint().responsibilityAssigned(ticket, "RECORDED", actor, now));
    }

    /** INT-15: a manager approves a major complaint's handling plan, or sends it back to the opinion step. */
    ComplaintChange approvePlan(Ticket ticket, boolean approved, String note, String actor, Instant now) {
        return step(ComplaintStep.PLAN_APPROVAL, approved ? REVIEW_PENDING : OPINION_PENDING,
                approved ? "APPROVED" : "RETURNED", toBuilder(), ticket, actor, now,
                (approved ? "handling plan approved" : "handling plan returned") + (blank(note) ? "" : ": " + note));
    }

    /** INT-11: the management department agrees, or convenes the parties and records the agreed opinion. */
    ComplaintChange review(Ticket ticket, boolean convened, ResponsibleDepartment department, String person,
                           Remedy agreedRemedy, String agreedOpinion, String actor, Instant now) {
        Builder reviewed = toBuilder().reviewOutcome(convened ? "CONVENED" : "AGREED");
        if (convened) {
            if (blank(agreedOpinion)) {
                throw new InvalidFieldException("agreedOpinion", "a convened review records the agreed opinion");
            }
            Remedy agreed = agreedRemedy == null ? remedy : agreedRemedy;
            requireRemedyAllowed(agreed, ticket.entitlement());
            reviewed.opinion(agreedOpinion.trim())
                    .responsibleDepartment(department == null ? responsibleDepartment : department)
                    .responsiblePerson(person == null ? responsiblePerson : person.trim())
                    .remedy(agreed);
        }
        ComplaintChange change = step(ComplaintStep.REVIEW, GM_APPROVAL_PENDING, convened ? "CONVENED" : "AGREED",
                reviewed, ticket, actor, now, convened ? "parties convened; agreed opinion: " + agreedOpinion.trim()
                        : "management agrees with the opinion");
        return change.and(change.complaint().responsibilityAssigned(ticket, "AGREED", actor, now));
    }

    /** INT-11: the general manager in charge approves the final handling opinion, or returns it to the review. */
    ComplaintChange approveFinal(Ticket ticket, boolean approved, String note, String actor, Instant now) {
        String noted = blank(note) ? "" : ": " + note;
        if (!approved) {
            return step(ComplaintStep.GM_APPROVAL, REVIEW_PENDING, "RETURNED", toBuilder(), ticket, actor, now,
                    "returned to the management review" + noted);
        }
        ComplaintChange change = step(ComplaintStep.GM_APPROVAL, EXECUTION_PENDING, "APPROVED",
                toBuilder().approvedBy(actor).approvedAt(now), ticket, actor, now, "final handling opinion approved" + noted);
        return change.and(change.complaint().responsibilityAssigned(ticket, "APPROVED", actor, now));
    }

    /** INT-15: a visit is recorded for a major complaint that is not finished yet; else 409. */
    void requireVisitable() {
        if (!major) {
            throw new StateConflictException("complaint", state.name(), "record an on-site visit: it is not major");
        }
        if (state == REJECTED || state == DONE || state == FORM_RETURN_PENDING) {
            throw new StateConflictException("complaint", state.name(), "record an on-site visit");
        }
    }

    /** INT-15: the customer manager's visit to a major complaint's customer, needed before execution. */
    ComplaintChange recordOnSiteVisit(Ticket ticket, String note, String actor, Instant now) {
        requireVisitable();
        Complaint visited = toBuilder().onSiteVisitBy(actor).onSiteVisitAt(now).onSiteVisitNote(note.trim())
                .version(version + 1).build();
        return ComplaintChange.of(visited, ComplaintStep.ON_SITE_VISIT, "COMPLAINT_ON_SITE_VISIT", actor, now,
                note.trim(), stepCompleted(ticket, ComplaintStep.ON_SITE_VISIT, "VISITED", state, actor, now));
    }

    /** INT-11, INT-21: the management department carries out the final opinion, deciding any penalty. */
    ComplaintChange execute(Ticket ticket, String note, List<Penalty> penalties, String actor, Instant now) {
        if (major && onSiteVisitAt == null) {
            throw new StateConflictException("complaint", state.name(),
                    "be carried out before the customer manager's on-site visit to this major complaint (INT-15)");
        }
        if ((remedy == Remedy.RETURN || remedy == Remedy.EXCHANGE) && !Boolean.TRUE.equals(ticket.inspectionConfirmed())) {
            throw new StateConflictException("complaint", state.name(), "carry out " + remedy
                    + " before an after-sales engineer confirmed the quality problem (INT-06)");
        }
        List<Penalty> decided = penalties.stream().map(p -> new Penalty(p.person().trim(), p.kind(), p.amount(),
                p.note(), p.departmentAssessed())).toList();
        String penalised = decided.stream().map(p -> p.person() + " " + p.kind()
                + (p.amount() == null ? "" : " " + p.amount())).collect(Collectors.joining(", "));
        return step(ComplaintStep.EXECUTION, FORM_RETURN_PENDING, "CARRIED_OUT",
                toBuilder().executedBy(actor).executedAt(now).executionNote(note.trim()), ticket, actor, now,
                note.trim() + (decided.isEmpty() ? "" : "; penalties: " + penalised))
                .deciding(decided);
    }

    /**
     * INT-11: the finished complaint form is back at customer service; the ticket is resolved (unless a work order
     * resolves it) and quality gets the complaint's statistics (QLT-04).
     */
    ComplaintChange returnForm(Ticket ticket, String customerClass, boolean penalised, ZoneId zone, String actor,
                               Instant now) {
        ComplaintChange change = step(ComplaintStep.FORM_RETURN, DONE, "RETURNED",
                toBuilder().formReturnedBy(actor).formReturnedAt(now), ticket, actor, now,
                "finished complaint form back at customer service");
        if (ticket.state().canBecome(TicketState.RESOLVED) && ticket.state() != TicketState.IN_SERVICE) {
            // TicketResolved (v1) names the work order that resolved a ticket; here ComplaintFinished is the fact
            change = change.movingTicket(TicketState.RESOLVED, "complaint handled");
        }
        return change.and(change.complaint().finished(ticket, customerClass, penalised, zone, actor, now));
    }

    /** INT-19: a dissatisfied customer reopens the complaint at the validity step, escalated by one level. */
    ComplaintChange reopen(Ticket ticket, String comment, String actor, Instant now) {
        state.requireTransitionTo(VALIDITY_CHECK);
        return escalate(ticket, comment, actor, now);
    }

    /**
     * INT-19: the escalation by one level a dissatisfied customer causes; the second time the general manager decides
     * validity. A complaint opened just now for the dissatisfaction starts here.
     */
    ComplaintChange escalate(Ticket ticket, String comment, String actor, Instant now) {
        int level = escalationLevel + 1;
        Complaint reopened = toBuilder().state(VALIDITY_CHECK).escalationLevel(level).reopenCount(reopenCount + 1)
                .version(version + 1).build();
        TicketEscalated escalated = TicketEscalated.toLevel(ticketId, ticket.number(), level,
                "customer dissatisfied (INT-19)", actor, now);
        return ComplaintChange.of(reopened, null, "ESCALATED", actor, now, "level " + level + ", notifying "
                        + escalated.notifyRoles()
                        + (Escalation.generalManagerDecides(level) ? "; the general manager decides validity" : ""),
                new TicketReopened(ticketId, ticket.number(), level, "CustomerDissatisfied", subjects, actor, now),
                escalated)
                .movingTicket(TicketState.REOPENED, "customer dissatisfied" + (blank(comment) ? "" : ": " + comment)
                        + "; escalation level " + level);
    }

    /** INT-22: a step's main and backup person are never a person the complaint is about (INT-12), nor one person. */
    void requireAssignable(String main, String backup) {
        ConflictOfInterest.requireAssignable(subjects, "mainPerson", main);
        ConflictOfInterest.requireAssignable(subjects, "backupPerson", backup);
        if (main != null && main.equals(backup)) {
            throw new InvalidFieldException("backupPerson", "must be another person than the main one");
        }
    }

    private ComplaintChange step(ComplaintStep step, ComplaintState next, String outcome, Builder after, Ticket ticket,
                                 String actor, Instant now, String detail) {
        requireStep(step);
        state.requireTransitionTo(next);
        return ComplaintChange.of(after.state(next).version(version + 1).build(), step,
                "COMPLAINT_" + step + "_" + outcome, actor, now, detail + " -> " + next,
                stepCompleted(ticket, step, outcome, next, actor, now));
    }

    private ComplaintStepCompleted stepCompleted(Ticket ticket, ComplaintStep step, String outcome,
                                                 ComplaintState reached, String actor, Instant now) {
        return new ComplaintStepCompleted(ticketId, ticket.number(), id, step.name(), outcome, reached.name(), actor, now);
    }

    private ComplaintResponsibilityAssigned responsibilityAssigned(Ticket ticket, String stage, String actor, Instant now) {
        return new ComplaintResponsibilityAssigned(ticketId, ticket.number(), id, stage, responsibleDepartment.name(),
                responsiblePerson, remedy.name(), actor, now);
    }

    /** QLT-04: handled the day it came in, within the deadline, or again after a reopen. */
    private ComplaintFinished finished(Ticket ticket, String customerClass, boolean penalised, ZoneId zone,
                                       String actor, Instant now) {
        LocalDate registered = LocalDate.ofInstant(ticket.createdAt(), zone);
        LocalDate finishedOn = LocalDate.ofInstant(now, zone);
        String handling = reopenCount > 0 ? "REPEATED" : registered.equals(finishedOn) ? "IMMEDIATE" : "WITHIN_DEADLINE";
        return new ComplaintFinished(ticket.id(), ticket.number(), id, customerClass,
                ticket.category() == null ? null : ticket.category().name(), contentGroup(ticket.category()), handling,
                escalationLevel, responsibleDepartment == null ? null : responsibleDepartment.name(),
                remedy == null ? null : remedy.name(), penalised, major, ticket.qualityMustReport(), actor, now);
    }

    /** QLT-04's content groups: system, people, timeliness, goods. */
    static String contentGroup(TicketCategory category) {
        if (category == null) {
            return "PEOPLE";
        }
        return switch (category) {
            case DOCUMENTATION, BILLING -> "SYSTEM";
            case SERVICE_ATTITUDE -> "PEOPLE";
            case DELIVERY_DELAY, LATE_SAMPLE -> "TIMELINESS";
            default -> "GOODS";
        };
    }

    /** INT-11: a RETURN needs entitlement RETURN; an EXCHANGE needs RETURN or EXCHANGE; other remedies any. */
    static void requireRemedyAllowed(Remedy remedy, Entitlement entitlement) {
        boolean allowed = switch (remedy) {
            case RETURN -> entitlement == Entitlement.RETURN;
            case EXCHANGE -> entitlement == Entitlement.RETURN || entitlement == Entitlement.EXCHANGE;
            default -> true;
        };
        if (!allowed) {
            throw new InvalidFieldException("remedy", remedy + " is not allowed by the entitlement " + entitlement);
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().id(id).ticketId(ticketId).state(state).major(major).subjects(subjects)
                .escalationLevel(escalationLevel).reopenCount(reopenCount).customerUnreachable(customerUnreachable)
                .rejectionExplanation(rejectionExplanation).responsibleDepartment(responsibleDepartment)
                .responsiblePerson(responsiblePerson).remedy(remedy).opinion(opinion).reviewOutcome(reviewOutcome)
                .approvedBy(approvedBy).approvedAt(approvedAt).onSiteVisitBy(onSiteVisitBy).onSiteVisitAt(onSiteVisitAt)
                .onSiteVisitNote(onSiteVisitNote).executedBy(executedBy).executedAt(executedAt)
                .executionNote(executionNote).formReturnedBy(formReturnedBy).formReturnedAt(formReturnedAt)
                .assignments(assignments).currentHandler(currentHandler).version(version).createdAt(createdAt)
                .createdBy(createdBy);
    }

    /** Builds a complaint by name (the row mapper, and each transition's next state). */
    public static final class Builder {
        private UUID id;
        private UUID ticketId;
        private ComplaintState state;
        private boolean major;
        private List<String> subjects = List.of();
        private int escalationLevel;
        private int reopenCount;
        private boolean customerUnreachable;
        private String rejectionExplanation;
        private ResponsibleDepartment responsibleDepartment;
        private String responsiblePerson;
        private Remedy remedy;
        private String opinion;
        private String reviewOutcome;
        private String approvedBy;
        private Instant approvedAt;
        private String onSiteVisitBy;
        private Instant onSiteVisitAt;
        private String onSiteVisitNote;
        private String executedBy;
        private Instant executedAt;
        private String executionNote;
        private String formReturnedBy;
        private Instant formReturnedAt;
        private Map<ComplaintStep, Handlers> assignments = Map.of();
        private String currentHandler;
        private int version;
        private Instant createdAt;
        private String createdBy;

        private Builder() {
        }

        public Builder id(UUID value) { id = value; return this; }
        public Builder ticketId(UUID value) { ticketId = value; return this; }
        public Builder state(ComplaintState value) { state = value; return this; }
        public Builder major(boolean value) { major = value; return this; }
        public Builder subjects(List<String> value) { subjects = value; return this; }
        public Builder escalationLevel(int value) { escalationLevel = value; return this; }
        public Builder reopenCount(int value) { reopenCount = value; return this; }
        public Builder customerUnreachable(boolean value) { customerUnreachable = value; return this; }
        public Builder rejectionExplanation(String value) { rejectionExplanation = value; return this; }
        public Builder responsibleDepartment(ResponsibleDepartment value) { responsibleDepartment = value; return this; }
        public Builder responsiblePerson(String value) { responsiblePerson = value; return this; }
        public Builder remedy(Remedy value) { remedy = value; return this; }
        public Builder opinion(String value) { opinion = value; return this; }
        public Builder reviewOutcome(String value) { reviewOutcome = value; return this; }
        public Builder approvedBy(String value) { approvedBy = value; return this; }
        public Builder approvedAt(Instant value) { approvedAt = value; return this; }
        public Builder onSiteVisitBy(String value) { onSiteVisitBy = value; return this; }
        public Builder onSiteVisitAt(Instant value) { onSiteVisitAt = value; return this; }
        public Builder onSiteVisitNote(String value) { onSiteVisitNote = value; return this; }
        public Builder executedBy(String value) { executedBy = value; return this; }
        public Builder executedAt(Instant value) { executedAt = value; return this; }
        public Builder executionNote(String value) { executionNote = value; return this; }
        public Builder formReturnedBy(String value) { formReturnedBy = value; return this; }
        public Builder formReturnedAt(Instant value) { formReturnedAt = value; return this; }
        public Builder assignments(Map<ComplaintStep, Handlers> value) { assignments = value; return this; }
        public Builder currentHandler(String value) { currentHandler = value; return this; }
        public Builder version(int value) { version = value; return this; }
        public Builder createdAt(Instant value) { createdAt = value; return this; }
        public Builder createdBy(String value) { createdBy = value; return this; }

        public Complaint build() {
            return new Complaint(id, ticketId, state, major, subjects, escalationLevel, reopenCount, customerUnreachable,
                    rejectionExplanation, responsibleDepartment, responsiblePerson, remedy, opinion, reviewOutcome,
                    approvedBy, approvedAt, onSiteVisitBy, onSiteVisitAt, onSiteVisitNote, executedBy, executedAt,
                    executionNote, formReturnedBy, formReturnedAt, assignments, currentHandler, version, createdAt,
                    createdBy);
        }
    }
}
