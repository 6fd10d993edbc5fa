package com.opensvc.aftersales.intake.ticket;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.intake.IntakeProperties;
import com.opensvc.aftersales.intake.entitlement.Entitlement;
import com.opensvc.aftersales.intake.entitlement.EntitlementPolicy;
import com.opensvc.aftersales.intake.entitlement.EntitlementProperties;
import com.opensvc.aftersales.messaging.OutboxWriter;
import com.opensvc.aftersales.web.InvalidFieldException;
import com.opensvc.aftersales.web.NotFoundException;

@Service
public class TicketService {
    private static final Logger log = LoggerFactory.getLogger(TicketService.class);

    private final TicketRepository tickets;
    private final OutboxWriter outbox;
    private final EntitlementProperties entitlementTerms;
    private final IntakeProperties properties;
    private final Clock clock;
    private final PaidServiceGate paidServiceGate;

    public TicketService(TicketRepository tickets, OutboxWriter outbox, EntitlementProperties entitlementTerms,
                         IntakeProperties properties, Clock clock, PaidServiceGate paidServiceGate) {
        this.tickets = tickets;
        this.outbox = outbox;
        this.entitlementTerms = entitlementTerms;
        this.properties = properties;
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
        if (request.shipDate() != null && request.shipDate().isAfter(today)) {
            throw new InvalidFieldException("shipDate", "must not be in the future");
        }
        Entitlement entitlement = request.shipDate() == null ? null
                : EntitlementPolicy.decide(request.shipDate(), today, entitlementTerms.termsFor(request.productLine()));
        UUID customerId = UUID.randomUUID();
        tickets.insertCustomer(customerId, request.customer(), now, actor);
        String number = "T-%d-%06d".formatted(today.getYear(), tickets.nextNumber(today.getYear()));
        Ticket ticket = new Ticket(id, number, customerId, request.customer().region(), request.productModel(),
                request.productLine(), request.serialNumber(), request.shipDate(), today, request.faultDescription(),
                request.channel(), request.serviceType(), request.priority() == null ? Priority.NORMAL : request.priority(),
                entitlement, properties.qualityChannels().contains(request.channel()), request.expectedPartsOrEmpty(),
                TicketState.REGISTERED, null, 0, now, actor);
        tickets.insert(ticket);
        tickets.recordHistory(id, now, actor, "REGISTERED", null, TicketState.REGISTERED,
                "channel " + ticket.channel() + ", entitlement " + entitlement);
        outbox.append(TicketEvents.AGGREGATE, id, "TicketRegistered", 1, new TicketEvents.TicketRegistered(id, number,
                ticket.channel(), ticket.serviceType(), ticket.productModel(), ticket.productLine(),
                entitlement == null ? null : entitlement.name(), actor, now));
        log.info("Registered ticket {} ({}) via {}", number, id, ticket.channel());
        return new Registration(ticket, true);
    }

    @Transactional
    public Ticket accept(UUID id, String actor) {
        Ticket ticket = tickets.findForUpdate(id).orElseThrow(() -> notFound(id));
        ticket.state().requireTransitionTo(TicketState.ACCEPTED);
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
    public Ticket cancel(UUID id, String actor) {
        Ticket ticket = tickets.findForUpdate(id).orElseThrow(() -> notFound(id));
        ticket.state().requireTransitionTo(TicketState.CANCELLED);
        Instant now = clock.instant();
        tickets.updateState(id, TicketState.CANCELLED, null, now);
        tickets.recordHistory(id, now, actor, "CANCELLED", ticket.state(), TicketState.CANCELLED, null);
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
            outbox.append(TicketEvents.AGGREGATE, id, "TicketResolved", 1,
                    new TicketEvents.TicketResolved(id, ticket.number(), workOrderId, actor, clock.instant()));
        }
    }

    /** The revisit found the customer satisfied: the ticket closes. */
    @Transactional
    public void revisitCompleted(UUID id, String actor, Instant at) {
        Ticket ticket = moveIfLegal(id, TicketState.CLOSED, null, actor, at, "revisit completed");
        if (ticket != null) {
            outbox.append(TicketEvents.AGGREGATE, id, "TicketClosed", 1,
                    new TicketEvents.TicketClosed(id, ticket.number(), "RevisitCompleted", actor, clock.instant()));
        }
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
        if (!ticket.state().canBecome(target)) {
            log.warn("Ticket {} is {}; event implying {} recorded on the timeline only", id, ticket.state(), target);
            return null;
        }
        tickets.updateState(id, target, workOrderId, clock.instant());
        tickets.recordHistory(id, at, actor, target.name(), ticket.state(), target, detail);
        return ticket;
    }

    public Ticket get(UUID id) {
        return tickets.find(id).orElseThrow(() -> notFound(id));
    }

    private static NotFoundException notFound(UUID id) {
        return new NotFoundException("no ticket " + id);
    }
}
