package com.opensvc.aftersales.intake.complaint;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.intake.IntakeProperties;
import com.opensvc.aftersales.intake.sla.Escalation;
import com.opensvc.aftersales.intake.sla.SlaLifecycle;
import com.opensvc.aftersales.intake.customer.CustomerRepository;
import com.opensvc.aftersales.intake.duty.Handlers;
import com.opensvc.aftersales.intake.entitlement.Entitlement;
import com.opensvc.aftersales.intake.entitlement.Remedy;
import com.opensvc.aftersales.intake.ticket.ComplaintTicketRegistered;
import com.opensvc.aftersales.intake.ticket.Ticket;
import com.opensvc.aftersales.intake.ticket.TicketCategory;
import com.opensvc.aftersales.intake.ticket.TicketRepository;
import com.opensvc.aftersales.intake.ticket.TicketService;
import com.opensvc.aftersales.intake.ticket.TicketState;
import com.opensvc.aftersales.messaging.OutboxWriter;
import com.opensvc.aftersales.web.InvalidFieldException;
import com.opensvc.aftersales.web.NotFoundException;
import com.opensvc.aftersales.web.StateConflictException;

/**
 * The complaint process as the seeds' departments run it (INT-10, INT-11, INT-12, INT-15, INT-19, INT-21, INT-22):
 * each step is a state with its actor and time on the ticket's timeline, and publishes what it implies.
 */
@Service
public class ComplaintService {
    private static final Logger log = LoggerFactory.getLogger(ComplaintService.class);

    private final ComplaintRepository complaints;
    private final ComplaintAccess access;
    private final TicketService ticketService;
    private final TicketRepository tickets;
    private final CustomerRepository customers;
    private final OutboxWriter outbox;
    private final IntakeProperties properties;
    private final Clock clock;
    private final SlaLifecycle sla;
    private final ComplaintLocks locks;

    public ComplaintService(ComplaintRepository complaints, ComplaintAccess access, TicketService ticketService,
                            TicketRepository tickets, CustomerRepository customers, OutboxWriter outbox,
                            IntakeProperties properties, Clock clock, SlaLifecycle sla, ComplaintLocks locks) {
        this.sla = sla;
        this.complaints = complaints;
        this.access = access;
        this.ticketService = ticketService;
        this.tickets = tickets;
        this.customers = customers;
        this.outbox = outbox;
        this.properties = properties;
        this.clock = clock;
        this.locks = locks;
    }

    /** One penalty decided at execution (INT-21). */
    public record Penalty(String person, String kind, BigDecimal amount, String note, boolean departmentAssessed) {
    }

    @EventListener
    public void onComplaintRegistered(ComplaintTicketRegistered registered) {
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        complaints.insert(id, registered.ticketId(), registered.major(), registered.subjects(), registered.actor(), now);
        tickets.recordHistory(registered.ticketId(), now, registered.actor(), "COMPLAINT_OPENED", null, null,
                (registered.major() ? "major complaint" : "complaint") + " at the validity step"
                        + (registered.subjects().isEmpty() ? "" : "; about " + registered.subjects()));
        access.assignFromRoster(find(registered.ticketId(), true), ComplaintStep.VALIDITY, registered.actor(), now);
    }

    public Complaint get(UUID ticketId) {
        return access.withCurrentHandler(find(ticketId, false));
    }

    /** INT-10: the customer manager decides validity; an invalid complaint waits for the supervisor's confirmation. */
    @Transactional
    public Complaint decideValidity(UUID ticketId, boolean valid, String explanation, String actor, Collection<String> roles) {
        Complaint complaint = act(ticketId, ComplaintStep.VALIDITY, actor, roles);
        if (!valid && blank(explanation)) {
            throw new InvalidFieldException("explanation", "a rejection needs the explanation sent to the customer");
        }
        ComplaintState next = valid ? ComplaintState.OPINION_PENDING : ComplaintState.REJECTION_PENDING;
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("rejection_explanation", valid ? null : explanation.trim());
        return step(complaint, ComplaintStep.VALIDITY, next, valid ? "VALID" : "INVALID_PROPOSED", columns, actor,
                valid ? "complaint is valid" : "proposed invalid: " + explanation.trim());
    }

