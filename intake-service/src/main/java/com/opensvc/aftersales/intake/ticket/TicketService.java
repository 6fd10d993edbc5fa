package com.opensvc.aftersales.intake.ticket;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.idempotency.IdempotencyKeys;
import com.opensvc.aftersales.intake.ticket.TicketChange.HistoryLine;
import com.opensvc.aftersales.web.NotFoundException;

import lombok.RequiredArgsConstructor;

/**
 * The ticket's service: load (and lock) → the {@link Ticket} decides → save. Its public methods are also the ticket's
 * API for the other intake features (quote, pending, knowledge, complaint, sla, reply, outreach): they read and change
 * tickets and their timelines only through it.
 */
@Service
@RequiredArgsConstructor
public class TicketService {
    private static final Logger log = LoggerFactory.getLogger(TicketService.class);

    private final TicketRepository tickets;
    private final TicketChanges changes;
    private final RegistrationFacts.Resolver registrationFacts;
    private final DuplicateTickets duplicates;
    private final PaidServiceGate paidServiceGate;
    private final SiteContact.Resolver siteContacts;
    private final IdempotencyKeys idempotencyKeys;
    private final Clock clock;

    public record Registration(Ticket ticket, boolean created) {
    }

    @Transactional
    public Registration register(RegisterTicketRequest request, String idempotencyKey, String actor) {
        UUID id = UUID.randomUUID();
        Optional<UUID> earlier = idempotencyKeys.claim("ticket", idempotencyKey, id);
        if (earlier.isPresent()) {
            return new Registration(get(earlier.get()), false);
        }
        Instant now = clock.instant();
        RegistrationFacts facts = registrationFacts.resolve(request, now, actor);
        int year = facts.reportedOn().getYear();
        List<Ticket> openDuplicates = duplicates.openFor(facts.serialNumber(), id);
        Ticket ticket = changes.save(Ticket.register(id, Ticket.number(year, tickets.nextNumber()), request, facts,
                openDuplicates, now, actor));
        duplicates.link(ticket, openDuplicates, actor, now);
        log.info("Registered ticket {} ({}) via {}, routed to {}", ticket.number(), id, ticket.channel(), ticket.routedTo());
        return new Registration(get(id), true);
    }

    @Transactional
    public Ticket accept(UUID id, String actor, boolean actorIsSupervisor) {
        Ticket ticket = lock(id);
        changes.save(ticket.accept(actor, actorIsSupervisor, paidServiceGate, siteContacts.of(ticket), clock.instant()));
        return get(id);
    }

    @Transactional
    public Ticket cancel(UUID id, String reason, String actor) {
        changes.save(lock(id).cancel(reason, actor, clock.instant()));
        return get(id);
    }

    /*
     * Another service's event implies a transition. One that does not fit the ticket's state is kept on the timeline
     * (by the listener) but changes nothing: it is a fact, not a command, and must not block the partition.
     */

    /** A work order exists: the ticket is in service. */
    @Transactional
    public void workOrderCreated(UUID id, UUID workOrderId, String actor, Instant at) {
        onEvent(id, "work order " + workOrderId, ticket -> ticket.workOrderCreated(workOrderId, actor, at, clock.instant()));
    }

    /**
     * The repair is closed: the ticket is resolved and waits for the revisit decision (REV-01); one that arrived
     * before the repair's own event closes it at once (INT-13).
     */
    @Transactional
    public void repairClosed(UUID id, UUID workOrderId, String actor, Instant at) {
        onEvent(id, "repair closed", ticket -> ticket.repairClosed(workOrderId, actor, at, clock.instant())
                .map(change -> closeIfDone(change, "repair closed", actor, at)));
    }

    /** INT-06: dispatch assigned a technician to the ticket's work order; the latest assignment wins. */
    @Transactional
    public void technicianAssigned(UUID id, UUID workOrderId, String technicianId, Instant at) {
        onEvent(id, "technician assignment", ticket -> ticket.technicianAssigned(workOrderId, technicianId, at,
                clock.instant()));
    }

    /**
     * INT-13 REV-01: a revisit fact about the ticket is kept; a decision
     * (RevisitNotRequired, RevisitCompleted, RevisitUnreachable — REV-06: unreachable counts as done) closes a
     * resolved ticket once no scheduled revisit is outstanding, its complaint is finished (INT-11) and quality has
     * reported if it must (INT-05). RevisitScheduled and CustomerDissatisfied close nothing (the latter reopens the
     * ticket, INT-19).
     */
    @Transactional
    public void revisitFact(UUID id, RevisitFact fact, UUID revisitId, UUID workOrderId, String detail, String actor,
                            Instant at) {
        Ticket ticket = tickets.findForUpdate(id).orElse(null);
        if (ticket == null) {
            log.warn("{} for unknown ticket {} ignored", fact.eventType(), id);
            return;
        }
        Instant now = clock.instant();
        tickets.recordRevisitFact(id, fact, revisitId, workOrderId, at, now);
        if (fact != RevisitFact.SCHEDULED && fact != RevisitFact.DISSATISFIED) {
            changes.save(closeIfDone(ticket.unchanged(now), detail, actor, at));
        }
    }

    /**
     * QLT-05: quality's improvement report for the ticket has been issued. Recorded on the ticket; if the ticket was
     * only waiting for it (INT-05), it closes now.
     */
    @Transactional
    public void improvementReportIssued(UUID id, UUID reportId, String actor, Instant at) {
        onEvent(id, "improvement report " + reportId, ticket -> Optional.of(closeIfDone(
                ticket.improvementReportIssued(reportId, actor, at, clock.instant()),
                "improvement report " + reportId + " arrived", actor, at)));
    }

