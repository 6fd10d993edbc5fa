package com.opensvc.aftersales.intake.timeline;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;

import lombok.RequiredArgsConstructor;

/** A ticket's timeline (INT-18): its own history and every event other services published about it. */
@Service
@RequiredArgsConstructor
public class TimelineService {
    private final TimelineRepository timeline;

    /** Keeps a received event on its ticket's timeline; a redelivered one is kept once. */
    public void record(ReceivedEvent event) {
        timeline.record(event);
    }

    /** Oldest first; at the same instant a received event comes before the change it caused. */
    public List<TimelineEntry> of(UUID ticketId) {
        return timeline.timeline(ticketId);
    }
}