    /** INT-10: the supervisor confirms the rejection (the ticket is REJECTED and the explanation goes out) or not. */
    @Transactional
    public Complaint confirmRejection(UUID ticketId, boolean confirmed, String note, String actor, Collection<String> roles) {
        Complaint complaint = act(ticketId, ComplaintStep.REJECTION_CONFIRMATION, actor, roles);
        Instant now = clock.instant();
        if (!confirmed) {
            Map<String, Object> cleared = new LinkedHashMap<>();
            cleared.put("rejection_explanation", null);
            return step(complaint, ComplaintStep.REJECTION_CONFIRMATION, ComplaintState.VALIDITY_CHECK, "NOT_CONFIRMED",
                    cleared, actor, "rejection not confirmed" + (blank(note) ? "" : ": " + note));
        }
        Complaint rejected = step(complaint, ComplaintStep.REJECTION_CONFIRMATION, ComplaintState.REJECTED, "CONFIRMED",
                Map.of(), actor, "rejection confirmed");
        Ticket ticket = ticketService.moveForComplaint(ticketId, TicketState.REJECTED, actor, clock.instant(),
                "complaint rejected; explanation sent to the customer: " + complaint.rejectionExplanation());
        outbox.append(ComplaintEvents.AGGREGATE, ticketId, "TicketRejected", 1, new ComplaintEvents.TicketRejected(
                ticketId, ticket.number(), complaint.rejectionExplanation(), actor, actor, now));
        return rejected;
    }

    /** INT-11: responsible department and person, the remedy (allowed by the entitlement) and the opinion. */
    @Transactional
    public Complaint recordOpinion(UUID ticketId, ResponsibleDepartment department, String person, Remedy remedy,
                                   String opinion, boolean customerUnreachable, String actor, Collection<String> roles) {
        Complaint complaint = act(ticketId, ComplaintStep.OPINION, actor, roles);
        Ticket ticket = ticketService.get(ticketId);
        requireRemedyAllowed(remedy, ticket.entitlement());
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("responsible_department", department);
        columns.put("responsible_person", blank(person) ? null : person.trim());
        columns.put("remedy", remedy);
        columns.put("opinion", opinion.trim());
        columns.put("customer_unreachable", customerUnreachable);
        ComplaintState next = complaint.major() ? ComplaintState.PLAN_APPROVAL_PENDING : ComplaintState.REVIEW_PENDING;
        Complaint recorded = step(complaint, ComplaintStep.OPINION, next, "RECORDED", columns, actor,
                department + (blank(person) ? "" : " / " + person.trim()) + ", remedy " + remedy + ": " + opinion.trim());
        responsibility(recorded, ticket, "RECORDED", actor);
        return recorded;
    }

    /** INT-15: a manager approves a major complaint's handling plan, or sends it back to the opinion step. */
    @Transactional
    public Complaint approvePlan(UUID ticketId, boolean approved, String note, String actor, Collection<String> roles) {
        Complaint complaint = act(ticketId, ComplaintStep.PLAN_APPROVAL, actor, roles);
        return step(complaint, ComplaintStep.PLAN_APPROVAL,
                approved ? ComplaintState.REVIEW_PENDING : ComplaintState.OPINION_PENDING,
                approved ? "APPROVED" : "RETURNED", Map.of(), actor,
                (approved ? "handling plan approved" : "handling plan returned") + (blank(note) ? "" : ": " + note));
    }

    /** INT-11: the management department agrees, or convenes the parties and records the agreed opinion. */
    @Transactional
    public Complaint review(UUID ticketId, boolean convened, ResponsibleDepartment department, String person,
                            Remedy remedy, String agreedOpinion, String actor, Collection<String> roles) {
        Complaint complaint = act(ticketId, ComplaintStep.REVIEW, actor, roles);
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("review_outcome", convened ? "CONVENED" : "AGREED");
        if (convened) {
            if (blank(agreedOpinion)) {
                throw new InvalidFieldException("agreedOpinion", "a convened review records the agreed opinion");
            }
            Ticket ticket = ticketService.get(ticketId);
            Remedy agreedRemedy = remedy == null ? complaint.remedy() : remedy;
            requireRemedyAllowed(agreedRemedy, ticket.entitlement());
            columns.put("opinion", agreedOpinion.trim());
            columns.put("responsible_department", department == null ? complaint.responsibleDepartment() : department);
            columns.put("responsible_person", person == null ? complaint.responsiblePerson() : person.trim());
            columns.put("remedy", agreedRemedy);
        }
        Complaint reviewed = step(complaint, ComplaintStep.REVIEW, ComplaintState.GM_APPROVAL_PENDING,
                convened ? "CONVENED" : "AGREED", columns, actor,
                convened ? "parties convened; agreed opinion: " + agreedOpinion.trim() : "management agrees with the opinion");
        responsibility(reviewed, ticketService.get(ticketId), "AGREED", actor);
        return reviewed;
    }

