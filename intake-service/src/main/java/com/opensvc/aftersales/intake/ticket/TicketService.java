package com.opensvc.aftersales.intake.ticket;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.intake.IntakeProperties;
import com.opensvc.aftersales.intake.entitlement.Assessment;
import com.opensvc.aftersales.intake.entitlement.EntitlementAssessor;
import com.opensvc.aftersales.messaging.OutboxWriter;
import com.opensvc.aftersales.web.ForbiddenException;
import com.opensvc.aftersales.web.InvalidFieldException;
import com.opensvc.aftersales.web.NotFoundException;

@Service
public class TicketService {
    private static final Logger log = LoggerFactory.getLogger(TicketService.class);

    private final TicketRepository tickets;
    private final OutboxWriter outbox;
    private final IntakeProperties properties;
    private final RegistrationFacts.Resolver registrationFacts;
    private final EntitlementAssessor entitlements;
    private final DuplicateTickets duplicateTickets;
    private final Clock clock;
    private final PaidServiceGate paidServiceGate;
    private final org.springframework.context.ApplicationEventPublisher events;

    public TicketService(TicketRepository tickets, OutboxWriter outbox, IntakeProperties properties,
                         RegistrationFacts.Resolver registrationFacts, EntitlementAssessor entitlements,
                         DuplicateTickets duplicateTickets, Clock clock, PaidServiceGate paidServiceGate,
                         org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.tickets = tickets;
        this.outbox = outbox;
        this.properties = properties;
        this.registrationFacts = registrationFacts;
        this.entitlements = entitlements;
        this.duplicateTickets = duplicateTickets;
        this.clock = clock;
        this.paidServiceGate = paidServiceGate;
    }

    public record Registration(Ticket ticket, boolean created) {
    }

    @Transactional
    public Registration register(RegisterTicketRequest request, String idempotencyKey, String actor) {
        UUID id = UUID.randomUUID();
        if (idempotencyKey != null && !tickets.claimIdempotencyKey(idempotencyKey, id, clock.instant())) {
            UUID existing = tickets.ticketForIdempotencyKey(idempotencyKey).orElseThrow();
            return new Registration(get(existing), false);
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, properties.zone());
        RegistrationFacts facts = registrationFacts.resolve(request, today, actor);
        TicketKind kind = request.kindOrDefault();
        TicketCategory category = request.category() != null ? request.category() : kind.defaultCategory();
        Classification classification = request.classificationOrDefault();
        Priority priority = classification.priority(request.priority());
        ServiceType serviceType = request.serviceTypeOrDefault();
        Assessment assessment = entitlements.assess(facts.dates(), facts.productLine(), request.productModel(),
                facts.serviceContractId(), serviceType.name(), today);
        String number = "T-%d-%06d".formatted(today.getYear(), tickets.nextNumber(today.getYear()));
        Ticket ticket = new Ticket(id, number, facts.customer().id(), facts.customer().region(), facts.installedProductId(),
                request.productModel(), facts.productLine(), facts.serialNumber(), facts.dates().shipDate(), today,
                request.faultDescription(), request.channel(), kind, category, classification,
                classification.routeFor(priority), serviceType, priority, assessment.entitlement(),
                assessment.entitlement(), assessment.reason(), assessment.warrantyEnd(), null,
                facts.customer().blocked(), properties.qualityChannels().contains(request.channel()),
                request.expectedPartsOrEmpty(), TicketState.REGISTERED, null, null, List.of(), 0, now, actor);
        tickets.insert(ticket, facts.contactId());
        tickets.recordHistory(id, now, actor, "REGISTERED", null, TicketState.REGISTERED,
                "channel " + ticket.channel() + ", " + kind + (category == null ? "" : "/" + category)
                        + ", entitlement " + assessment.entitlement() + " (" + assessment.reason() + ")");
        recordRouting(ticket, now, actor);
        List<UUID> duplicates = duplicateTickets.linkOpenDuplicates(ticket, actor, now);
        events.publishEvent(new TicketOpened(id, kind, now,
                request.firstContactAt() == null || request.firstContactAt().isAfter(now) ? now : request.firstContactAt(), actor));
        if (kind == TicketKind.COMPLAINT) {
            events.publishEvent(new ComplaintTicketRegistered(id, Boolean.TRUE.equals(request.majorComplaint()),
                    request.complaintSubjectsOrEmpty(), actor));
        }
        outbox.append(TicketEvents.AGGREGATE, id, "TicketRegistered", 1, new TicketEvents.TicketRegistered(id, number,
                ticket.channel(), ticket.serviceType(), ticket.productModel(), ticket.productLine(),
                assessment.entitlement() == null ? null : assessment.entitlement().name(), kind, category, priority,
                ticket.routedTo(), ticket.customerBlocked(), duplicates, request.complaintSubjectsOrEmpty(), actor, now));
        log.info("Registered ticket {} ({}) via {}, routed to {}", number, id, ticket.channel(), ticket.routedTo());
        return new Registration(get(id), true);
    }

