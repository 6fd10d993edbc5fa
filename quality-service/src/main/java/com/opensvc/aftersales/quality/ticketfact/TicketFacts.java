package com.opensvc.aftersales.quality.ticketfact;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import lombok.RequiredArgsConstructor;

/**
 * What quality knows of each ticket from intake's events (never its database): the kind and channel, the referrer of
 * a sales referral, the customer, the region and the unit — for defect records, reports and complaint statistics.
 * Reports may join {@code ticket_fact} directly (a read model); nothing but this feature writes it.
 */
@Service
@RequiredArgsConstructor
public class TicketFacts {
    private final TicketFactRepository facts;
    private final Clock clock;

    @Transactional
    public void registered(TicketRegistered registered) {
        facts.registered(registered, clock.instant());
    }

    @Transactional
    public void accepted(TicketAccepted accepted) {
        facts.accepted(accepted, clock.instant());
    }

    public Optional<TicketFact> find(UUID ticketId) {
        return facts.find(ticketId);
    }
}
