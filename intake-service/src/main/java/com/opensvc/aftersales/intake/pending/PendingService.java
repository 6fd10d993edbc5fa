package com.opensvc.aftersales.intake.pending;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.intake.IntakeProperties;
import com.opensvc.aftersales.idempotency.IdempotencyKeys;
import com.opensvc.aftersales.intake.ticket.Ticket;
import com.opensvc.aftersales.intake.ticket.TicketService;
import com.opensvc.aftersales.intake.ticket.TicketState;
import com.opensvc.aftersales.web.ForbiddenException;
import com.opensvc.aftersales.web.IfMatch;
import com.opensvc.aftersales.web.InvalidFieldException;
import com.opensvc.aftersales.web.NotFoundException;
import com.opensvc.aftersales.web.StateConflictException;

import lombok.RequiredArgsConstructor;

/**
 * INT-14: the customer manager proposes PENDING, a manager approves (never the proposer: four eyes) and only then does
 * the ticket become PENDING with its clocks paused (SLA-05); resuming returns it to the state it came from.
 */
@Service
@RequiredArgsConstructor
public class PendingService {
    private final PendingRepository items;
    private final TicketService tickets;
    private final IdempotencyKeys idempotency;
    private final IntakeProperties properties;
    private final Clock clock;

    public record Proposal(PendingReason reason, String explanation, LocalDate customerDate) {
    }

    public record Proposed(PendingItem item, boolean created) {
    }

    @Transactional
    public Proposed propose(UUID ticketId, Proposal proposal, String idempotencyKey, String actor) {
        UUID id = UUID.randomUUID();
        Optional<UUID> earlier = idempotency.claim("pending-proposal", idempotencyKey, id);
        if (earlier.isPresent()) {
            return new Proposed(get(ticketId, earlier.get()), false);
        }
        Ticket ticket = tickets.lock(ticketId);
        if (!ticket.state().canBecome(TicketState.PENDING)) {
            throw new StateConflictException("ticket", ticket.state().name(), "be proposed as a pending item");
        }
        Instant now = clock.instant();
        requireNotPast("customerDate", proposal.customerDate(), today(now));
        items.inState(ticketId, PendingItemState.PROPOSED).ifPresent(open -> {
            throw new StateConflictException("pending proposal " + open.id(), open.state().name(),
                    "propose another for the same ticket while it is open");
        });
        try {
            items.insertProposal(id, ticketId, ticket.customerId(), proposal.reason(), proposal.explanation().strip(),
                    proposal.customerDate(), actor, now);
        } catch (DuplicateKeyException raced) {
            throw new StateConflictException("pending proposal", PendingItemState.PROPOSED.name(),
                    "propose another for the same ticket while it is open");
        }
        tickets.note(ticketId, "PENDING_PROPOSED", actor, now,
                "pending item proposed (" + proposal.reason() + "), customer's date " + proposal.customerDate()
                        + "; waits for a manager's approval (INT-14)");
        return new Proposed(get(ticketId, id), true);
    }

    @Transactional
    public PendingItem approve(UUID ticketId, UUID proposalId, Integer expectedVersion, String actor) {
        Ticket ticket = tickets.lock(ticketId);
        PendingItem item = openProposal(ticketId, proposalId, expectedVersion, "approve");
        if (item.proposedBy().equals(actor)) {
            throw new ForbiddenException("you proposed this pending item; another manager must approve it (four eyes)");
        }
        TicketState from = ticket.state();
        if (!from.canBecome(TicketState.PENDING)) {
            throw new StateConflictException("ticket", from.name(), "become PENDING");
        }
        Instant now = clock.instant();
        if (item.customerDate().isBefore(today(now))) {
            throw new InvalidFieldException("customerDate", "the customer's date " + item.customerDate()
                    + " has passed since the proposal; decline it and propose the new date");
        }
        items.approve(proposalId, actor, now, from);
        tickets.pend(ticket, item.customerDate(), actor, now, "pending item approved (" + item.reason()
                        + ", proposed by " + item.proposedBy() + "); deadline is the customer's date "
                        + item.customerDate() + "; SLA clocks paused (SLA-05)",
                new PendingEvents.TicketPending(ticketId, ticket.number(), proposalId, item.reason(),
                        item.customerDate(), from, item.proposedBy(), actor, actor, now));
        return get(ticketId, proposalId);
    }

