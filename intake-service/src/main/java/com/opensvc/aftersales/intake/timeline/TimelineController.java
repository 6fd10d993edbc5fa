package com.opensvc.aftersales.intake.timeline;

import java.util.List;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.opensvc.aftersales.intake.ticket.TicketService;

@RestController
public class TimelineController {
    private final TimelineRepository timeline;
    private final TicketService tickets;

    public TimelineController(TimelineRepository timeline, TicketService tickets) {
        this.timeline = timeline;
        this.tickets = tickets;
    }

    @GetMapping("/api/intake/tickets/{id}/timeline")
    @PreAuthorize("hasAnyRole('FRONT_DESK', 'CUSTOMER_MANAGER', 'SUPERVISOR', 'MANAGER', 'SERVICE_DIRECTOR', 'QUALITY', 'REVISIT_AGENT', 'GENERAL_MANAGER')")
    public List<TimelineEntry> timeline(@PathVariable UUID id) {
        tickets.get(id);
        return timeline.timeline(id);
    }
}
