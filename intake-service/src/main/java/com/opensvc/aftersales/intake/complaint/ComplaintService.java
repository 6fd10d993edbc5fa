package com.opensvc.aftersales.intake.complaint;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.intake.IntakeProperties;
import com.opensvc.aftersales.intake.customer.CustomerService;
import com.opensvc.aftersales.intake.duty.Handlers;
import com.opensvc.aftersales.intake.entitlement.Remedy;
import com.opensvc.aftersales.intake.sla.ClockKind;
import com.opensvc.aftersales.intake.sla.SlaLifecycle;
import com.opensvc.aftersales.intake.ticket.ComplaintTicketRegistered;
import com.opensvc.aftersales.intake.ticket.Ticket;
import com.opensvc.aftersales.intake.ticket.TicketService;
import com.opensvc.aftersales.intake.ticket.TicketState;
import com.opensvc.aftersales.web.NotFoundException;

import lombok.RequiredArgsConstructor;

/**
 * The complaint process as the seeds' departments run it (INT-10, INT-11, INT-12, INT-15, INT-19, INT-21, INT-22):
 * each step is checked for its actor, decided by the {@link Complaint}, and saved with its line on the ticket's
 * timeline, its deadlines (SLA-03), the next step's handlers and the ticket state it implies.
 */
@Service
@RequiredArgsConstructor
public class ComplaintService {
    private static final Logger log = LoggerFactory.getLogger(ComplaintService.class);

    private final ComplaintRepository repository;
    private final Complaints complaints;
    private final ComplaintAccess access;
    private final ComplaintLocks locks;
    private final TicketService tickets;
    private final CustomerService customers;
    private final SlaLifecycle sla;
    private final IntakeProperties properties;
    private final Clock clock;

    @EventListener
    public void onComplaintRegistered(ComplaintTicketRegistered registered) {
        Instant now = clock.instant();
        Complaint complaint = Complaint.open(registered.ticketId(), registered.major(), registered.subjects(),
                registered.actor(), now);
        repository.insert(complaint);
        tickets.note(registered.ticketId(), "COMPLAINT_OPENED", registered.actor(), now,
                (registered.major() ? "major complaint" : "complaint") + " at the validity step"
                        + (registered.subjects().isEmpty() ? "" : "; about " + registered.subjects()));
        access.assignFromRoster(complaint, ComplaintStep.VALIDITY, registered.actor(), now);
    }

    public Complaint get(UUID ticketId) {
        return access.withCurrentHandler(complaints.ofTicket(ticketId));
    }

    @Transactional
    public Complaint decideValidity(UUID ticketId, boolean valid, String explanation, String actor, Collection<String> roles) {
        Complaint complaint = act(ticketId, ComplaintStep.VALIDITY, actor, roles);
        return completeStep(complaint.decideValidity(tickets.get(ticketId), valid, explanation, actor, clock.instant()));
    }

    @Transactional
    public Complaint confirmRejection(UUID ticketId, boolean confirmed, String note, String actor, Collection<String> roles) {
        Complaint complaint = act(ticketId, ComplaintStep.REJECTION_CONFIRMATION, actor, roles);
        return completeStep(complaint.confirmRejection(tickets.get(ticketId), confirmed, note, actor, clock.instant()));
    }

    @Transactional
    public Complaint recordOpinion(UUID ticketId, ResponsibleDepartment department, String person, Remedy remedy,
                                   String opinion, boolean customerUnreachable, String actor, Collection<String> roles) {
        Complaint complaint = act(ticketId, ComplaintStep.OPINION, actor, roles);
        return completeStep(complaint.recordOpinion(tickets.get(ticketId), department, person, remedy, opinion,
                customerUnreachable, actor, clock.instant()));
    }

    @Transactional
    public Complaint approvePlan(UUID ticketId, boolean approved, String note, String actor, Collection<String> roles) {
        Complaint complaint = act(ticketId, ComplaintStep.PLAN_APPROVAL, actor, roles);
        return completeStep(complaint.approvePlan(tickets.get(ticketId), approved, note, actor, clock.instant()));
    }

    @Transactional
    public Complaint review(UUID ticketId, boolean convened, ResponsibleDepartment department, String person,
                            Remedy remedy, String agreedOpinion, String actor, Collection<String> roles) {
        Complaint complaint = act(ticketId, ComplaintStep.REVIEW, actor, roles);
        return completeStep(complaint.review(tickets.get(ticketId), convened, department, person, remedy, agreedOpinion,
                actor, clock.instant()));
    }

    @Transactional
    public Complaint approveFinal(UUID ticketId, boolean approved, String note, String actor, Collection<String> roles) {
        Complaint complaint = act(ticketId, ComplaintStep.GM_APPROVAL, actor, roles);
        return completeStep(complaint.approveFinal(tickets.get(ticketId), approved, note, actor, clock.instant()));
    }

    @Transactional
    public Complaint recordOnSiteVisit(UUID ticketId, String note, String actor, Collection<String> roles) {
        Complaint complaint = complaints.lockOfTicket(ticketId);
        locks.requireUnlocked(complaint, "record an on-site visit");
        complaint.requireVisitable();
        access.requireActor(complaint, ComplaintStep.ON_SITE_VISIT, actor, roles);
        save(complaint.recordOnSiteVisit(tickets.get(ticketId), note, actor, clock.instant()));
        return get(ticketId);
    }