    /** INT-11: the general manager in charge approves the final handling opinion, or returns it to the review. */
    @Transactional
    public Complaint approveFinal(UUID ticketId, boolean approved, String note, String actor, Collection<String> roles) {
        Complaint complaint = act(ticketId, ComplaintStep.GM_APPROVAL, actor, roles);
        if (!approved) {
            return step(complaint, ComplaintStep.GM_APPROVAL, ComplaintState.REVIEW_PENDING, "RETURNED", Map.of(), actor,
                    "returned to the management review" + (blank(note) ? "" : ": " + note));
        }
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("approved_by", actor);
        columns.put("approved_at", clock.instant());
        Complaint approvedComplaint = step(complaint, ComplaintStep.GM_APPROVAL, ComplaintState.EXECUTION_PENDING,
                "APPROVED", columns, actor, "final handling opinion approved" + (blank(note) ? "" : ": " + note));
        responsibility(approvedComplaint, ticketService.get(ticketId), "APPROVED", actor);
        return approvedComplaint;
    }

    /** INT-15: the customer manager's visit to a major complaint's customer, needed before execution. */
    @Transactional
    public Complaint recordOnSiteVisit(UUID ticketId, String note, String actor, Collection<String> roles) {
        Complaint complaint = find(ticketId, true);
        locks.requireUnlocked(complaint, "record an on-site visit");
        if (!complaint.major()) {
            throw new StateConflictException("complaint", complaint.state().name(), "record an on-site visit: it is not major");
        }
        if (complaint.state() == ComplaintState.REJECTED || complaint.state() == ComplaintState.DONE
                || complaint.state() == ComplaintState.FORM_RETURN_PENDING) {
            throw new StateConflictException("complaint", complaint.state().name(), "record an on-site visit");
        }
        access.requireActor(complaint, ComplaintStep.ON_SITE_VISIT, actor, roles);
        Instant now = clock.instant();
        complaints.update(complaint.id(), complaint.state(), Map.of("on_site_visit_by", actor, "on_site_visit_at", now,
                "on_site_visit_note", note.trim()), now);
        tickets.recordHistory(ticketId, now, actor, "COMPLAINT_ON_SITE_VISIT", null, null, note.trim());
        publishStep(complaint, ComplaintStep.ON_SITE_VISIT, "VISITED", complaint.state(), actor, now);
        return get(ticketId);
    }

    /** INT-11, INT-21: the management department carries out the final opinion, recording any penalty. */
    @Transactional
    public Complaint execute(UUID ticketId, String note, List<Penalty> penalties, String actor, Collection<String> roles) {
        Complaint complaint = act(ticketId, ComplaintStep.EXECUTION, actor, roles);
        if (complaint.major() && complaint.onSiteVisitAt() == null) {
            throw new StateConflictException("complaint", complaint.state().name(),
                    "be carried out before the customer manager's on-site visit to this major complaint (INT-15)");
        }
        Ticket ticket = ticketService.get(ticketId);
        if ((complaint.remedy() == Remedy.RETURN || complaint.remedy() == Remedy.EXCHANGE)
                && !Boolean.TRUE.equals(ticket.inspectionConfirmed())) {
            throw new StateConflictException("complaint", complaint.state().name(), "carry out " + complaint.remedy()
                    + " before an after-sales engineer confirmed the quality problem (INT-06)");
        }
        Instant now = clock.instant();
        List<String> penalised = new ArrayList<>();
        for (Penalty penalty : penalties) {
            complaints.recordPenalty(complaint.id(), penalty.person().trim(), penalty.kind(), penalty.amount(),
                    penalty.note(), penalty.departmentAssessed(), actor, now);
            penalised.add(penalty.person().trim() + " " + penalty.kind()
                    + (penalty.amount() == null ? "" : " " + penalty.amount()));
        }
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("executed_by", actor);
        columns.put("executed_at", now);
        columns.put("execution_note", note.trim());
        return step(complaint, ComplaintStep.EXECUTION, ComplaintState.FORM_RETURN_PENDING, "CARRIED_OUT", columns, actor,
                note.trim() + (penalised.isEmpty() ? "" : "; penalties: " + String.join(", ", penalised)));
    }

