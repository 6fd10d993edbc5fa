package com.opensvc.aftersales.intake.ticket;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.web.InvalidFieldException;
import com.opensvc.aftersales.web.NotFoundException;

import lombok.RequiredArgsConstructor;

/**
 * INT-16: a ticket registered for a serial number that already has an open ticket is linked to it both ways (the
 * registration answer shows the links as a warning); the desk may merge the new one into the older one.
 */
@Service
@RequiredArgsConstructor
public class DuplicateTickets {
    private final TicketRepository tickets;
    private final TicketChanges changes;
    private final Clock clock;

    /** The open tickets for the serial of a ticket being registered, oldest first. */
    List<Ticket> openFor(String serialNumber, UUID registering) {
        return serialNumber == null ? List.of() : tickets.openForSerial(serialNumber, registering);
    }

    /** Links the registered ticket with each open duplicate both ways; each duplicate's timeline says so. */
    void link(Ticket registered, List<Ticket> duplicates, String actor, Instant now) {
        for (Ticket other : duplicates) {
            tickets.link(registered.id(), other.id(), TicketLink.Relation.DUPLICATE, actor, now);
            tickets.link(other.id(), registered.id(), TicketLink.Relation.DUPLICATE, actor, now);
            changes.save(other.duplicateRegistered(registered, actor, now));
        }
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
        Instant now = clock.instant();
        changes.save(duplicate.mergeInto(target, actor, now));
        tickets.link(duplicateId, targetId, TicketLink.Relation.MERGED_INTO, actor, now);
        tickets.link(targetId, duplicateId, TicketLink.Relation.MERGED_FROM, actor, now);
        changes.save(target.mergedFrom(duplicate, actor, now));
        return tickets.find(duplicateId).orElseThrow();
    }

    private Ticket lock(UUID id) {
        return tickets.findForUpdate(id).orElseThrow(() -> new NotFoundException("no ticket " + id));
    }
}
