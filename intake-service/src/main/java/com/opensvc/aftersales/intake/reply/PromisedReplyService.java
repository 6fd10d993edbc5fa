package com.opensvc.aftersales.intake.reply;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.intake.sla.SlaLifecycle;
import com.opensvc.aftersales.intake.ticket.Ticket;
import com.opensvc.aftersales.intake.ticket.TicketService;
import com.opensvc.aftersales.messaging.OutboxWriter;
import com.opensvc.aftersales.web.IfMatch;
import com.opensvc.aftersales.web.InvalidFieldException;
import com.opensvc.aftersales.web.NotFoundException;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;
import com.opensvc.aftersales.web.StateConflictException;

import lombok.RequiredArgsConstructor;

/**
 * INT-25: the desk records the reply deadline promised to (or chosen by) the customer, changes it when the customer
 * agrees to a new one, and records the answer given. Each step goes on the ticket's timeline.
 */
@Service
@RequiredArgsConstructor
public class PromisedReplyService {
    private final PromisedReplyRepository replies;
    private final TicketService tickets;
    private final OutboxWriter outbox;
    private final SlaLifecycle sla;
    private final Clock clock;

    /**
     * Sets the promise, or changes the open one ({@code expectedRevision} from If-Match, optional: 412 when another
     * change came first).
     */
    @Transactional
    public PromisedReply promise(UUID ticketId, Instant replyBy, ReplySource source, String note,
                                 Integer expectedRevision, String actor) {
        Ticket ticket = tickets.lock(ticketId);
        if (ticket.state().isTerminal()) {
            throw new StateConflictException("ticket", ticket.state().name(), "promise a reply");
        }
        Instant now = clock.instant();
        if (!replyBy.isAfter(now)) {
            throw new InvalidFieldException("replyBy", "must be in the future");
        }
        int last = replies.lastRevision(ticketId);
        if (expectedRevision != null) {
            IfMatch.require(expectedRevision, last, "promised reply of ticket " + ticket.number());
        }
        PromisedReply previous = replies.open(ticketId, now).orElse(null);
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        if (previous != null) {
            replies.supersede(previous.id());
        }
        replies.insert(UUID.randomUUID(), ticketId, last + 1, replyBy, source, cleanNote, actor, now);
        if (previous == null) {
            tickets.note(ticketId, "REPLY_PROMISED", actor, now,
                    "reply promised by " + replyBy + " (" + source + ")" + (cleanNote == null ? "" : ": " + cleanNote));
        } else {
            tickets.note(ticketId, "REPLY_PROMISE_CHANGED", actor, now,
                    "reply deadline changed from " + previous.replyBy() + " (" + previous.source() + ") to " + replyBy
                            + " (" + source + ")" + (cleanNote == null ? "" : ": " + cleanNote));
        }
        outbox.append(new ReplyEvents.ReplyPromised(ticketId, ticket.number(), replyBy, source, last + 1,
                previous == null ? null : previous.replyBy(), actor, now));
        sla.replyPromised(ticketId, now, replyBy, actor);
        return replies.open(ticketId, now).orElseThrow();
    }

    @Transactional
    public PromisedReply answered(UUID ticketId, String summary, String actor) {
        Ticket ticket = tickets.lock(ticketId);
        Instant now = clock.instant();
        PromisedReply open = replies.open(ticketId, now).orElseThrow(() -> new StateConflictException(
                "promised reply", replies.latest(ticketId, now).map(r -> r.state().name()).orElse("NONE"),
                "record an answer: no reply is promised on ticket " + ticket.number()));
        replies.answer(open.id(), summary.strip(), actor, now);
        boolean late = now.isAfter(open.replyBy());
        tickets.note(ticketId, "REPLY_GIVEN", actor, now,
                "promised reply given" + (late ? " late (was due " + open.replyBy() + ")" : "") + ": " + summary.strip());
        outbox.append(new ReplyEvents.PromisedReplyAnswered(ticketId, ticket.number(), open.replyBy(), now, late, actor, now));
        sla.replyGiven(ticketId, actor);
        return replies.latest(ticketId, now).orElseThrow();
    }

    public PromisedReply current(UUID ticketId) {
        tickets.get(ticketId);
        return replies.latest(ticketId, clock.instant())
                .orElseThrow(() -> new NotFoundException("no reply promised on ticket " + ticketId));
    }

    /** Every promise made on the ticket, oldest first (the changed ones as SUPERSEDED). */
    public List<PromisedReply> history(UUID ticketId) {
        tickets.get(ticketId);
        return replies.history(ticketId, clock.instant());
    }

    public PageOf<PromisedReply> open(Boolean overdue, Paging paging) {
        Instant now = clock.instant();
        return paging.of(replies.openByDueTime(overdue, now, paging.offset(), paging.size()), replies.countOpen(overdue, now));
    }
}
