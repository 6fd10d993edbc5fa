package com.opensvc.aftersales.intake.outreach;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import com.opensvc.aftersales.messaging.InboundEvent;
import com.opensvc.aftersales.messaging.MalformedEventException;

import tools.jackson.databind.JsonNode;

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
     * Reads a {@code DefectCampaignLaunched} event. Anything that would make the campaign unusable (no model, no
     * range at all, an inverted range, a malformed date) makes the event malformed: it goes to the dead-letter topic.
     */
    public static DefectCampaign from(InboundEvent event, Duration defaultContactWithin) {
        JsonNode payload = event.payload();
        String model = event.text("productModel");
        String description = event.text("description");
        if (model.isBlank() || description.isBlank()) {
            throw malformed(event, "productModel and description must not be blank");
        }
        String serialFrom = optionalText(payload, "serialFrom");
        String serialTo = optionalText(payload, "serialTo");
        LocalDate factoryFrom = optionalDate(event, "factoryDateFrom");
        LocalDate factoryTo = optionalDate(event, "factoryDateTo");
        if (serialFrom == null && serialTo == null && factoryFrom == null && factoryTo == null) {
            throw malformed(event, "names no serial range and no factory-date range");
        }
        if (serialFrom != null && serialTo != null && serialFrom.compareTo(serialTo) > 0) {
            throw malformed(event, "serialFrom is after serialTo");
        }
        if (factoryFrom != null && factoryTo != null && factoryFrom.isAfter(factoryTo)) {
            throw malformed(event, "factoryDateFrom is after factoryDateTo");
        }
        Duration contactWithin = defaultContactWithin;
        JsonNode hours = payload.get("contactWithinHours");
        if (hours != null && !hours.isNull()) {
            if (!hours.isIntegralNumber() || hours.asInt() < 1 || hours.asInt() > MAX_CONTACT_WITHIN_HOURS) {
                throw malformed(event, "contactWithinHours must be a whole number from 1 to " + MAX_CONTACT_WITHIN_HOURS);
            }
            contactWithin = Duration.ofHours(hours.asInt());
        }
        Instant launchedAt = optionalInstant(event, "occurredAt");
        if (launchedAt == null) {
            launchedAt = event.time();
        }
        if (launchedAt == null) {
            throw malformed(event, "has no occurredAt");
        }
        String actor = payload.hasNonNull("actor") ? event.text("actor") : event.source();
        return new DefectCampaign(event.uuid("campaignId"), optionalText(payload, "campaignNumber"), model, serialFrom,
                serialTo, factoryFrom, factoryTo, description, optionalText(payload, "actionToTake"), launchedAt,
                launchedAt.plus(contactWithin), actor == null ? "quality-service" : actor);
    }

    /** What the outreach tickets say the fault is. */
    public String faultDescription() {
        String name = campaignNumber == null ? "Defect campaign" : "Defect campaign " + campaignNumber;
        return name + ": " + description + (actionToTake == null ? "" : " Action: " + actionToTake);
    }

    private static String optionalText(JsonNode payload, String field) {
        JsonNode node = payload.get(field);
        return node == null || node.isNull() || node.asString().isBlank() ? null : node.asString();
    }

    private static LocalDate optionalDate(InboundEvent event, String field) {
        String text = optionalText(event.payload(), field);
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw malformed(event, field + " is not a date");
        }
    }

    private static Instant optionalInstant(InboundEvent event, String field) {
        String text = optionalText(event.payload(), field);
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw malformed(event, field + " is not a date-time");
        }
    }

    private static MalformedEventException malformed(InboundEvent event, String why) {
        return new MalformedEventException("event " + event.id() + " (" + event.type() + ") " + why);
    }
}
