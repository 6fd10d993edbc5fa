package com.opensvc.aftersales.quality.complaint;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import lombok.RequiredArgsConstructor;

/** QLT-04: keeps each complaint's facts from intake's and revisit's events (the listener's only collaborator). */
@Service
@RequiredArgsConstructor
class ComplaintRecords {
    private final ComplaintRepository complaints;
    private final Clock clock;

    /** Only a COMPLAINT's registration starts a record; other kinds are not complaints. */
    @Transactional
    public void registered(TicketRegistered registered) {
        if (registered.complaint()) {
            complaints.registered(registered, clock.instant());
        }
    }

    @Transactional
    public void responsibilityAssigned(ComplaintResponsibilityAssigned assigned) {
        complaints.responsibilityAssigned(assigned, clock.instant());
    }

    @Transactional
    public void finished(ComplaintFinished finished) {
        complaints.finished(finished, clock.instant());
    }

    /** Updates a complaint's record only: a closed service request is not counted here. */
    @Transactional
    public void closed(TicketClosed closed) {
        complaints.closed(closed, clock.instant());
    }

    /** Kept for every ticket: the revisit topic may deliver before quality knows the ticket is a complaint. */
    @Transactional
    public void revisited(UUID ticketId, Satisfaction satisfaction, Instant at) {
        complaints.revisited(ticketId, satisfaction, at, clock.instant());
    }
}
