package com.opensvc.aftersales.intake.complaint;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.opensvc.aftersales.intake.sla.ClockKind;
import com.opensvc.aftersales.intake.sla.ReminderRecipients;

import lombok.RequiredArgsConstructor;

/** INT-22: a complaint step's deadline reminder goes to its current handler (the backup while the main one is away). */
@Component
@RequiredArgsConstructor
class ComplaintReminderRecipients implements ReminderRecipients {
    private final ComplaintRepository complaints;
    private final ComplaintAccess access;

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