    /** INT-23: where the desk's classification sends the ticket goes on its timeline. */
    private void recordRouting(Ticket ticket, Instant now, String actor) {
        String detail = switch (ticket.routedTo()) {
            case SUPERVISOR -> "URGENT: to the after-sales supervisor at once (" + ticket.classification() + ")";
            case ENGINEERING -> "technical-support request to engineering";
            case SALES -> "sales matter forwarded to sales (internal referral out)";
            case AFTER_SALES -> null;
        };
        if (detail != null) {
            tickets.recordHistory(ticket.id(), now, actor, "ROUTED_TO_" + ticket.routedTo(), null, null, detail);
        }
    }

    @Transactional
    public Ticket accept(UUID id, String actor, boolean actorIsSupervisor) {
        Ticket ticket = tickets.findForUpdate(id).orElseThrow(() -> notFound(id));
        ticket.state().requireTransitionTo(TicketState.ACCEPTED);
        if (ticket.customerBlocked() && !actorIsSupervisor) {
            throw new ForbiddenException("the customer of ticket " + ticket.number()
                    + " is blocked: a supervisor must accept it (INT-20)");
        }
        paidServiceGate.requireApprovedQuote(ticket);
        requireDispatchFacts(ticket);
        Instant now = clock.instant();
        tickets.updateState(id, TicketState.ACCEPTED, null, now);
        tickets.recordHistory(id, now, actor, "ACCEPTED", ticket.state(), TicketState.ACCEPTED, null);
        outbox.append(TicketEvents.AGGREGATE, id, "TicketAccepted", 1, new TicketEvents.TicketAccepted(id, ticket.number(),
                ticket.serviceType(), ticket.entitlement().name(), ticket.customerRegion(), ticket.productLine(),
                ticket.productModel(), ticket.serialNumber(), ticket.expectedParts(), ticket.priority(),
                ticket.qualityMustReport(), actor, now));
        return get(id);
    }

    @Transactional
    public Ticket cancel(UUID id, String reason, String actor) {
        Ticket ticket = tickets.findForUpdate(id).orElseThrow(() -> notFound(id));
        ticket.state().requireTransitionTo(TicketState.CANCELLED);
        Instant now = clock.instant();
        tickets.updateState(id, TicketState.CANCELLED, null, now);
        tickets.recordHistory(id, now, actor, "CANCELLED", ticket.state(), TicketState.CANCELLED, reason);
        outbox.append(TicketEvents.AGGREGATE, id, "TicketCancelled", 1,
                new TicketEvents.TicketCancelled(id, ticket.number(), reason, null, actor, now));
        return get(id);
    }

    /** INT-02: product line, serial number, ship date and the customer's region are needed before dispatch. */
    private static void requireDispatchFacts(Ticket ticket) {
        List<InvalidFieldException.FieldError> missing = new ArrayList<>();
        if (ticket.serialNumber() == null || ticket.serialNumber().isBlank()) {
            missing.add(new InvalidFieldException.FieldError("serialNumber", "is required before dispatch"));
        }
        if (ticket.shipDate() == null) {
            missing.add(new InvalidFieldException.FieldError("shipDate", "is required before dispatch"));
        }
        if (ticket.productLine() == null || ticket.productLine().isBlank()) {
            missing.add(new InvalidFieldException.FieldError("productLine", "is required before dispatch"));
        }
        if (ticket.customerRegion() == null || ticket.customerRegion().isBlank()) {
            missing.add(new InvalidFieldException.FieldError("customer.region", "is required before dispatch"));
        }
        if (missing.isEmpty() && ticket.entitlement() == null) {
            missing.add(new InvalidFieldException.FieldError("entitlement", "is not known yet: " + ticket.entitlementReason()));
        }
        if (!missing.isEmpty()) {
            throw new InvalidFieldException(missing);
        }
    }

    /** A work order exists: the ticket is in service. */
    @Transactional
    public void workOrderCreated(UUID id, UUID workOrderId, String actor, Instant at) {
        moveIfLegal(id, TicketState.IN_SERVICE, workOrderId, actor, at, "work order " + workOrderId);
    }

