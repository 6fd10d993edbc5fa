package com.opensvc.aftersales.intake.caller;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.opensvc.aftersales.data.Timestamps;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import lombok.RequiredArgsConstructor;

/** The ticket side of a caller's history; every query is driven by an index (customer id, ticket id). */
@Repository
@RequiredArgsConstructor
public class CallerLookupRepository {
    private final JdbcClient jdbc;
    private final JsonMapper json;

    public List<CallerHistory.TicketSummary> tickets(UUID customerId, Collection<UUID> installedProductIds, int limit) {
        return jdbc.sql("""
                SELECT * FROM (
                    SELECT id, number, state, kind, category, product_model, serial_number, entitlement, priority, created_at
                      FROM ticket WHERE customer_id = :customer
                    UNION
                    SELECT id, number, state, kind, category, product_model, serial_number, entitlement, priority, created_at
                      FROM ticket WHERE installed_product_id = ANY(:products)
                ) t ORDER BY created_at DESC LIMIT :limit
                """).param("customer", customerId).param("products", installedProductIds.toArray(UUID[]::new))
                .param("limit", limit)
                .query((rs, n) -> new CallerHistory.TicketSummary(rs.getObject("id", UUID.class), rs.getString("number"),
                        rs.getString("state"), rs.getString("kind"), rs.getString("category"),
                        rs.getString("product_model"), rs.getString("serial_number"), rs.getString("entitlement"),
                        rs.getString("priority"), Timestamps.instant(rs, "created_at")))
                .list();
    }

    public List<CallerHistory.ServiceRecord> services(Collection<UUID> ticketIds) {
        return jdbc.sql("""
                SELECT e.ticket_id, t.number, e.at, e.actor, e.payload FROM timeline_event e JOIN ticket t ON t.id = e.ticket_id
                WHERE e.ticket_id = ANY(:tickets) AND e.event_type = 'RepairClosed' ORDER BY e.at DESC
                """).param("tickets", ticketIds.toArray(UUID[]::new))
                .query((rs, n) -> {
                    JsonNode payload = json.readTree(rs.getString("payload"));
                    return new CallerHistory.ServiceRecord(rs.getObject("ticket_id", UUID.class), rs.getString("number"),
                            uuid(payload, "workOrderId"), Timestamps.instant(rs, "at"),
                            text(payload, "technicianId"), text(payload, "causeCode"), text(payload, "actions"),
                            payload.get("partsUsed"));
                }).list();
    }

    public List<CallerHistory.RevisitRecord> revisits(Collection<UUID> ticketIds) {
        return jdbc.sql("""
                SELECT e.ticket_id, t.number, e.event_type, e.at, e.payload FROM timeline_event e JOIN ticket t ON t.id = e.ticket_id
                WHERE e.ticket_id = ANY(:tickets)
                  AND e.event_type IN ('RevisitScheduled', 'RevisitCompleted', 'CustomerDissatisfied', 'RevisitUnreachable')
                ORDER BY e.at DESC
                """).param("tickets", ticketIds.toArray(UUID[]::new))
                .query((rs, n) -> {
                    JsonNode payload = json.readTree(rs.getString("payload"));
                    return new CallerHistory.RevisitRecord(rs.getObject("ticket_id", UUID.class), rs.getString("number"),
                            rs.getString("event_type"), Timestamps.instant(rs, "at"),
                            text(payload, "satisfaction"), text(payload, "comment"));
                }).list();
    }

    private static String text(JsonNode payload, String field) {
        JsonNode node = payload.get(field);
        return node == null || node.isNull() ? null : node.asString();
    }

    private static UUID uuid(JsonNode payload, String field) {
        String text = text(payload, field);
        try {
            return text == null ? null : UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