    @Transactional
    public Complaint execute(UUID ticketId, String note, List<Penalty> penalties, String actor, Collection<String> roles) {
        Complaint complaint = act(ticketId, ComplaintStep.EXECUTION, actor, roles);
        return completeStep(complaint.execute(tickets.get(ticketId), note, penalties, actor, clock.instant()));
    }

    /** INT-11: the finished form is back; once the ticket is resolved, it closes if its revisit was done (INT-05). */
    @Transactional
    public Complaint returnForm(UUID ticketId, String actor, Collection<String> roles) {
        Complaint complaint = act(ticketId, ComplaintStep.FORM_RETURN, actor, roles);
        Ticket ticket = tickets.get(ticketId);
        completeStep(complaint.returnForm(ticket, customerClass(ticket), repository.hasPenalty(complaint.id()),
                properties.zone(), actor, clock.instant()));
        tickets.complaintFinished(ticketId, actor, clock.instant());
        return get(ticketId);
    }

    /** INT-22: a supervisor or manager names a step's main and backup person; never a person the complaint is about. */
    @Transactional
    public Complaint assign(UUID ticketId, ComplaintStep step, String main, String backup, String actor) {
        Complaint complaint = complaints.lockOfTicket(ticketId);
        locks.requireUnlocked(complaint, "assign " + step);
        complaint.requireAssignable(main, backup);
        access.assign(complaint, step, new Handlers(main, backup), actor, clock.instant());
        return get(ticketId);
    }

    /**
     * INT-19: a dissatisfied customer reopens the ticket at the validity step with its escalation raised by one; the
     * second time the general manager decides. A ticket without a complaint gets one: the dissatisfaction is one.
     */
    @Transactional
    public void customerDissatisfied(UUID ticketId, String comment, String actor, Instant at) {
        if (tickets.find(ticketId).isEmpty()) {
            log.warn("CustomerDissatisfied for unknown ticket {} ignored", ticketId);
            return;
        }
        Ticket ticket = tickets.lock(ticketId);
        if (!ticket.state().canBecome(TicketState.REOPENED)) {
            tickets.note(ticketId, "CUSTOMER_DISSATISFIED", actor, at, "ticket is " + ticket.state() + "; not reopened");
            return;
        }
        Instant now = clock.instant();
        Complaint complaint = repository.findByTicket(ticketId, true).orElse(null);
        ComplaintChange change;
        if (complaint == null) {
            Complaint opened = Complaint.open(ticketId, false, List.of(), actor, now);
            repository.insert(opened);
            change = opened.escalate(ticket, comment, actor, now);
        } else {
            change = complaint.reopen(ticket, comment, actor, now);
            locks.releaseForReopen(complaint, actor, now);
        }
        repository.save(change);
        for (ComplaintStep step : ComplaintStep.values()) {
            if (step != ComplaintStep.ON_SITE_VISIT) {
                repository.assign(change.complaint().id(), step, Handlers.NONE, actor, now);
            }
        }
        tickets.move(ticket, change.ticketMove().target(), change.ticketMove().target().name(), actor, at,
                change.ticketMove().detail());
        tickets.note(ticketId, change.action(), actor, now, change.detail());
        access.assignFromRoster(change.complaint().withHandlers(Map.of(), null), ComplaintStep.VALIDITY, actor, now);
        // the validity step again: the opinion's deadline runs anew from the reopen (SLA-03)
        sla.complaintStepDone(ticketId, null, ClockKind.OPINION, now, actor);
    }

    /** The open complaints whose current step is this person's work now (INT-22). */
    public List<Complaint> workOf(String person, Collection<String> roles) {
        return repository.open().stream().filter(c -> access.isWorkOf(c, person, roles))
                .map(access::withCurrentHandler).toList();
    }

    private Complaint act(UUID ticketId, ComplaintStep step, String actor, Collection<String> roles) {
        Complaint complaint = complaints.lockOfTicket(ticketId);
        locks.requireUnlocked(complaint, "act as " + step);
        complaint.requireStep(step);
        access.requireActor(complaint, step, actor, roles);
        return complaint;
    }

    /**
     * Saves a step: the change, the step's deadline met and the next step's started (SLA-03), the next step's handlers
     * from the roster (INT-22), and the ticket state the change implies.
     */
    private Complaint completeStep(ComplaintChange change) {
        save(change);
        Complaint after = change.complaint();
        sla.complaintStepDone(after.ticketId(), change.step().deadline(), after.state().startsDeadline(), change.at(),
                change.actor());
        if (after.state().ended()) {
            sla.complaintEnded(after.ticketId(), change.actor());
        } else {
            access.assignFromRoster(after, after.state().step(), change.actor(), change.at());
        }
        if (change.ticketMove() != null) {
            tickets.move(tickets.lock(after.ticketId()), change.ticketMove().target(),
                    change.ticketMove().target().name(), change.actor(), clock.instant(), change.ticketMove().detail());
        }
        return get(after.ticketId());
    }

    /** The complaint, its penalties and events, and its line on the ticket's timeline. */
    private void save(ComplaintChange change) {
        repository.save(change);
        tickets.note(change.complaint().ticketId(), change.action(), change.actor(), change.at(), change.detail());
    }

    /** QLT-04: the customer's class, if the customer is still on record. */
    private String customerClass(Ticket ticket) {
        try {
            return customers.get(ticket.customerId()).customerClass().name();
        } catch (NotFoundException deleted) {
            return null;
        }
    }
}