    /** The repair is closed: the ticket is resolved and waits for its revisit. */
    @Transactional
    public void repairClosed(UUID id, UUID workOrderId, String actor, Instant at) {
        Ticket ticket = moveIfLegal(id, TicketState.RESOLVED, workOrderId, actor, at, "repair closed");
        if (ticket != null) {
            // a new resolution needs its own revisit before closing
            tickets.recordRevisitDone(id, null, null, clock.instant());
            outbox.append(TicketEvents.AGGREGATE, id, "TicketResolved", 1,
                    new TicketEvents.TicketResolved(id, ticket.number(), workOrderId, actor, clock.instant()));
        }
    }

    /** The revisit found the customer satisfied: the ticket closes, once quality has reported if it must (INT-05). */
    @Transactional
    public void revisitCompleted(UUID id, String actor, Instant at) {
        revisitDone(id, "RevisitCompleted", "revisit completed", actor, at);
    }

    /**
     * Applies a transition another service's event implies. An event that does not fit the current state is
     * kept on the timeline but changes nothing: it is a fact, not a command, and must not block the partition.
     */
    private Ticket moveIfLegal(UUID id, TicketState target, UUID workOrderId, String actor, Instant at, String detail) {
        Ticket ticket = tickets.findForUpdate(id).orElse(null);
        if (ticket == null) {
            log.warn("Event for unknown ticket {} ignored", id);
            return null;
        }
        // a repair closes only a ticket in service; REGISTERED/ACCEPTED -> RESOLVED is the complaint process's move
        boolean fits = target == TicketState.RESOLVED ? ticket.state() == TicketState.IN_SERVICE
                : ticket.state().canBecome(target);
        if (!fits) {
            log.warn("Ticket {} is {}; event implying {} recorded on the timeline only", id, ticket.state(), target);
            return null;
        }
        tickets.updateState(id, target, workOrderId, clock.instant());
        tickets.recordHistory(id, at, actor, target.name(), ticket.state(), target, detail);
        return ticket;
    }

    /**
     * A state change the complaint process implies (INT-10 rejected, INT-11 resolved, INT-19 reopened): checked by
     * the transition table and put on the timeline; the caller publishes the event.
     */
    @Transactional
    public Ticket moveForComplaint(UUID id, TicketState target, String actor, Instant at, String detail) {
        Ticket ticket = tickets.findForUpdate(id).orElseThrow(() -> notFound(id));
        ticket.state().requireTransitionTo(target);
        tickets.updateState(id, target, null, clock.instant());
        tickets.recordHistory(id, at, actor, target.name(), ticket.state(), target, detail);
        return ticket;
    }

    /*
     * The ticket's public API for the other intake features (quote, pending, knowledge, complaint, sla, reply): they
     * change a ticket and its timeline only through these methods, never through TicketRepository.
     */

    public Optional<Ticket> find(UUID id) {
        return tickets.find(id);
    }

    /** Reads and row-locks the ticket for a change in the caller's transaction; 404 if there is none. */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public Ticket lock(UUID id) {
        return tickets.findForUpdate(id).orElseThrow(() -> notFound(id));
    }

    /**
     * Moves a locked ticket to {@code target} as INT-13's table allows (else 409), puts {@code action} on its timeline
     * and publishes {@code events} with it, in the caller's transaction.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public Ticket move(Ticket locked, TicketState target, String action, String actor, Instant at, String detail,
                       TicketEvent... events) {
        locked.state().requireTransitionTo(target);
        tickets.updateState(locked.id(), target, null, clock.instant());
        tickets.recordHistory(locked.id(), at, actor, action, locked.state(), target, detail);
        for (TicketEvent event : events) {
            outbox.append(event);
        }
        return get(locked.id());
    }

    /** Puts {@code action} on the ticket's timeline without changing its state. */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void note(UUID ticketId, String action, String actor, Instant at, String detail) {
        tickets.recordHistory(ticketId, at, actor, action, null, null, detail);
    }

    public Optional<String> numberOf(UUID id) {
        return tickets.numberOf(id);
    }

    public Optional<TicketState> stateOf(UUID id) {
        return tickets.stateOf(id);
    }

    public Ticket get(UUID id) {
        return tickets.find(id).orElseThrow(() -> notFound(id));
    }

    private static NotFoundException notFound(UUID id) {
        return new NotFoundException("no ticket " + id);
    }

