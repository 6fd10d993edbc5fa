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
        ComplaintStep step = switch (kind) {
            case OPINION -> ComplaintStep.OPINION;
            case REVIEW -> ComplaintStep.REVIEW;
            case GM_REPORT -> ComplaintStep.GM_APPROVAL;
            case EXECUTION -> ComplaintStep.EXECUTION;
            case FORM_RETURN -> ComplaintStep.FORM_RETURN;
            default -> null;
        };
        if (step == null) {
            return Optional.empty();
        }
        return complaints.findByTicket(ticketId, false).filter(c -> c.state().step() == step)
                .map(access::withCurrentHandler).map(Complaint::currentHandler);
    }
}
