package com.opensvc.aftersales.intake.ticket;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.messaging.OutboxWriter;
import com.opensvc.aftersales.web.InvalidFieldException;
import com.opensvc.aftersales.web.NotFoundException;

/**
 * INT-16: a ticket registered for a serial number that already has an open ticket is linked to it both ways (the
 * registration answer shows the links as a warning); the desk may merge the new one into the older one.
 */
@Service
public class DuplicateTickets {
    private final TicketRepository tickets;
    private final OutboxWriter outbox;
    private final Clock clock;

    public DuplicateTickets(TicketRepository tickets, OutboxWriter outbox, Clock clock) {
        this.tickets = tickets;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Links the new ticket with every open ticket for its serial; returns their ids. */
    List<UUID> linkOpenDuplicates(Ticket ticket, String actor, Instant now) {
        if (ticket.serialNumber() == null) {
            return List.of();
        }
        List<UUID> duplicates = new ArrayList<>();
        for (Ticket other : tickets.openForSerial(ticket.serialNumber(), ticket.id())) {
            tickets.link(ticket.id(), other.id(), TicketLink.Relation.DUPLICATE, actor, now);
            tickets.link(other.id(), ticket.id(), TicketLink.Relation.DUPLICATE, actor, now);
            tickets.recordHistory(other.id(), now, actor, "DUPLICATE_LINKED", null, null,
                    "ticket " + ticket.number() + " registered for the same serial");
            tickets.recordHistory(ticket.id(), now, actor, "DUPLICATE_LINKED", null, null,
                    "open ticket " + other.number() + " exists for the same serial");
            duplicates.add(other.id());
        }
        return duplicates;
    }

    /**
     * Merges {@code duplicateId} into {@code targetId}: the duplicate is cancelled as merged, the target records it.
     * Only a ticket nobody has started on (REGISTERED) can be merged away, and only into an open ticket.
     */
    @Transactional
    public Ticket merge(UUID duplicateId, UUID targetId, String actor) {
        if (duplicateId.equals(targetId)) {
            throw new InvalidFieldException("intoTicketId", "must be another ticket");
        }
        // lock in id order so two merges of the same pair cannot deadlock
        boolean duplicateFirst = duplicateId.compareTo(targetId) < 0;
        Ticket first = lock(duplicateFirst ? duplicateId : targetId);
        Ticket second = lock(duplicateFirst ? targetId : duplicateId);
        Ticket duplicate = duplicateFirst ? first : second;
        Ticket target = duplicateFirst ? second : first;
        if (!target.isOpen() || target.state() == TicketState.REJECTED) {
            throw new InvalidFieldException("intoTicketId", "ticket " + target.number() + " is " + target.state()
                    + "; merge into an open ticket");
        }
        boolean sameProduct = duplicate.serialNumber() != null && duplicate.serialNumber().equals(target.serialNumber());
        boolean linked = duplicate.links().stream().anyMatch(l -> l.ticketId().equals(targetId));
        if (!sameProduct && !linked) {
            throw new InvalidFieldException("intoTicketId", "is not a duplicate of ticket " + duplicate.number()
                    + " (different serial number and not linked)");
        }
        duplicate.state().requireTransitionTo(TicketState.CANCELLED);
        Instant now = clock.instant();
        tickets.updateState(duplicateId, TicketState.CANCELLED, null, now);
        tickets.markMergedInto(duplicateId, targetId, now);
        tickets.link(duplicateId, targetId, TicketLink.Relation.MERGED_INTO, actor, now);
        tickets.link(targetId, duplicateId, TicketLink.Relation.MERGED_FROM, actor, now);
        tickets.recordHistory(duplicateId, now, actor, "MERGED", duplicate.state(), TicketState.CANCELLED,
                "merged into " + target.number());
        tickets.recordHistory(targetId, now, actor, "MERGED_FROM", null, null,
                "ticket " + duplicate.number() + " merged into this one: " + duplicate.faultDescription());
        outbox.append(TicketEvents.AGGREGATE, duplicateId, "TicketCancelled", 1, new TicketEvents.TicketCancelled(
                duplicateId, duplicate.number(), "merged into " + target.number(), targetId, actor, now));
        return tickets.find(duplicateId).orElseThrow();
    }

    private Ticket lock(UUID id) {
        return tickets.findForUpdate(id).orElseThrow(() -> new NotFoundException("no ticket " + id));
    }
}