    /** INT-11: the finished complaint form is back at customer service; the ticket is resolved. */
    @Transactional
    public Complaint returnForm(UUID ticketId, String actor, Collection<String> roles) {
        Complaint complaint = act(ticketId, ComplaintStep.FORM_RETURN, actor, roles);
        Instant now = clock.instant();
        Complaint done = step(complaint, ComplaintStep.FORM_RETURN, ComplaintState.DONE, "RETURNED",
                Map.of("form_returned_by", actor, "form_returned_at", now), actor, "finished complaint form back at customer service");
        Ticket ticket = ticketService.get(ticketId);
        if (ticket.state().canBecome(TicketState.RESOLVED) && ticket.state() != TicketState.IN_SERVICE) {
            // TicketResolved (v1) names the work order that resolved a ticket; here ComplaintFinished is the fact
            ticketService.moveForComplaint(ticketId, TicketState.RESOLVED, actor, clock.instant(), "complaint handled");
        }
        outbox.append(ComplaintEvents.AGGREGATE, ticketId, "ComplaintFinished", 1, finished(done, ticket, actor, now));
        ticketService.complaintFinished(ticketId, actor, clock.instant());
        return get(ticketId);
    }

    /** INT-22: a supervisor or manager names a step's main and backup person; never a person the complaint is about. */
    @Transactional
    public Complaint assign(UUID ticketId, ComplaintStep step, String main, String backup, String actor) {
        Complaint complaint = find(ticketId, true);
        locks.requireUnlocked(complaint, "assign " + step);
        ConflictOfInterest.requireAssignable(complaint.subjects(), "mainPerson", main);
        ConflictOfInterest.requireAssignable(complaint.subjects(), "backupPerson", backup);
        if (main != null && main.equals(backup)) {
            throw new InvalidFieldException("backupPerson", "must be another person than the main one");
        }
        Instant now = clock.instant();
        complaints.assign(complaint.id(), step, new Handlers(main, backup), actor, now);
        tickets.recordHistory(ticketId, now, actor, "COMPLAINT_ASSIGNED", null, null,
                step + ": main " + main + (backup == null ? "" : ", backup " + backup));
        return get(ticketId);
    }

    /**
     * INT-19: a dissatisfied customer reopens the ticket at the validity step with its escalation raised by one; the
     * second time the general manager decides. A ticket without a complaint gets one: the dissatisfaction is one.
     */
    @Transactional
    public void customerDissatisfied(UUID ticketId, String comment, String actor, Instant at) {
        Ticket ticket = tickets.findForUpdate(ticketId).orElse(null);
        if (ticket == null) {
            log.warn("CustomerDissatisfied for unknown ticket {} ignored", ticketId);
            return;
        }
        if (!ticket.state().canBecome(TicketState.REOPENED)) {
            tickets.recordHistory(ticketId, at, actor, "CUSTOMER_DISSATISFIED", null, null,
                    "ticket is " + ticket.state() + "; not reopened");
            return;
        }
        Complaint complaint = complaints.findByTicket(ticketId, true).orElse(null);
        Instant now = clock.instant();
        if (complaint == null) {
            complaints.insert(UUID.randomUUID(), ticketId, false, List.of(), actor, now);
            complaint = find(ticketId, true);
        } else {
            complaint.state().requireTransitionTo(ComplaintState.VALIDITY_CHECK);
            locks.releaseForReopen(complaint, actor, now);
        }
        int level = complaint.escalationLevel() + 1;
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("escalation_level", level);
        columns.put("reopen_count", complaint.reopenCount() + 1);
        complaints.update(complaint.id(), ComplaintState.VALIDITY_CHECK, columns, now);
        for (ComplaintStep step : ComplaintStep.values()) {
            if (step != ComplaintStep.ON_SITE_VISIT) {
                complaints.assign(complaint.id(), step, Handlers.NONE, actor, now);
            }
        }
        ticketService.moveForComplaint(ticketId, TicketState.REOPENED, actor, at,
                "customer dissatisfied" + (blank(comment) ? "" : ": " + comment) + "; escalation level " + level);
        List<String> notify = Escalation.rolesFor(level);
        tickets.recordHistory(ticketId, now, actor, "ESCALATED", null, null, "level " + level + ", notifying " + notify
                + (Escalation.generalManagerDecides(level) ? "; the general manager decides validity" : ""));
        outbox.append(ComplaintEvents.AGGREGATE, ticketId, "TicketReopened", 1, new ComplaintEvents.TicketReopened(
                ticketId, ticket.number(), level, "CustomerDissatisfied", complaint.subjects(), actor, now));
        outbox.append(ComplaintEvents.AGGREGATE, ticketId, "TicketEscalated", 1, new ComplaintEvents.TicketEscalated(
                ticketId, ticket.number(), level, notify, "customer dissatisfied (INT-19)", actor, now));
        access.assignFromRoster(find(ticketId, true), ComplaintStep.VALIDITY, actor, now);
        sla.complaintStepDone(ticketId, "REOPENED", ComplaintState.VALIDITY_CHECK.name(), now, actor);
    }

