package com.opensvc.aftersales.intake.sla;

import java.util.List;

import com.opensvc.aftersales.intake.ticket.TicketEvent;
import com.opensvc.aftersales.intake.ticket.TicketService;

/**
 * SLA-06: what a clock's breach caused: the BREACHED clock, its events (SlaBreached, then TicketEscalated) and its
 * lines on the ticket's timeline.
 */
record SlaBreach(SlaClock clock, List<TicketEvent> events, List<TicketService.Note> timeline) {
    SlaBreach {
        events = List.copyOf(events);
        timeline = List.copyOf(timeline);
    }
}
