package com.opensvc.aftersales.intake.complaint;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.opensvc.aftersales.intake.sla.ClockKind;
import com.opensvc.aftersales.intake.sla.ReminderRecipients;

/** INT-22: a complaint step's deadline reminder goes to its current handler (the backup while the main one is away). */
@Component
class ComplaintReminderRecipients implements ReminderRecipients {
    private final ComplaintRepository complaints;
    private final ComplaintAccess access;

    ComplaintReminderRecipients(ComplaintRepository complaints, ComplaintAccess access) {
        this.complaints = complaints;
        this.access = access;
    }

    @Override
    public Optional<String> personFor(UUID ticketId, ClockKind kind) {
        if (!ClockKind.COMPLAINT_STEPS.contains(kind)) {
            return Optional.empty();
        }
        return complaints.findByTicket(ticketId, false)
                .filter(c -> c.state().step() != null && c.state().step().deadline() == kind)
                .map(access::withCurrentHandler).map(Complaint::currentHandler);
    }
}