    /** REV-06: the customer could not be reached; that counts as done for closing, subject to INT-05. */
    @Transactional
    public void revisitUnreachable(UUID id, Integer attempts, String actor, Instant at) {
        revisitDone(id, "RevisitUnreachable", "customer unreachable for the revisit"
                + (attempts == null ? "" : " after " + attempts + " attempts") + " (REV-06)", actor, at);
    }

    /**
     * QLT-05: quality's improvement report for the ticket has been issued. Recorded on the ticket; if the ticket was
     * only waiting for it (INT-05), it closes now.
     */
    @Transactional
    public void improvementReportIssued(UUID id, UUID reportId, String actor, Instant at) {
        Ticket ticket = tickets.findForUpdate(id).orElse(null);
        if (ticket == null) {
            log.warn("Improvement report {} for unknown ticket {} ignored", reportId, id);
            return;
        }
        if (!tickets.recordImprovementReport(id, reportId, at, clock.instant())) {
            tickets.recordHistory(id, at, actor, "IMPROVEMENT_REPORT_ISSUED", null, null,
                    "further improvement report " + reportId + "; the first one is kept for INT-05");
            return;
        }
        tickets.recordHistory(id, at, actor, "IMPROVEMENT_REPORT_ISSUED", null, null,
                "quality improvement report " + reportId + " issued (QLT-05)");
        TicketRepository.ClosingFacts facts = tickets.closingFacts(id);
        if (ClosingGate.decide(ticket.state(), ticket.qualityMustReport(), true, facts.revisitDoneBecause() != null,
                tickets.hasOpenComplaint(id)) == ClosingGate.Decision.CLOSE) {
            close(ticket, facts.revisitDoneBecause(), actor, at,
                    "improvement report arrived; revisit done earlier (" + facts.revisitDoneBecause() + ")");
        }
    }

    /** The ticket's complaint is finished: a resolved ticket whose revisit was already done closes now. */
    @Transactional
    public void complaintFinished(UUID id, String actor, Instant at) {
        Ticket ticket = tickets.findForUpdate(id).orElseThrow(() -> notFound(id));
        TicketRepository.ClosingFacts facts = tickets.closingFacts(id);
        if (ClosingGate.decide(ticket.state(), ticket.qualityMustReport(), facts.improvementReportId() != null,
                facts.revisitDoneBecause() != null, false) == ClosingGate.Decision.CLOSE) {
            close(ticket, facts.revisitDoneBecause(), actor, at, "complaint finished; revisit done earlier ("
                    + facts.revisitDoneBecause() + ")");
        }
    }

    /** A revisit is done (REV-05 completed or REV-06 unreachable): close now, or wait for quality's report (INT-05). */
    private void revisitDone(UUID id, String because, String detail, String actor, Instant at) {
        Ticket ticket = tickets.findForUpdate(id).orElse(null);
        if (ticket == null) {
            log.warn("Event for unknown ticket {} ignored", id);
            return;
        }
        TicketRepository.ClosingFacts facts = tickets.closingFacts(id);
        switch (ClosingGate.decide(ticket.state(), ticket.qualityMustReport(), facts.improvementReportId() != null, true,
                tickets.hasOpenComplaint(id))) {
            case CLOSE -> close(ticket, because, actor, at, detail);
            case WAIT_FOR_COMPLAINT -> {
                tickets.recordRevisitDone(id, because, at, clock.instant());
                tickets.recordHistory(id, at, actor, "WAITING_FOR_COMPLAINT", null, null,
                        detail + "; waiting for the complaint to be finished (INT-11)");
            }
            case WAIT_FOR_IMPROVEMENT_REPORT -> {
                tickets.recordRevisitDone(id, because, at, clock.instant());
                tickets.recordHistory(id, at, actor, "WAITING_FOR_IMPROVEMENT_REPORT", null, null,
                        detail + "; waiting for quality's improvement report (INT-05)");
            }
            case NOT_YET -> log.warn("Ticket {} is {}; {} recorded on the timeline only", id, ticket.state(), because);
        }
    }

    private void close(Ticket ticket, String because, String actor, Instant at, String detail) {
        tickets.updateState(ticket.id(), TicketState.CLOSED, null, clock.instant());
        tickets.recordHistory(ticket.id(), at, actor, TicketState.CLOSED.name(), ticket.state(), TicketState.CLOSED, detail);
        outbox.append(TicketEvents.AGGREGATE, ticket.id(), "TicketClosed", 1,
                new TicketEvents.TicketClosed(ticket.id(), ticket.number(), because, actor, clock.instant()));
    }
}
