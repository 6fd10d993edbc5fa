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

import com.opensvc.aftersales.idempotency.IdempotencyKeys;
import com.opensvc.aftersales.intake.ticket.Ticket;
import com.opensvc.aftersales.intake.ticket.TicketService;
import com.opensvc.aftersales.web.IfMatch;
import com.opensvc.aftersales.web.InvalidFieldException;
import com.opensvc.aftersales.web.NotFoundException;

import lombok.RequiredArgsConstructor;

/**
 * INT-08: issue, customer answer, approval and expiry of quotes for paid service. The {@link Quote} decides each
 * step; every step goes on the ticket's history with its actor (INT-18, SEC-03). Locks are taken ticket first, then
 * quote.
 */
@Service
@RequiredArgsConstructor
public class QuoteService {
    private static final Logger log = LoggerFactory.getLogger(QuoteService.class);
    static final String IDEMPOTENT_RESOURCE = "quote";

    private final QuoteRepository quotes;
    private final PriceRepository prices;
    private final TicketService tickets;
    private final IdempotencyKeys idempotencyKeys;
    private final QuoteProperties properties;
    private final Clock clock;

    public record Issued(Quote quote, boolean created) {
    }

    @Transactional
    public Issued issue(UUID ticketId, IssueQuoteRequest request, String idempotencyKey, String actor) {
        UUID id = UUID.randomUUID();
        Optional<UUID> earlier = idempotencyKeys.claim(IDEMPOTENT_RESOURCE, idempotencyKey, id);
        if (earlier.isPresent()) {
            Quote existing = get(earlier.get());
            if (!existing.ticketId().equals(ticketId)) {
                throw new InvalidFieldException("Idempotency-Key", "was already used for another ticket's quote");
            }
            return new Issued(existing, false);
        }
        Ticket ticket = tickets.lock(ticketId);
        Quote.requireQuotable(ticket);
        Instant now = clock.instant();
        QuotePricing.Job job = new QuotePricing.Job(ticket.entitlement(), ticket.serviceType(),
                request.removableOrDefault(), ticket.customerRegion());
        QuotePricing.Priced priced = QuotePricing.price(job, request.lines(), priceListFor(request, ticket));
        Quote previous = quotes.current(ticketId).flatMap(q -> quotes.findForUpdate(q.id())).orElse(null);
        if (previous != null) {
            previous.supersededBy(id, actor, now).ifPresent(quotes::save);
        }
        QuoteChange issued = Quote.issue(id, ticket, previous, priced, job.removable(),
                QuotePricing.paymentTerms(request.paymentTerms(), ticket.serviceType(), properties), properties, actor, now);
        save(ticket, issued);
        log.info("Issued quote {} revision {} for ticket {}", id, issued.quote().revision(), ticket.number());
        return new Issued(issued.quote(), true);
    }

    @Transactional
    public Quote customerAccepted(UUID quoteId, CustomerAnswer answer, Integer expectedVersion, String actor) {
        Locked locked = lock(quoteId, expectedVersion);
        save(locked.ticket(), locked.quote().acceptByCustomer(locked.ticket(), answer, actor, clock.instant()));
        return get(quoteId);
    }

    @Transactional
    public Quote supervisorApproved(UUID quoteId, Integer expectedVersion, String actor) {
        Locked locked = lock(quoteId, expectedVersion);
        save(locked.ticket(), locked.quote().approveAsSupervisor(locked.ticket(), properties.managerApprovalAbove(), actor,
                clock.instant()));
        return get(quoteId);
    }

    @Transactional
    public Quote managerApproved(UUID quoteId, Integer expectedVersion, String actor) {
        Locked locked = lock(quoteId, expectedVersion);
        save(locked.ticket(), locked.quote().approveAsManager(locked.ticket(), actor, clock.instant()));
        return get(quoteId);
    }

    @Transactional
    public Quote customerDeclined(UUID quoteId, CustomerAnswer answer, Integer expectedVersion, String actor) {
        Locked locked = lock(quoteId, expectedVersion);
        save(locked.ticket(), locked.quote().decline(locked.ticket(), answer, actor, clock.instant()));
        return get(quoteId);
    }

    /**
     * Expires one quote the caller has claimed (quote and ticket row-locked, see QuoteRepository.claimDue).
     *
     * @return false when the quote was no longer open
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean expire(QuoteRepository.Due due, Instant now, String actor) {
        Quote quote = quotes.find(due.quoteId()).orElseThrow();
        Ticket ticket = tickets.lock(due.ticketId());
        Optional<QuoteChange> expired = quote.expire(ticket, actor, now);
        expired.ifPresent(change -> save(ticket, change));
        return expired.isPresent();
    }

    public Quote get(UUID quoteId) {
        return quotes.find(quoteId).orElseThrow(() -> new NotFoundException("no quote " + quoteId));
    }

    public List<Quote> forTicket(UUID ticketId) {
        tickets.get(ticketId);
        return quotes.forTicket(ticketId);
    }

    /** The quote and its events, and its line on the ticket's timeline, moving the ticket where the change says. */
    private void save(Ticket ticket, QuoteChange change) {
        quotes.save(change);
        if (change.approved()) {
            tickets.quoteApproved(ticket, change.action(), change.actor(), change.at(), change.detail());
        } else if (change.ticketTarget() != null) {
            tickets.move(ticket, change.ticketTarget(), change.action(), change.actor(), change.at(), change.detail());
        } else {
            tickets.note(ticket.id(), change.action(), change.actor(), change.at(), change.detail());
        }
    }

    private record Locked(Ticket ticket, Quote quote) {
    }

    private Locked lock(UUID quoteId, Integer expectedVersion) {
        Ticket ticket = tickets.lock(get(quoteId).ticketId());
        Quote quote = quotes.findForUpdate(quoteId).orElseThrow();
        if (expectedVersion != null && expectedVersion != quote.version()) {
            throw new IfMatch.StaleVersionException("quote " + quoteId, quote.version());
        }
        return new Locked(ticket, quote);
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
}
