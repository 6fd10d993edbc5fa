package com.opensvc.aftersales.intake.reply;

import java.time.Instant;
import java.util.UUID;

import com.opensvc.aftersales.intake.ticket.TicketEvent;

/** INT-25 events on {@code aftersales.intake.ticket}, keyed by ticket id. */
final class ReplyEvents {
    private ReplyEvents() {
    }

    /** A reply deadline was promised (or changed, with the customer's agreement): tracked like an SLA deadline. */
    record ReplyPromised(UUID ticketId, String ticketNumber, Instant replyBy, ReplySource source, int revision,
                         Instant previousReplyBy, String actor, Instant occurredAt) implements TicketEvent {
    }

    /** The promised reply was given: the deadline is met (or late) and stops. */
    record PromisedReplyAnswered(UUID ticketId, String ticketNumber, Instant replyBy, Instant answeredAt, boolean late,
                                 String actor, Instant occurredAt) implements TicketEvent {
    }
}
