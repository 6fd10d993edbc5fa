package com.opensvc.aftersales.intake.knowledge;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.intake.ticket.Ticket;
import com.opensvc.aftersales.intake.ticket.TicketEvent;
import com.opensvc.aftersales.intake.ticket.TicketService;
import com.opensvc.aftersales.intake.ticket.TicketState;

import lombok.RequiredArgsConstructor;

/**
 * INT-09: the problem was solved on the phone. The ticket ends as RESOLVED_REMOTELY with the solution on its
 * timeline, no work order is asked for (nothing dispatch consumes is published), and the article that helped
 * counts one more use, all in one transaction.
 */
@Service
@RequiredArgsConstructor
public class RemoteResolutionService {
    private static final Logger log = LoggerFactory.getLogger(RemoteResolutionService.class);

    private final TicketService tickets;
    private final ArticleRepository articles;
    private final KnowledgeService knowledge;
    private final Clock clock;

    /** Published on {@code aftersales.intake.ticket}; the solution text stays in intake (free text, SEC-04). */
    record TicketResolvedRemotely(UUID ticketId, String ticketNumber, String productModel, String productLine,
                                  UUID articleId, UUID capturedArticleId, String actor, Instant occurredAt)
            implements TicketEvent {
    }

    @Transactional
    public RemoteResolution resolve(UUID ticketId, ResolveRemotelyRequest request, String actor) {
        Ticket ticket = tickets.lock(ticketId);
        // refused (409) before the article is looked at
        ticket.state().requireTransitionTo(TicketState.RESOLVED_REMOTELY);
        Instant now = clock.instant();
        String solution = request.solution().strip();
        if (request.articleId() != null) {
            knowledge.recordUse(request.articleId(), now);
        }
        UUID captured = request.capture()
                ? knowledge.captureFromTicket(ticket, request.articleTitle(), solution, actor, now).id() : null;
        Ticket resolved = tickets.move(ticket, TicketState.RESOLVED_REMOTELY, TicketState.RESOLVED_REMOTELY.name(), actor,
                now, detail(solution, request.articleId(), captured), new TicketResolvedRemotely(ticketId,
                        ticket.number(), ticket.productModel(), ticket.productLine(), request.articleId(), captured,
                        actor, now));
        articles.insertRemoteResolution(ticketId, request.articleId(), captured, solution, now, actor);
        log.info("Ticket {} resolved remotely (article {}, captured {})", ticket.number(), request.articleId(), captured);
        return new RemoteResolution(resolved, request.articleId(), captured, solution, now, actor);
    }

    private static String detail(String solution, UUID articleId, UUID captured) {
        StringBuilder detail = new StringBuilder("solution: ").append(solution);
        if (articleId != null) {
            detail.append(" (knowledge article ").append(articleId).append(')');
        }
        if (captured != null) {
            detail.append(" (captured as draft article ").append(captured).append(')');
        }
        return detail.toString();
    }
}
