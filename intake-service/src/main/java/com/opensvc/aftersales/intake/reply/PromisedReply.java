package com.opensvc.aftersales.intake.reply;

import java.time.Instant;
import java.util.UUID;

/**
 * The reply promised to the customer on a ticket (INT-25). {@code revision} counts the promises made on the ticket:
 * a changed promise is a new revision, the old one stays as SUPERSEDED.
 */
public record PromisedReply(UUID id, UUID ticketId, String ticketNumber, UUID customerId, int revision,
                            Instant replyBy, ReplySource source, String note, State state, String setBy, Instant setAt,
                            String answeredBy, Instant answeredAt, String answerSummary, boolean overdue,
                            boolean answeredLate) {
    public enum State {
        OPEN, ANSWERED, SUPERSEDED
    }
}
