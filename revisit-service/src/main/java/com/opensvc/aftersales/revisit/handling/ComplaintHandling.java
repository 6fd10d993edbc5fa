package com.opensvc.aftersales.revisit.handling;

import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.web.StateConflictException;

import lombok.RequiredArgsConstructor;

/**
 * REV-02: whether a ticket's complaint is being handled, from intake's events (never a call to intake). Open from
 * {@code TicketRegistered} of a complaint and from {@code TicketReopened}; handled from {@code ComplaintFinished},
 * {@code TicketRejected}, {@code TicketCancelled} and {@code TicketClosed}. The latest event by its occurredAt wins,
 * whatever order they arrive in; a ticket revisit has heard nothing of is not being handled.
 */
@Service
@RequiredArgsConstructor
public class ComplaintHandling {
    private final ComplaintHandlingRepository handling;

    /** REV-02: a revisit of a ticket whose complaint is being handled is not called until it is resolved (409). */
    public void requireNotBeingHandled(UUID ticketId) {
        if (handling.beingHandled(ticketId)) {
            throw new StateConflictException("the ticket's complaint", "being handled",
                    "call the customer back while the complaint is being handled (REV-02)");
        }
    }

    public boolean beingHandled(UUID ticketId) {
        return handling.beingHandled(ticketId);
    }

    @Transactional
    void opened(UUID ticketId, String because, Instant at) {
        handling.record(ticketId, true, because, at);
    }

    @Transactional
    void handled(UUID ticketId, String because, Instant at) {
        handling.record(ticketId, false, because, at);
    }
}
