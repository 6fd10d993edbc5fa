package com.opensvc.aftersales.revisit.ticketfact;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.revisit.ticketfact.TicketFactsListener.TicketAccepted;
import com.opensvc.aftersales.revisit.ticketfact.TicketFactsListener.TicketRegistered;

import lombok.RequiredArgsConstructor;

/**
 * Revisit's copy of intake's ticket facts (customer, region, product), kept from events. Other features read a ticket's
 * facts through {@link #find}; reports may join {@code ticket_fact} (a read model), never write it.
 */
@Service
@RequiredArgsConstructor
public class TicketFacts {
    private final TicketFactRepository facts;

    public Optional<TicketFact> find(UUID ticketId) {
        return facts.find(ticketId);
    }

    @Transactional
    void registered(TicketRegistered registered) {
        facts.registered(registered);
    }

    @Transactional
    void accepted(TicketAccepted accepted) {
        facts.accepted(accepted);
    }
}
