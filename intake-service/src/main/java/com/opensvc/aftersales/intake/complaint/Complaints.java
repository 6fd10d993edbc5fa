package com.opensvc.aftersales.intake.complaint;

import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.web.NotFoundException;

import lombok.RequiredArgsConstructor;

/** A ticket's complaint, for the complaint process and the features around it (the form's review, INT-26). */
@Component
@RequiredArgsConstructor
public class Complaints {
    private final ComplaintRepository complaints;

    /** The ticket's complaint; 404 when it has none. */
    public Complaint ofTicket(UUID ticketId) {
        return complaints.findByTicket(ticketId, false).orElseThrow(() -> noComplaint(ticketId));
    }

    /** The ticket's complaint, row-locked for a change in the caller's transaction; 404 when it has none. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Complaint lockOfTicket(UUID ticketId) {
        return complaints.findByTicket(ticketId, true).orElseThrow(() -> noComplaint(ticketId));
    }

    private static NotFoundException noComplaint(UUID ticketId) {
        return new NotFoundException("ticket " + ticketId + " has no complaint");
    }
}
