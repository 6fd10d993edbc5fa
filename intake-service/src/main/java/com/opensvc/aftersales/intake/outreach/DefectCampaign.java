package com.opensvc.aftersales.intake.outreach;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import com.opensvc.aftersales.intake.ticket.OutreachTickets;
import com.opensvc.aftersales.messaging.InboundEvent;
import com.opensvc.aftersales.messaging.MalformedEventException;

/**
 * A defect campaign (QLT-08) as intake keeps it: which installed products it concerns (the model, and a serial range
 * and/or a factory-date range, all bounds inclusive; serials compare byte-wise lexicographically) and by when their
 * customers must be contacted (INT-17).
 */
public record DefectCampaign(UUID campaignId, String campaignNumber, String productModel, String serialFrom,
                             String serialTo, LocalDate factoryDateFrom, LocalDate factoryDateTo, String description,
                             String actionToTake, Instant launchedAt, Instant contactDueAt, String actor) {
    static final int MAX_CONTACT_WITHIN_HOURS = 24 * 30;

    /**
     * The campaign a {@code DefectCampaignLaunched} event announces. Anything that would make the campaign unusable (no
     * range at all, an inverted range, a malformed date) makes the event malformed: it goes to the dead-letter topic.
     */
    static DefectCampaign from(DefectCampaignListener.DefectCampaignLaunched launched, InboundEvent event,
                               Duration defaultContactWithin) {
        String serialFrom = blankToNull(launched.serialFrom());
        String serialTo = blankToNull(launched.serialTo());
        LocalDate factoryFrom = date(event, "factoryDateFrom", launched.factoryDateFrom());
        LocalDate factoryTo = date(event, "factoryDateTo", launched.factoryDateTo());
        if (serialFrom == null && serialTo == null && factoryFrom == null && factoryTo == null) {
            throw malformed(event, "names no serial range and no factory-date range");
        }
        if (serialFrom != null && serialTo != null && serialFrom.compareTo(serialTo) > 0) {
            throw malformed(event, "serialFrom is after serialTo");
        }
        if (factoryFrom != null && factoryTo != null && factoryFrom.isAfter(factoryTo)) {
            throw malformed(event, "factoryDateFrom is after factoryDateTo");
        }
        Duration contactWithin = launched.contactWithinHours() == null ? defaultContactWithin
                : Duration.ofHours(launched.contactWithinHours());
        Instant launchedAt = instant(event, "occurredAt", launched.occurredAt());
        if (launchedAt == null) {
            launchedAt = event.time();
        }
        if (launchedAt == null) {
            throw malformed(event, "has no occurredAt");
        }
        String actor = launched.actor() != null ? launched.actor() : event.source();
        return new DefectCampaign(launched.campaignId(), blankToNull(launched.campaignNumber()), launched.productModel(),
                serialFrom, serialTo, factoryFrom, factoryTo, launched.description(),
                blankToNull(launched.actionToTake()), launchedAt, launchedAt.plus(contactWithin),
                actor == null ? "quality-service" : actor);
    }

    /** The outreach tickets the campaign asks for (INT-17). */
    OutreachTickets outreachTickets() {
        String detail = "outreach for " + (campaignNumber == null ? "defect campaign " + campaignId
                : "defect campaign " + campaignNumber) + " (INT-17); contact due " + contactDueAt;
        return new OutreachTickets(campaignId, productModel, serialFrom, serialTo, factoryDateFrom, factoryDateTo,
                faultDescription(), detail, contactDueAt, actor);
    }

    /** What the outreach tickets say the fault is. */
    public String faultDescription() {
        String name = campaignNumber == null ? "Defect campaign" : "Defect campaign " + campaignNumber;
        return name + ": " + description + (actionToTake == null ? "" : " Action: " + actionToTake);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static LocalDate date(InboundEvent event, String field, String text) {
        try {
            return blankToNull(text) == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw malformed(event, field + " is not a date");
        }
    }

    private static Instant instant(InboundEvent event, String field, String text) {
        try {
            return blankToNull(text) == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw malformed(event, field + " is not a date-time");
        }
    }

    private static MalformedEventException malformed(InboundEvent event, String why) {
        return new MalformedEventException("event " + event.id() + " (" + event.type() + ") " + why);
    }
}
