package com.opensvc.aftersales.intake.quote;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.intake.entitlement.Entitlement;
import com.opensvc.aftersales.intake.ticket.PaidServiceGate;
import com.opensvc.aftersales.intake.ticket.Ticket;
import com.opensvc.aftersales.intake.ticket.TicketRepository;
import com.opensvc.aftersales.intake.ticket.TicketState;
import com.opensvc.aftersales.messaging.OutboxWriter;
import com.opensvc.aftersales.web.ForbiddenException;
import com.opensvc.aftersales.web.IfMatch;
import com.opensvc.aftersales.web.InvalidFieldException;
import com.opensvc.aftersales.web.NotFoundException;
import com.opensvc.aftersales.web.StateConflictException;

/**
 * INT-08: issue, customer answer, approval and expiry of quotes for paid service. Every step goes on the
 * ticket's history with its actor (INT-18, SEC-03). Locks are taken ticket first, then quote.
 */
@Service
public class QuoteService implements PaidServiceGate {
    private static final Logger log = LoggerFactory.getLogger(QuoteService.class);

    private final QuoteRepository quotes;
    private final PriceRepository prices;
    private final TicketRepository tickets;
    private final OutboxWriter outbox;
    private final QuoteProperties properties;
    private final Clock clock;

    public QuoteService(QuoteRepository quotes, PriceRepository prices, TicketRepository tickets, OutboxWriter outbox,
                        QuoteProperties properties, Clock clock) {
        this.quotes = quotes;
        this.prices = prices;
        this.tickets = tickets;
        this.outbox = outbox;
        this.properties = properties;
        this.clock = clock;
    }

    public record Issued(Quote quote, boolean created) {
    }

    @Transactional
    public Issued issue(UUID ticketId, IssueQuoteRequest request, String idempotencyKey, String actor) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        if (idempotencyKey != null && !quotes.claimIdempotencyKey(idempotencyKey, id, now)) {
            Quote existing = get(quotes.quoteForIdempotencyKey(idempotencyKey).orElseThrow());
            if (!existing.ticketId().equals(ticketId)) {
                throw new InvalidFieldException("Idempotency-Key", "was already used for another ticket's quote");
            }
            return new Issued(existing, false);
        }
        Ticket ticket = tickets.findForUpdate(ticketId).orElseThrow(() -> ticketNotFound(ticketId));
        if (ticket.state() != TicketState.REGISTERED && ticket.state() != TicketState.AWAITING_QUOTE) {
            throw new StateConflictException("ticket", ticket.state().name(), "be quoted (only REGISTERED or AWAITING_QUOTE)");
        }
        QuotePricing.Job job = new QuotePricing.Job(ticket.entitlement(), ticket.serviceType(),
                request.removableOrDefault(), ticket.customerRegion());
        QuotePricing.Priced priced = QuotePricing.price(job, request.lines(), priceListFor(request, ticket));

        Optional<Quote> previous = quotes.current(ticketId).flatMap(q -> quotes.findForUpdate(q.id()));
        previous.filter(q -> q.state().canBecome(QuoteState.SUPERSEDED)).ifPresent(q ->
                quotes.close(q.id(), QuoteState.SUPERSEDED, null, "revised by quote " + id, actor, now));
        int revision = previous.map(q -> q.revision() + 1).orElse(1);
        Quote quote = new Quote(id, ticketId, revision, previous.map(Quote::id).orElse(null), QuoteState.ISSUED,
                job.removable(), QuotePricing.paymentTerms(request.paymentTerms(), ticket.serviceType(), properties),
                properties.currency(), priced.lines(), priced.total(),
                QuotePricing.needsManagerApproval(priced.total(), properties.managerApprovalAbove()), now, actor,
                now.plus(properties.validity()), null, null, null, null, null, null, null, null, null, null, null,
                null, 0);
        quotes.insert(quote);