    /** INT-13: the change, and the ticket's closing in it if the closing gate's conditions are all met now. */
    private TicketChange closeIfDone(TicketChange change, String detail, String actor, Instant at) {
        Ticket after = change.after();
        if (after.state() != TicketState.RESOLVED) {
            return change;
        }
        return Ticket.closeIfDone(change, tickets.revisitFacts(after), tickets.hasOpenComplaint(after.id()), detail,
                actor, at);
    }

    private void onEvent(UUID id, String fact, Function<Ticket, Optional<TicketChange>> transition) {
        Ticket ticket = tickets.findForUpdate(id).orElse(null);
        if (ticket == null) {
            log.warn("Event for unknown ticket {} ignored", id);
            return;
        }
        transition.apply(ticket).ifPresentOrElse(changes::save, () ->
                log.warn("Ticket {} is {}; {} recorded on the timeline only", id, ticket.state(), fact));
    }

    /** The ticket's complaint is finished: a resolved ticket whose revisit rules are met closes now. */
    @Transactional
    public void complaintFinished(UUID id, String actor, Instant at) {
        changes.save(closeIfDone(lock(id).unchanged(clock.instant()), "complaint finished", actor, at));
    }

    /**
     * A state change the complaint process implies (INT-10 rejected, INT-11 resolved, INT-19 reopened): checked by
     * the transition table and put on the timeline; the caller publishes the event.
     */
    @Transactional
    public Ticket moveForComplaint(UUID id, TicketState target, String actor, Instant at, String detail) {
        return changes.save(lock(id).move(target, target.name(), actor, at, detail, clock.instant(), List.of()));
    }

    public Optional<Ticket> find(UUID id) {
        return tickets.find(id);
    }

    public Ticket get(UUID id) {
        return tickets.find(id).orElseThrow(() -> notFound(id));
    }

    /** Reads and row-locks the ticket for a change in the caller's transaction; 404 if there is none. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Ticket lock(UUID id) {
        return tickets.findForUpdate(id).orElseThrow(() -> notFound(id));
    }

    /**
     * Moves a locked ticket to {@code target} as INT-13's table allows (else 409), puts {@code action} on its timeline
     * and publishes {@code events} with it, in the caller's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Ticket move(Ticket locked, TicketState target, String action, String actor, Instant at, String detail,
                       TicketEvent... events) {
        changes.save(locked.move(target, action, actor, at, detail, clock.instant(), List.of(events)));
        return get(locked.id());
    }

    /**
     * INT-08 INT-07: a locked ticket's quote got its last approval; {@code events} (QuoteApproved) are published with
     * it. A ticket that waited for the quote after acceptance goes back to work; else the line goes on its timeline.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Ticket quoteApproved(Ticket locked, String action, String actor, Instant at, String detail,
                                TicketEvent... events) {
        return changes.save(locked.quoteApproved(action, actor, at, detail, clock.instant(), List.of(events)));
    }

    /** INT-14: a locked ticket becomes PENDING until the customer's date; its SLA clocks pause from {@code at}. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Ticket pend(Ticket locked, LocalDate pendingUntil, String actor, Instant at, String detail,
                       TicketEvent... events) {
        return changes.save(locked.pend(pendingUntil, actor, at, detail, List.of(events)));
    }

    /** INT-14: a locked PENDING ticket goes back to {@code to}; its SLA clocks run again. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Ticket resume(Ticket locked, TicketState to, String actor, Instant at, String detail, TicketEvent... events) {
        return changes.save(locked.resume(to, actor, at, detail, List.of(events)));
    }

    /** Puts {@code action} on the ticket's timeline without changing its state. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void note(UUID ticketId, String action, String actor, Instant at, String detail) {
        tickets.appendHistory(ticketId, new HistoryLine(at, actor, action, null, null, detail));
    }

    /** INT-17: the next batch of a defect campaign's outreach tickets, after {@code afterSerial}, set-based. */
    @Transactional(propagation = Propagation.MANDATORY)
    public OutreachTickets.Batch openOutreachTickets(OutreachTickets campaign, String afterSerial, int size,
                                                     LocalDate today, Instant now) {
        return tickets.openOutreachTickets(campaign, afterSerial, size, today.getYear(), today, now);
    }

    public Optional<String> numberOf(UUID id) {
        return tickets.numberOf(id);
    }

    /** Issue 18: the numbers of the tickets among {@code ids} that exist, with one query (set-based jobs). */
    public Map<UUID, String> numbersOf(Collection<UUID> ids) {
        return tickets.numbersOf(ids);
    }

    /** A line for a ticket's timeline, for {@link #noteAll}. */
    public record Note(UUID ticketId, String action, String actor, Instant at, String detail) {
    }

    /** Issue 18: puts many lines on their tickets' timelines with one statement, in the given order (set-based jobs). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void noteAll(List<Note> notes) {
        tickets.appendHistories(notes.stream().map(Note::ticketId).toList(), notes.stream()
                .map(n -> new HistoryLine(n.at(), n.actor(), n.action(), null, null, n.detail())).toList());
    }

    public Optional<TicketState> stateOf(UUID id) {
        return tickets.stateOf(id);
    }

    private static NotFoundException notFound(UUID id) {
        return new NotFoundException("no ticket " + id);
    }
}
