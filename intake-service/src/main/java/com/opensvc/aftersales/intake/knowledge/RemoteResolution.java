package com.opensvc.aftersales.intake.knowledge;

import java.time.Instant;
import java.util.UUID;

import com.opensvc.aftersales.intake.ticket.Ticket;

/** The answer to resolve-remotely: the ticket as it is now and what was recorded. */
public record RemoteResolution(Ticket ticket, UUID articleId, UUID capturedArticleId, String solution,
                               Instant resolvedAt, String resolvedBy) {
}