        boolean firstQuote = ticket.state() == TicketState.REGISTERED;
        if (firstQuote) {
            tickets.updateState(ticketId, ticket.state().requireTransitionTo(TicketState.AWAITING_QUOTE), null, now);
        }
        tickets.recordHistory(ticketId, now, actor, "QUOTE_ISSUED", firstQuote ? ticket.state() : null,
                firstQuote ? TicketState.AWAITING_QUOTE : null,
                "quote " + id + " revision " + revision + ": " + priced.total() + " " + quote.currency() + ", "
                        + quote.paymentTerms() + ", valid until " + quote.validUntil()
                        + (quote.needsManagerApproval() ? ", needs a manager's approval" : ""));
        outbox.append(QuoteEvents.AGGREGATE, ticketId, "QuoteIssued", 1, new QuoteEvents.QuoteIssued(ticketId,
                ticket.number(), id, revision, quote.supersedes(), ticket.entitlement().name(),
                ticket.serviceType().name(), quote.removable(), quote.paymentTerms(), quote.currency(),
                quote.lines().stream().map(QuoteEvents.Line::of).toList(), QuoteEvents.money(quote.total()),
                quote.needsManagerApproval(), quote.validUntil(), actor, now));
        log.info("Issued quote {} revision {} for ticket {}", id, revision, ticket.number());
        return new Issued(quote, true);
    }

    @Transactional
    public Quote customerAccepted(UUID quoteId, CustomerAnswer answer, Integer expectedVersion, String actor) {
        Instant now = clock.instant();
        Locked locked = lock(quoteId, expectedVersion);
        Quote quote = locked.quote();
        requireOpen(quote, now, "be accepted");
        quote.state().requireTransitionTo(QuoteState.ACCEPTED_BY_CUSTOMER);
        requireAwaitingQuote(locked.ticket());
        quotes.customerAccepted(quoteId, answer.customerName(), answer.method(), now, actor);
        tickets.recordHistory(quote.ticketId(), now, actor, "QUOTE_ACCEPTED_BY_CUSTOMER", null, null,
                "quote " + quoteId + " accepted by " + answer.customerName() + " (" + answer.method() + ")"
                        + (answer.note() == null ? "" : ": " + answer.note()));
        outbox.append(QuoteEvents.AGGREGATE, quote.ticketId(), "QuoteAccepted", 1, new QuoteEvents.QuoteAccepted(
                quote.ticketId(), locked.ticket().number(), quoteId, quote.revision(), QuoteEvents.money(quote.total()),
                quote.currency(), quote.paymentTerms(), answer.customerName(), answer.method(),
                quote.needsManagerApproval(), actor, now));
        return get(quoteId);
    }

    /** The supervisor always approves; above the limit the quote then waits for a manager. */
    @Transactional
    public Quote supervisorApproved(UUID quoteId, Integer expectedVersion, String actor) {
        Instant now = clock.instant();
        Locked locked = lock(quoteId, expectedVersion);
        Quote quote = locked.quote();
        requireOpen(quote, now, "be approved");
        if (quote.state() != QuoteState.ACCEPTED_BY_CUSTOMER) {
            throw new StateConflictException("quote", quote.state().name(),
                    "be approved by a supervisor (the customer must have accepted it, and only once)");
        }
        requireAwaitingQuote(locked.ticket());
        QuoteState next = quote.needsManagerApproval() ? QuoteState.AWAITING_MANAGER : QuoteState.APPROVED;
        quote.state().requireTransitionTo(next);
        quotes.supervisorApproved(quoteId, next, actor, now);
        tickets.recordHistory(quote.ticketId(), now, actor, "QUOTE_APPROVED_BY_SUPERVISOR", null, null,
                "quote " + quoteId + (next == QuoteState.AWAITING_MANAGER
                        ? ": total " + quote.total() + " is above " + properties.managerApprovalAbove()
                        + ", a manager must approve too" : ": approved"));
        return get(quoteId);
    }

    @Transactional
    public Quote managerApproved(UUID quoteId, Integer expectedVersion, String actor) {
        Instant now = clock.instant();
        Locked locked = lock(quoteId, expectedVersion);
        Quote quote = locked.quote();
        requireOpen(quote, now, "be approved");
        if (quote.state() != QuoteState.AWAITING_MANAGER) {
            throw new StateConflictException("quote", quote.state().name(),
                    "be approved by a manager (only after the supervisor, and only above the limit)");
        }
        if (actor.equals(quote.supervisorApprovedBy())) {
            throw new ForbiddenException("the supervisor who approved quote " + quoteId + " cannot also give the manager's approval");
        }
        requireAwaitingQuote(locked.ticket());
        quote.state().requireTransitionTo(QuoteState.APPROVED);
        quotes.managerApproved(quoteId, actor, now);
        tickets.recordHistory(quote.ticketId(), now, actor, "QUOTE_APPROVED_BY_MANAGER", null, null,
                "quote " + quoteId + ": approved");
        return get(quoteId);
    }

    /** The customer says no: the quote is declined and the ticket closes as DECLINED_PAID_SERVICE. */
    @Transactional
    public Quote customerDeclined(UUID quoteId, CustomerAnswer answer, Integer expectedVersion, String actor) {
        Instant now = clock.instant();
        Locked locked = lock(quoteId, expectedVersion);
        Quote quote = locked.quote();
        Ticket ticket = locked.ticket();
        quote.state().requireTransitionTo(QuoteState.DECLINED);
        ticket.state().requireTransitionTo(TicketState.DECLINED_PAID_SERVICE);
        quotes.close(quoteId, QuoteState.DECLINED, DeclineReason.CUSTOMER_DECLINED, answer.note(), actor, now);
        tickets.updateState(ticket.id(), TicketState.DECLINED_PAID_SERVICE, null, now);
        tickets.recordHistory(ticket.id(), now, actor, "QUOTE_DECLINED", ticket.state(), TicketState.DECLINED_PAID_SERVICE,
                "quote " + quoteId + " declined by " + answer.customerName() + " (" + answer.method() + ")"
                        + (answer.note() == null ? "" : ": " + answer.note()));
        outbox.append(QuoteEvents.AGGREGATE, ticket.id(), "QuoteDeclined", 1, new QuoteEvents.QuoteDeclined(ticket.id(),
                ticket.number(), quoteId, quote.revision(), DeclineReason.CUSTOMER_DECLINED,
                QuoteEvents.money(quote.total()), quote.currency(), answer.customerName(), answer.method(),
                answer.note(), actor, now));
        return get(quoteId);
    }

    /**
     * Expires one quote the caller has claimed (quote and ticket row-locked, see QuoteRepository.claimDue).
     * The ticket closes as DECLINED_PAID_SERVICE when its state allows; a cancelled ticket stays cancelled.
     *
     * @return false when the quote was no longer open
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean expire(QuoteRepository.Due due, Instant now, String actor) {
        Quote quote = quotes.find(due.quoteId()).orElseThrow();
        if (!quote.state().canBecome(QuoteState.EXPIRED)) {
            return false;
        }
        Ticket ticket = tickets.find(due.ticketId()).orElseThrow();
        quotes.close(quote.id(), QuoteState.EXPIRED, DeclineReason.EXPIRED, null, actor, now);
        boolean closesTicket = ticket.state().canBecome(TicketState.DECLINED_PAID_SERVICE);
        if (closesTicket) {
            tickets.updateState(ticket.id(), TicketState.DECLINED_PAID_SERVICE, null, now);
        }
        tickets.recordHistory(ticket.id(), now, actor, "QUOTE_EXPIRED", ticket.state(),
                closesTicket ? TicketState.DECLINED_PAID_SERVICE : ticket.state(),
                "quote " + quote.id() + " was valid until " + quote.validUntil());
        outbox.append(QuoteEvents.AGGREGATE, ticket.id(), "QuoteDeclined", 1, new QuoteEvents.QuoteDeclined(ticket.id(),
                ticket.number(), quote.id(), quote.revision(), DeclineReason.EXPIRED, QuoteEvents.money(quote.total()),
                quote.currency(), null, null, null, actor, now));
        return true;
    }

    /** INT-08: a PAID ticket, or any ticket waiting on a quote, is accepted only with an approved quote. */
    @Override
    public void requireApprovedQuote(Ticket ticket) {
        if (ticket.entitlement() != Entitlement.PAID && ticket.state() != TicketState.AWAITING_QUOTE) {
            return;
        }
        Quote current = quotes.current(ticket.id()).orElseThrow(() -> new StateConflictException("ticket",
                ticket.state().name(), "become ACCEPTED: paid service needs a quote accepted by the customer and "
                + "approved (INT-08), and none has been issued"));
        if (current.state() != QuoteState.APPROVED) {
            throw new StateConflictException("ticket", ticket.state().name(), "become ACCEPTED: its quote " + current.id()
                    + " is " + current.state() + " and must be APPROVED first (INT-08)");
        }
    }

    public Quote get(UUID quoteId) {
        return quotes.find(quoteId).orElseThrow(() -> new NotFoundException("no quote " + quoteId));
    }

    public List<Quote> forTicket(UUID ticketId) {
        tickets.find(ticketId).orElseThrow(() -> ticketNotFound(ticketId));
        return quotes.forTicket(ticketId);
    }

    private record Locked(Ticket ticket, Quote quote) {
    }

    private Locked lock(UUID quoteId, Integer expectedVersion) {
        UUID ticketId = get(quoteId).ticketId();
        Ticket ticket = tickets.findForUpdate(ticketId).orElseThrow(() -> ticketNotFound(ticketId));
        Quote quote = quotes.findForUpdate(quoteId).orElseThrow();
        if (expectedVersion != null && expectedVersion != quote.version()) {
            throw new IfMatch.StaleVersionException("quote " + quoteId, quote.version());
        }
        return new Locked(ticket, quote);
    }

    private static void requireOpen(Quote quote, Instant now, String attempted) {
        if (quote.effectiveState(now) == QuoteState.EXPIRED && quote.state() != QuoteState.EXPIRED) {
            throw new StateConflictException("quote", QuoteState.EXPIRED.name(),
                    attempted + ": it was valid until " + quote.validUntil());
        }
    }

    private static void requireAwaitingQuote(Ticket ticket) {
        if (ticket.state() != TicketState.AWAITING_QUOTE) {
            throw new StateConflictException("ticket", ticket.state().name(), "take a quote decision (not AWAITING_QUOTE)");
        }
    }

    private QuotePricing.PriceList priceListFor(IssueQuoteRequest request, Ticket ticket) {
        Set<String> parts = new LinkedHashSet<>();
        Set<String> labour = new LinkedHashSet<>();
        Set<String> zones = new LinkedHashSet<>();
        for (IssueQuoteRequest.Line line : request.lines()) {
            switch (line.kind()) {
                case PART -> addIfPresent(parts, line.partNumber());
                case LABOUR -> addIfPresent(labour, line.labourCode());
                case TRAVEL -> addIfPresent(zones, line.travelZone() == null || line.travelZone().isBlank()
                        ? ticket.customerRegion() : line.travelZone());
            }
        }
        return prices.priceListFor(parts, labour, zones);
    }

    private static void addIfPresent(Set<String> keys, String key) {
        if (key != null && !key.isBlank()) {
            keys.add(key);
        }
    }

    private static NotFoundException ticketNotFound(UUID id) {
        return new NotFoundException("no ticket " + id);
    }
}
