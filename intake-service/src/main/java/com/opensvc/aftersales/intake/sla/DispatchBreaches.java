package com.opensvc.aftersales.intake.sla;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.intake.ticket.Ticket;
import com.opensvc.aftersales.intake.ticket.TicketService;
import com.opensvc.aftersales.messaging.OutboxWriter;

import lombok.RequiredArgsConstructor;

/**
 * SLA-06 for dispatch's visit clocks: each breach escalates its ticket one level — the ticket's level is the number
 * of its breached deadlines, intake's and dispatch's together, so a first breach is level 1 — publishes
 * TicketEscalated (dispatch has published the SlaBreached itself) and puts both on the ticket's timeline.
 */
@Service
@RequiredArgsConstructor
class DispatchBreaches {
    static final String ACTOR = "system:sla";
    private static final Logger log = LoggerFactory.getLogger(DispatchBreaches.class);

    private final SlaClockRepository clocks;
    private final TicketService tickets;
    private final OutboxWriter outbox;
    private final Clock clock;

    @Transactional
    void breached(DispatchBreachListener.SlaBreached breach) {
        if (breach.workOrderId() == null) {
            log.warn("SlaBreached of clock {} without a work order on the work-order topic ignored", breach.clock());
            return;
        }
        Ticket ticket = tickets.find(breach.ticketId()).orElse(null);
        if (ticket == null) {
            log.warn("SlaBreached for unknown ticket {} ignored", breach.ticketId());
            return;
        }
        tickets.lock(ticket.id());
        int level = clocks.breachesOf(ticket.id()) + 1;
        Instant now = clock.instant();
        if (!clocks.recordDispatchBreach(ticket.id(), breach.workOrderId(), breach.clock(), breach.dueAt(),
                breach.breachedAt(), breach.technicianId(), level, now)) {
            return;
        }
        TicketEscalated escalated = TicketEscalated.toLevel(ticket.id(), ticket.number(), level,
                breach.clock() + " deadline of work order " + breach.workOrderId() + " breached (SLA-04, SLA-06)",
                ACTOR, now);
        tickets.note(ticket.id(), "SLA_BREACHED", ACTOR, breach.breachedAt(), breach.clock() + " of work order "
                + breach.workOrderId() + " was due " + breach.dueAt() + " (dispatch"
                + (breach.technicianId() == null ? "" : ", technician " + breach.technicianId()) + ")");
        tickets.note(ticket.id(), "ESCALATED", ACTOR, now,
                "level " + level + ", notifying " + escalated.notifyRoles() + " (SLA-06)");
        outbox.appendAll(List.of(escalated));
    }
}