    @Transactional
    public PendingItem decline(UUID ticketId, UUID proposalId, String reason, Integer expectedVersion, String actor) {
        tickets.lock(ticketId);
        openProposal(ticketId, proposalId, expectedVersion, "decline");
        Instant now = clock.instant();
        items.decline(proposalId, actor, now, reason.strip());
        tickets.note(ticketId, "PENDING_DECLINED", actor, now, "pending item proposal declined: " + reason.strip());
        return get(ticketId, proposalId);
    }

    @Transactional
    public PendingItem resume(UUID ticketId, String note, String actor) {
        Ticket ticket = tickets.lock(ticketId);
        if (ticket.state() != TicketState.PENDING) {
            throw new StateConflictException("ticket", ticket.state().name(), "resume: it is not PENDING");
        }
        PendingItem item = items.inState(ticketId, PendingItemState.APPROVED).orElseThrow(() ->
                new StateConflictException("ticket", ticket.state().name(), "resume: no approved pending item"));
        TicketState to = item.fromState();
        Instant now = clock.instant();
        long pausedSeconds = Math.max(0, Duration.between(item.pausedAt(), now).toSeconds());
        items.resolve(item.id(), actor, now, to, pausedSeconds);
        tickets.resume(ticket, to, actor, now, "resumed after " + readable(pausedSeconds)
                        + " pending; SLA clocks run again (SLA-05)" + (note == null || note.isBlank() ? "" : ": " + note.strip()),
                new PendingEvents.TicketResumed(ticketId, ticket.number(), item.id(), to, item.pausedAt(), pausedSeconds,
                        actor, now));
        return get(ticketId, item.id());
    }

    /** The ticket's pending deadline and pause, and every proposal made for it. */
    public record TicketPendingStatus(UUID ticketId, TicketState state, LocalDate pendingUntil, Instant pausedAt,
                                      long totalPausedSeconds, List<PendingItem> items) {
    }

    public TicketPendingStatus status(UUID ticketId) {
        Ticket ticket = tickets.get(ticketId);
        List<PendingItem> all = items.forTicket(ticketId);
        long total = all.stream().mapToLong(i -> i.pausedSeconds() == null ? 0 : i.pausedSeconds()).sum();
        return new TicketPendingStatus(ticketId, ticket.state(), ticket.pause().pendingUntil(), ticket.pause().pausedAt(),
                total, all);
    }

    public PendingItem get(UUID ticketId, UUID proposalId) {
        return items.find(proposalId).filter(i -> i.ticketId().equals(ticketId))
                .orElseThrow(() -> new NotFoundException("no pending proposal " + proposalId + " for ticket " + ticketId));
    }

    private PendingItem openProposal(UUID ticketId, UUID proposalId, Integer expectedVersion, String attempted) {
        PendingItem item = items.findForUpdate(proposalId).filter(i -> i.ticketId().equals(ticketId))
                .orElseThrow(() -> new NotFoundException("no pending proposal " + proposalId + " for ticket " + ticketId));
        if (expectedVersion != null) {
            IfMatch.require(expectedVersion, item.version(), "pending proposal " + proposalId);
        }
        if (item.state() != PendingItemState.PROPOSED) {
            throw new StateConflictException("pending proposal", item.state().name(), attempted + " it");
        }
        return item;
    }

    private LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, properties.zone());
    }

    static void requireNotPast(String field, LocalDate date, LocalDate today) {
        if (date != null && date.isBefore(today)) {
            throw new InvalidFieldException(field, "must be today (" + today + ") or later");
        }
    }

    static String readable(long seconds) {
        Duration d = Duration.ofSeconds(seconds);
        return d.toDays() > 0 ? "%dd %dh".formatted(d.toDays(), d.toHoursPart())
                : "%dh %dm".formatted(d.toHours(), d.toMinutesPart());
    }
}