    /** The open complaints whose current step is this person's work now (INT-22). */
    public List<Complaint> workOf(String person, Collection<String> roles) {
        return complaints.open().stream().filter(c -> access.isWorkOf(c, person, roles))
                .map(access::withCurrentHandler).toList();
    }

    private Complaint act(UUID ticketId, ComplaintStep step, String actor, Collection<String> roles) {
        Complaint complaint = find(ticketId, true);
        locks.requireUnlocked(complaint, "act as " + step);
        if (complaint.state().step() != step) {
            throw new StateConflictException("complaint", complaint.state().name(), "act as " + step);
        }
        access.requireActor(complaint, step, actor, roles);
        return complaint;
    }

    private Complaint step(Complaint complaint, ComplaintStep step, ComplaintState next, String outcome,
                           Map<String, Object> columns, String actor, String detail) {
        complaint.state().requireTransitionTo(next);
        Instant now = clock.instant();
        complaints.update(complaint.id(), next, columns, now);
        tickets.recordHistory(complaint.ticketId(), now, actor, "COMPLAINT_" + step + "_" + outcome, null, null,
                detail + " -> " + next);
        publishStep(complaint, step, outcome, next, actor, now);
        sla.complaintStepDone(complaint.ticketId(), step.name(), next.name(), now, actor);
        Complaint moved = find(complaint.ticketId(), true);
        if (next.step() != null) {
            access.assignFromRoster(moved, next.step(), actor, now);
        }
        return get(complaint.ticketId());
    }

    private void publishStep(Complaint complaint, ComplaintStep step, String outcome, ComplaintState state, String actor,
                             Instant now) {
        String number = ticketService.get(complaint.ticketId()).number();
        outbox.append(ComplaintEvents.AGGREGATE, complaint.ticketId(), "ComplaintStepCompleted", 1,
                new ComplaintEvents.ComplaintStepCompleted(complaint.ticketId(), number, complaint.id(), step.name(),
                        outcome, state.name(), actor, now));
    }

    private void responsibility(Complaint complaint, Ticket ticket, String stage, String actor) {
        outbox.append(ComplaintEvents.AGGREGATE, ticket.id(), "ComplaintResponsibilityAssigned", 1,
                new ComplaintEvents.ComplaintResponsibilityAssigned(ticket.id(), ticket.number(), complaint.id(), stage,
                        complaint.responsibleDepartment().name(), complaint.responsiblePerson(),
                        complaint.remedy().name(), actor, clock.instant()));
    }

    private ComplaintEvents.ComplaintFinished finished(Complaint complaint, Ticket ticket, String actor, Instant now) {
        String customerClass = customers.find(ticket.customerId()).map(c -> c.customerClass().name()).orElse(null);
        LocalDate registered = LocalDate.ofInstant(ticket.createdAt(), properties.zone());
        LocalDate finishedOn = LocalDate.ofInstant(now, properties.zone());
        String handling = complaint.reopenCount() > 0 ? "REPEATED"
                : registered.equals(finishedOn) ? "IMMEDIATE" : "WITHIN_DEADLINE";
        return new ComplaintEvents.ComplaintFinished(ticket.id(), ticket.number(), complaint.id(), customerClass,
                ticket.category() == null ? null : ticket.category().name(), contentGroup(ticket.category()), handling,
                complaint.escalationLevel(), complaint.responsibleDepartment() == null ? null
                : complaint.responsibleDepartment().name(), complaint.remedy() == null ? null : complaint.remedy().name(),
                complaints.hasPenalty(complaint.id()), complaint.major(), actor, now);
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

    private Complaint find(UUID ticketId, boolean lock) {
        return complaints.findByTicket(ticketId, lock)
                .orElseThrow(() -> new NotFoundException("ticket " + ticketId + " has no complaint"));
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
